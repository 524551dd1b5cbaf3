using Rollup.Crypto.Bn254.Fields;
using Rollup.Plonk.Keys;
using Rollup.Plonk.Protocol;

namespace Rollup.Plonk.Proving;

/// <summary>The quotient h = Σ y^(C−1−i)·c_i / (Xⁿ − 1), evaluated one coset of n points at a time.
/// <para>The extended coset g·⟨ω_N⟩ (N = n·2^e points, e = <see cref="ProtocolLayout.ExtendedLog"/>, g the coset
/// shift) is the union of the 2^e cosets c_j·H with c_j = g·ω_N^j: point j + i·2^e of the extended coset is
/// c_j·ω^i. On one such coset a rotation by r rows is a shift by r points (wrapping), and Xⁿ − 1 = c_jⁿ − 1 is a
/// constant. So each polynomial is moved from coefficients to its evaluations on c_j·H (a size-n transform) in place,
/// the constraints are evaluated there, and the polynomial is moved back: the prover never holds more than one copy
/// of any polynomial. The old way held every polynomial's evaluations on the whole extended coset at once (2^e
/// copies beside the coefficients): 50 GiB extrapolated at 2^20 rows for the batch circuit.</para>
/// <para>The result is the same polynomial as the whole-coset computation (the test suite keeps that one as its
/// reference), so proofs do not change.</para></summary>
internal static class CosetQuotient
{
    /// <summary>Points per block of the constraint evaluation: a worker's scratch is a few dozen blocks.</summary>
    private const int Block = 1024;

    /// <summary>h's N coefficients. <paramref name="coefficients"/>' arrays (each n coefficients; X and L₀ are made
    /// here) are transformed in place and hold their coefficients again on return, also when this throws.</summary>
    public static Fr[] Compute(ProtocolLayout layout, CosetPolys coefficients, Fr[] challenges, ProtocolChallenges pc, Fr y,
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
        var arrays = polys.All.ToArray();
        var constraints = ConstraintList.Build(layout, pc);
        var h = new Fr[n << e];

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
                EvaluateConstraints(polys, constraints, challenges, y, vanishingInverse, h, j, e);
                stages?.Mark("quotient: evaluate constraints");
            }
            finally
            {
                for (int i = 0; i < moved; i++) PolyOps.InterpolateFromShiftedDomain(arrays[i], log2n, cosetShift);
                stages?.Mark("quotient: coset transforms");
            }
        }
        PolyOps.InterpolateFromCoset(h, extLog, shift);
        stages?.Mark("quotient: interpolate");
        return h;
    }

    /// <summary>Σ y^(C−1−i)·c_i / (c_jⁿ − 1) on coset j, written to the extended coset's points j + i·2^e of
    /// <paramref name="h"/>. Blocks run in parallel; each worker keeps one evaluator and its buffers for all its blocks
    /// (no allocation per block).</summary>
    private static void EvaluateConstraints(CosetPolys polys, IReadOnlyList<(string Name, Circuit.Expression Polynomial)> constraints,
        Fr[] challenges, Fr y, Fr vanishingInverse, Fr[] h, int coset, int extendedLog)
    {
        int n = polys.CosetPoints.Length, blockSize = Math.Min(Block, n);
        Parallel.For(0, (n + Block - 1) / Block,
            () => (Evaluator: new CosetEvaluator(polys, challenges, blockSize), Acc: new Fr[blockSize], Values: new Fr[blockSize]),
            (b, _, w) =>
            {
                int start = b * Block, length = Math.Min(Block, n - start);
                var acc = w.Acc.AsSpan(0, length);
                var values = w.Values.AsSpan(0, length);
                acc.Clear();
                w.Evaluator.Seek(start, length);
                foreach (var (_, poly) in constraints)
                {
                    w.Evaluator.CopyTo(poly.Accept(w.Evaluator), values);
                    for (int i = 0; i < length; i++) acc[i] = acc[i] * y + values[i];
                }
                for (int i = 0; i < length; i++) h[coset + ((start + i) << extendedLog)] = acc[i] * vanishingInverse;
                return w;
            },
            _ => { });
    }
}
