using System.Collections.Concurrent;
using Rollup.Crypto.Bn254.Fields;
using Rollup.Crypto.Polynomials;
using Rollup.Plonk.Keys;
using Rollup.Plonk.Protocol;

namespace Rollup.Plonk.Proving;

/// <summary>The quotient h = Σ y^(C−1−i)·c_i / (Xⁿ − 1), evaluated one coset of n points at a time.
/// <para>The extended coset g·⟨ω_N⟩ (N = n·2^e points, e = <see cref="ProtocolLayout.ExtendedLog"/>, g the coset
/// shift) is the union of the 2^e cosets c_j·H with c_j = g·ω_N^j (point j + i·2^e of the extended coset is
/// c_j·ω^i). h is interpolated from its values on the cosets directly (<see cref="InterpolateFromCosets"/>). On one such coset a rotation by r rows is a shift by r points (wrapping), and Xⁿ − 1 = c_jⁿ − 1 is a
/// constant. So each polynomial is moved from coefficients to its evaluations on c_j·H (a size-n transform) in place,
/// the constraints are evaluated there, and the polynomial is moved back: the prover never holds more than one copy
/// of any polynomial. The old way held every polynomial's evaluations on the whole extended coset at once (2^e
/// copies beside the coefficients): 50 GiB extrapolated at 2^20 rows for the batch circuit.</para>
/// <para>The result is the same polynomial as the whole-coset computation (the test suite keeps that one as its
/// reference), so proofs do not change.</para></summary>
internal static class CosetQuotient
{
    /// <summary>Points per parallel block of the coset-wise interpolation (<see cref="InterpolateFromCosets"/>).</summary>
    private const int Block = 1024;

    /// <summary>Points per block of the compiled constraint program: a register is a block of values (72 bytes a
    /// point in the AVX-512 layout), so this times the program's registers is a worker's scratch.</summary>
    internal const int ProgramBlock = 256;

    /// <summary>h's N coefficients as 2^e pieces of n (piece q holds coefficients q·n..(q+1)·n − 1; the protocol
    /// commits the first <see cref="ProtocolLayout.QuotientPieces"/>, the others are zero for a valid witness).
    /// <paramref name="coefficients"/>' arrays (each n coefficients; X and L₀ are made
    /// here) are transformed in place and hold their coefficients again on return, also when this throws.</summary>
    public static Fr[][] Compute(ProtocolLayout layout, CosetPolys coefficients, Fr[] challenges, ProtocolChallenges pc, Fr y,
        ProverStages? stages = null)
    {
        int n = layout.Rows, log2n = layout.K, e = layout.ExtendedLog, cosets = 1 << e, extLog = log2n + e;
        var shift = ProvingKey.CosetShift;
        var omegaN = Fr.RootOfUnity(extLog);
        var nInverse = Fr.FromUInt64((ulong)n).Inverse();
        var points = new Fr[n];
        var lagrangeFirst = new Fr[n];
        var polys = new CosetPolys
        {
            Fixed = coefficients.Fixed, Advice = coefficients.Advice, Instance = coefficients.Instance, Sigma = coefficients.Sigma,
            PermutationProducts = coefficients.PermutationProducts, Multiplicities = coefficients.Multiplicities,
            LookupSums = coefficients.LookupSums, CosetPoints = points, LagrangeFirst = lagrangeFirst, RotationStride = 1,
        };
        // The zero polynomial is zero on every coset: its array serves as is (and stays untouched, see BorrowedColumns).
        var arrays = polys.All.Where(p => !BorrowedColumns.IsZero(p)).ToArray();
        var program = ConstraintBlockProgram.Compile(layout, ConstraintList.Build(layout, pc).Select(c => c.Polynomial).ToList(), challenges, y);
        stages?.Mark("quotient: compile constraints");
        var machines = new ConcurrentBag<(FrBlockMachine, FrBlockInput[])>(); // shared by the cosets' evaluations
        // h's values on coset j, then (InterpolateFromCosets) its pieces: no N-point array, no N-point transform.
        var h = Enumerable.Range(0, cosets).Select(_ => new Fr[n]).ToArray();

        var cosetShift = shift;
        for (int j = 0; j < cosets; j++, cosetShift *= omegaN)
        {
            // X = c_j·ω^i; L₀'s coefficients are all 1/n, so its values come from the same transform as the others'.
            points.AsSpan().Fill(cosetShift);
            PolyOps.ScaleByPowers(points, Fr.RootOfUnity(log2n));
            lagrangeFirst.AsSpan().Fill(nInverse);
            PolyOps.EvaluateOnShiftedDomain(lagrangeFirst, log2n, cosetShift);

            int moved = 0;
            try
            {
                for (; moved < arrays.Length; moved++) PolyOps.EvaluateOnShiftedDomain(arrays[moved], log2n, cosetShift);
                stages?.Mark("quotient: coset transforms");
                var vanishingInverse = (cosetShift.Pow((ulong)n) - Fr.One).Inverse();
                EvaluateConstraints(polys, program, vanishingInverse, h[j], machines: machines);
                stages?.Mark("quotient: evaluate constraints");
            }
            finally
            {
                for (int i = 0; i < moved; i++) PolyOps.InterpolateFromShiftedDomain(arrays[i], log2n, cosetShift);
                stages?.Mark("quotient: coset transforms");
            }
        }
        InterpolateFromCosets(h, log2n, shift);
        stages?.Mark("quotient: interpolate");
        return h;
    }

    /// <summary>Coefficients of a polynomial of degree &lt; 2^e·n from its values on the cosets c_j·H, c_j = g·ω_N^j,
    /// in place: array j holds the values on coset j before, coefficients j·n..(j+1)·n − 1 after.
    /// <para>Interpolating coset j's values as if on H (scaled by c_j^−i) gives h mod (Xⁿ − c_jⁿ): coefficient i is
    /// r_j[i] = Σ_q h[i + q·n]·c_j^(q·n), and c_j^(q·n) = g^(q·n)·w^(j·q) with w = ω_N^n a primitive 2^e-th root of
    /// unity. So for each i, (r_j[i])_j is the size-2^e transform of (h[i + q·n]·g^(q·n))_q, which a small inverse
    /// transform undoes.</para></summary>
    internal static void InterpolateFromCosets(Fr[][] values, int log2n, Fr shift)
    {
        int cosets = values.Length, n = 1 << log2n, e = System.Numerics.BitOperations.Log2((uint)cosets);
        var omegaN = Fr.RootOfUnity(log2n + e);
        var c = shift;
        for (int j = 0; j < cosets; j++, c *= omegaN) PolyOps.InterpolateFromShiftedDomain(values[j], log2n, c);

        // inverse[j·2^e + q] = w^(−j·q)/2^e; unshift[q] = g^(−q·n).
        var wInverse = Fr.RootOfUnity(e).Inverse();
        var scale = Fr.FromUInt64((ulong)cosets).Inverse();
        var inverse = new Fr[cosets * cosets];
        for (int j = 0; j < cosets; j++)
            for (int q = 0; q < cosets; q++) inverse[j * cosets + q] = wInverse.Pow((ulong)(j * q)) * scale;
        var unshift = new Fr[cosets];
        var gnInverse = shift.Pow((ulong)n).Inverse();
        unshift[0] = Fr.One;
        for (int q = 1; q < cosets; q++) unshift[q] = unshift[q - 1] * gnInverse;

        Parallel.For(0, (n + Block - 1) / Block, b =>
        {
            Span<Fr> r = stackalloc Fr[cosets];
            for (int i = b * Block, end = Math.Min(n, i + Block); i < end; i++)
            {
                for (int j = 0; j < cosets; j++) r[j] = values[j][i];
                for (int q = 0; q < cosets; q++)
                {
                    var sum = Fr.Zero;
                    for (int j = 0; j < cosets; j++) sum += r[j] * inverse[j * cosets + q];
                    values[q][i] = sum * unshift[q];
                }
            }
        });
    }

    /// <summary>Σ y^(C−1−i)·c_i / (c_jⁿ − 1) at each point of the current coset, into <paramref name="h"/>, by the
    /// compiled program (<see cref="ConstraintBlockProgram"/>). Blocks run in parallel. A machine (its registers, a few
    /// MiB: registers × block × 72 bytes) is taken from <paramref name="machines"/> by each of Parallel.For's tasks and
    /// given back at its end: Parallel.For starts many more tasks than there are cores, and a fresh machine per task
    /// was large-object garbage that doubled the prover's peak at 2^16. Its input table goes with it. At most one task
    /// per core: under load the thread pool keeps adding threads, each a concurrent task with a machine of its own (84
    /// threads seen in a 2^20 proof at load ~100), and the resident set grew by ~150 MB every 10 s past the 8 GiB budget.</summary>
    internal static void EvaluateConstraints(CosetPolys polys, ConstraintBlockProgram program, Fr vanishingInverse, Fr[] h,
        int blockSize = ProgramBlock, ConcurrentBag<(FrBlockMachine, FrBlockInput[])>? machines = null)
    {
        int n = h.Length, block = Math.Min(blockSize, n);
        var arrays = program.Arrays(polys);
        var pool = machines ?? [];
        Parallel.For(0, (n + block - 1) / block, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount },
            () => pool.TryTake(out var m) ? m : (new FrBlockMachine(program.Program, block), new FrBlockInput[program.Program.Inputs]),
            (b, _, w) =>
            {
                int start = b * block, length = Math.Min(block, n - start);
                program.Bind(arrays, start, polys.RotationStride, w.Item2);
                w.Item1.Run(w.Item2, length, vanishingInverse, h.AsSpan(start, length));
                return w;
            },
            pool.Add);
    }
}
