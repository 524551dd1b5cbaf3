using Rollup.Crypto.Bn254.Curves;
using Rollup.Crypto.Bn254.Towers;

namespace Rollup.Crypto.Bn254.Pairing;

/// <summary>
/// A G2 point with its Miller-loop lines computed once, for points that are paired many times (the
/// KZG verifier's G2 generator and [τ]G2). Pairing against it skips all twist arithmetic, and each
/// line is stored divided by its constant coefficient, so that multiplying it into the accumulator
/// costs 10 F_q2 products instead of 13.
/// </summary>
/// <remarks>
/// A line through twist points, evaluated at P = (xP, yP), is A·(−yP) + B·xP·w + C·w^3 with
/// A, B, C ∈ F_q2 depending on Q only (<see cref="MillerLoop"/>). Dividing it by A·(−yP) ∈ F_q2 does
/// not change the pairing (the final exponentiation sends every element of a proper subfield to 1)
/// and leaves 1 + (B/A)·x'·w + (C/A)·y'·w^3 with x' = xP/(−yP), y' = 1/(−yP): one inversion per G1
/// point, none per line. A is never zero for a point of G2 (it is 2YZ for a doubling, the x-distance
/// λ for an addition), and <see cref="FromAffine"/> only accepts points of G2.
/// About 16 KB per point (89 lines of two F_q2 elements).
/// </remarks>
public sealed class G2Prepared
{
    /// <summary>B/A and C/A of every line, in the order the Miller loop uses them.</summary>
    internal readonly Fq2[] Lines;

    /// <summary>The point it was prepared from.</summary>
    public G2Affine Point { get; }

    public bool IsInfinity => Point.IsInfinity;

    private G2Prepared(in G2Affine point, Fq2[] lines)
    {
        Point = point;
        Lines = lines;
    }

    private static readonly Lazy<G2Prepared> GeneratorPrepared = new(() => FromAffine(G2Affine.Generator));

    /// <summary>The EIP-197 G2 generator, prepared once per process.</summary>
    public static G2Prepared Generator => GeneratorPrepared.Value;

    /// <summary>Prepares a point of G2 (checked: on the twist and in the order-r subgroup; infinity is allowed).</summary>
    public static G2Prepared FromAffine(in G2Affine q)
    {
        if (q.IsInfinity) return new G2Prepared(q, []);
        if (!q.IsOnCurve || !q.IsInSubgroup) throw new ArgumentException("not a point of G2", nameof(q));
        return new G2Prepared(q, MillerLoop.PrepareLines(q));
    }
}
