using System.Buffers;
using System.Runtime.CompilerServices;
using Rollup.Crypto.Bn254.Curves;
using Rollup.Crypto.Bn254.Fields;

namespace Rollup.Crypto.Msm;

/// <summary>
/// Bucket accumulation with Jacobian buckets and mixed additions (11 multiplications each). Where
/// a window has few buckets (small inputs, or the top window, which holds only the scalars' last
/// few bits) a batch could hold only a few additions, and an inversion shared by a handful of
/// additions costs more than it saves.
/// </summary>
internal sealed class JacobianWindow : IWindowAccumulator
{
    private readonly Jac<Fq>[] _buckets;

    public JacobianWindow(int capacity)
    {
        _buckets = ArrayPool<Jac<Fq>>.Shared.Rent(capacity);
    }

    public void Dispose() => ArrayPool<Jac<Fq>>.Shared.Return(_buckets);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public G1Jacobian SumWindow(ReadOnlySpan<G1Affine> bases, ReadOnlySpan<short> digits, int bucketCount)
    {
        Span<Jac<Fq>> buckets = _buckets.AsSpan(0, bucketCount);
        buckets.Fill(Jac<Fq>.Infinity);
        for (int i = 0; i < digits.Length; i++)
        {
            int d = digits[i];
            if (d == 0) continue;
            ref readonly G1Affine p = ref bases[i];
            if (d > 0) buckets[d - 1] = JacobianMath<Fq>.AddMixed(buckets[d - 1], p.X, p.Y);
            else buckets[-d - 1] = JacobianMath<Fq>.AddMixed(buckets[-d - 1], p.X, -p.Y);
        }
        return BucketSum.OfJacobian(buckets);
    }
}
