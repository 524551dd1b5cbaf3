using System.Buffers;
using System.Runtime.CompilerServices;
using Rollup.Crypto.Bn254.Curves;
using Rollup.Crypto.Bn254.Fields;

namespace Rollup.Crypto.Msm;

/// <summary>
/// Σ (b+1)·bucket[b] with running sums and no scalar multiplications: walking from the top bucket
/// down, <c>running</c> holds the sum of the buckets seen so far, and adding it to <c>total</c> at
/// every step counts bucket b exactly b+1 times.
/// </summary>
internal static class BucketSum
{
    /// <summary>Segments walked side by side in <see cref="OfAffine"/>: one inversion serves this many additions.</summary>
    private const int Segments = 256;

    /// <summary>Fewest buckets for the segmented sum: segments of at least 8 buckets.</summary>
    public const int MinSegmentedBuckets = 8 * Segments;

    /// <summary>
    /// Affine buckets. One running sum is a chain of dependent additions, each a Jacobian one
    /// (about 27 multiplications per bucket for the two sums). Cut into <see cref="Segments"/>
    /// segments of L buckets, the segments' running sums are independent, so each step adds
    /// 256 pairs at once in affine form with one shared inversion (about 12 multiplications per
    /// bucket). Segment s, holding buckets sL..sL+L-1, yields R_s = Σ bucket and
    /// T_s = Σ (j+1)·bucket[sL+j]; the total is Σ T_s + L·Σ s·R_s, the last sum again by running sums.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static G1Jacobian OfAffine(ReadOnlySpan<G1Affine> buckets)
    {
        int count = buckets.Length;
        if (count < MinSegmentedBuckets) return OfAffineSerial(buckets);
        int length = count / Segments;                       // both powers of two
        var pool = ArrayPool<G1Affine>.Shared;
        G1Affine[] running = pool.Rent(Segments), total = pool.Rent(Segments), column = pool.Rent(Segments);
        U256[] scratch = ArrayPool<U256>.Shared.Rent(2 * Segments);
        byte[] kinds = ArrayPool<byte>.Shared.Rent(Segments);
        try
        {
            Span<G1Affine> r = running.AsSpan(0, Segments), t = total.AsSpan(0, Segments), col = column.AsSpan(0, Segments);
            r.Clear();
            t.Clear();
            for (int j = length - 1; j >= 0; j--)
            {
                for (int s = 0; s < Segments; s++) col[s] = buckets[s * length + j];
                AffineBatchAdd.AddAll(r, col, scratch, kinds);
                AffineBatchAdd.AddAll(t, r, scratch, kinds);
            }
            // Σ s·R_s by running sums over the segments, then times L (a power of two: doublings).
            Jac<Fq> run = Jac<Fq>.Infinity, weighted = Jac<Fq>.Infinity, sum = Jac<Fq>.Infinity;
            for (int s = Segments - 1; s >= 1; s--)
            {
                if (!r[s].IsInfinity) run = JacobianMath<Fq>.AddMixed(run, r[s].X, r[s].Y);
                weighted = JacobianMath<Fq>.Add(weighted, run);
            }
            for (int l = length; l > 1; l >>= 1) weighted = JacobianMath<Fq>.Double(weighted);
            for (int s = 0; s < Segments; s++)
                if (!t[s].IsInfinity) sum = JacobianMath<Fq>.AddMixed(sum, t[s].X, t[s].Y);
            return new G1Jacobian(JacobianMath<Fq>.Add(sum, weighted));
        }
        finally
        {
            pool.Return(running);
            pool.Return(total);
            pool.Return(column);
            ArrayPool<U256>.Shared.Return(scratch);
            ArrayPool<byte>.Shared.Return(kinds);
        }
    }

    /// <summary>The plain running sums in Jacobian coordinates, for few buckets.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static G1Jacobian OfAffineSerial(ReadOnlySpan<G1Affine> buckets)
    {
        Jac<Fq> running = Jac<Fq>.Infinity, total = Jac<Fq>.Infinity;
        for (int b = buckets.Length - 1; b >= 0; b--)
        {
            ref readonly G1Affine p = ref buckets[b];
            if (!p.IsInfinity) running = JacobianMath<Fq>.AddMixed(running, p.X, p.Y);
            total = JacobianMath<Fq>.Add(total, running);
        }
        return new G1Jacobian(total);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static G1Jacobian OfJacobian(ReadOnlySpan<Jac<Fq>> buckets)
    {
        Jac<Fq> running = Jac<Fq>.Infinity, total = Jac<Fq>.Infinity;
        for (int b = buckets.Length - 1; b >= 0; b--)
        {
            running = JacobianMath<Fq>.Add(running, buckets[b]);
            total = JacobianMath<Fq>.Add(total, running);
        }
        return new G1Jacobian(total);
    }
}
