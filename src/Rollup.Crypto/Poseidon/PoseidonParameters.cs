using System.Numerics;
using Rollup.Crypto.Bn254.Fields;

namespace Rollup.Crypto.Hashing;

/// <summary>
/// circomlib's Poseidon parameters for one state width t (2..17) over BN254's scalar field: x⁵ S-box,
/// 8 full rounds, circomlib's partial-round count for t, and the round constants and MDS matrix in the
/// plain (unoptimized) form of the paper, where round r adds <see cref="RoundConstant"/>(r, ·), applies
/// the S-box (to every cell in a full round, to cell 0 in a partial one) and multiplies by
/// <see cref="Mds"/> (state ← M·state).
/// <para>
/// Nothing here is a pasted table: the constants are generated at first use by the procedure circomlib's
/// constants come from, the Poseidon reference script <c>generate_parameters_grain.sage</c> run as
/// <c>sage generate_parameters_grain.sage 1 0 254 t 8 R_P r</c> (circomlibjs names the command in
/// <c>poseidon_reference.js</c>). The Grain LFSR (<see cref="GrainLfsr"/>) seeded with
/// (prime field, x^α, 254, t, 8, R_P) yields, in this order:
/// </para>
/// <list type="number">
/// <item>(R_F + R_P)·t round constants, each 254 output bits read as an integer, redrawn while not below r;</item>
/// <item>2t values x₀..x_{t-1}, y₀..y_{t-1}, each 254 bits reduced modulo r (not redrawn), all drawn
/// again if two coincide; the MDS matrix is the Cauchy matrix M[i][j] = 1/(xᵢ + yⱼ), drawn again if
/// some xᵢ + yⱼ is zero.</item>
/// </list>
/// <para>
/// The script also rejects matrices that fail its subspace-trail tests (its algorithms 1–3); those are not
/// implemented here, because for circomlib's 16 widths the first Cauchy matrix drawn is the one circomlib
/// uses. The tests compare every constant and every matrix entry with circomlibjs's
/// <c>poseidon_constants</c>, so a width where that stopped being true would fail there.
/// </para>
/// </summary>
public sealed class PoseidonParameters
{
    public const int MinWidth = 2;
    public const int MaxWidth = 17;
    public const int FullRounds = 8;
    public const int SboxExponent = 5;

    /// <summary>circomlib's partial rounds for t = 2..17: the paper's security bound for 128 bits, rounded up as circomlib did.</summary>
    private static readonly int[] PartialRoundsByWidth = [56, 57, 56, 60, 60, 63, 64, 63, 60, 66, 60, 65, 70, 60, 64, 68];

    private static readonly PoseidonParameters?[] Cache = new PoseidonParameters?[MaxWidth + 1];

    private readonly Fr[] _roundConstants;
    private readonly Fr[] _mds;

    /// <summary>State width: the number of inputs plus one capacity cell.</summary>
    public int Width { get; }
    public int PartialRounds { get; }
    public int Rounds => FullRounds + PartialRounds;

    /// <summary>Every round's constants, round after round (<see cref="Rounds"/>·t values).</summary>
    public ReadOnlySpan<Fr> RoundConstants => _roundConstants;

    /// <summary>The MDS matrix, row after row (t·t values).</summary>
    public ReadOnlySpan<Fr> MdsMatrix => _mds;

    public Fr RoundConstant(int round, int cell) => _roundConstants[round * Width + cell];
    public Fr Mds(int row, int column) => _mds[row * Width + column];

    /// <summary>True for the rounds whose S-box layer covers the whole state.</summary>
    public bool IsFullRound(int round) => round < FullRounds / 2 || round >= FullRounds / 2 + PartialRounds;

    public static int PartialRoundsFor(int width)
    {
        CheckWidth(width);
        return PartialRoundsByWidth[width - MinWidth];
    }

    /// <summary>The parameters for width t, generated on first use and cached.</summary>
    public static PoseidonParameters For(int width)
    {
        CheckWidth(width);
        PoseidonParameters? p = Volatile.Read(ref Cache[width]);
        if (p is not null) return p;
        p = Generate(width);
        return Interlocked.CompareExchange(ref Cache[width], p, null) ?? p;
    }

    private PoseidonParameters(int width, int partialRounds, Fr[] roundConstants, Fr[] mds)
    {
        Width = width;
        PartialRounds = partialRounds;
        _roundConstants = roundConstants;
        _mds = mds;
    }

    private static void CheckWidth(int width)
    {
        if (width < MinWidth || width > MaxWidth)
            throw new ArgumentOutOfRangeException(nameof(width), width, $"Poseidon width must be {MinWidth}..{MaxWidth}");
    }

    private static PoseidonParameters Generate(int t)
    {
        const int fieldBits = 254;
        int partial = PartialRoundsByWidth[t - MinWidth];
        BigInteger r = Fr.Modulus;
        var grain = new GrainLfsr(fieldType: 1, sboxType: 0, fieldBits, t, FullRounds, partial);

        var constants = new Fr[(FullRounds + partial) * t];
        for (int i = 0; i < constants.Length; i++) constants[i] = Fr.FromBigInteger(grain.NextBelow(fieldBits, r));

        var mds = new Fr[t * t];
        while (true)
        {
            var xy = new Fr[2 * t];
            do
            {
                for (int i = 0; i < xy.Length; i++) xy[i] = Fr.FromBigInteger(grain.NextBits(fieldBits)); // reduced, as F(...) does
            } while (xy.Distinct().Count() != xy.Length);

            bool ok = true;
            for (int i = 0; i < t && ok; i++)
                for (int j = 0; j < t && ok; j++)
                {
                    Fr sum = xy[i] + xy[t + j];
                    if (sum.IsZero) ok = false;
                    else mds[i * t + j] = sum.Inverse();
                }
            if (ok) break;
        }
        return new PoseidonParameters(t, partial, constants, mds);
    }
}
