using Rollup.Crypto.Bn254.Curves;
using Rollup.Crypto.Bn254.Fields;

namespace Rollup.Bench;

/// <summary>Inputs for the MSM and NTT benchmarks, made quickly and reproducibly.</summary>
public static class BenchInputs
{
    /// <summary>
    /// n random-looking G1 points without n scalar multiplications: a random walk (each point is the
    /// previous one plus one of 16 random steps), in parallel chunks that each start from their
    /// own random point, converted to affine with one inversion per chunk.
    /// </summary>
    public static G1Affine[] RandomBases(int n, int seed)
    {
        var result = new G1Affine[n];
        const int Chunk = 1 << 14;
        int chunks = (n + Chunk - 1) / Chunk;
        var rng = new Random(seed);
        var steps = new G1Jacobian[16];
        for (int i = 0; i < steps.Length; i++) steps[i] = G1Jacobian.Generator * Fr.Random(rng);
        var starts = new G1Jacobian[chunks];
        var seeds = new int[chunks];
        for (int c = 0; c < chunks; c++) { starts[c] = G1Jacobian.Generator * Fr.Random(rng); seeds[c] = rng.Next(); }
        Parallel.For(0, chunks, c =>
        {
            int from = c * Chunk, count = Math.Min(Chunk, n - from);
            var local = new Random(seeds[c]);
            var jac = new G1Jacobian[count];
            G1Jacobian p = starts[c];
            for (int i = 0; i < count; i++) jac[i] = p = p + steps[local.Next(steps.Length)];
            G1Jacobian.BatchToAffine(jac, result.AsSpan(from, count));
        });
        return result;
    }

    public static Fr[] RandomScalars(int n, int seed)
    {
        var rng = new Random(seed);
        var s = new Fr[n];
        for (int i = 0; i < n; i++) s[i] = Fr.Random(rng);
        return s;
    }
}
