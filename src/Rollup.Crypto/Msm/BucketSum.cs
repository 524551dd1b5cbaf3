using Rollup.Crypto.Bn254.Curves;
using Rollup.Crypto.Bn254.Fields;

namespace Rollup.Crypto.Msm;

/// <summary>
/// Σ (b+1)·bucket[b] with two running sums and no scalar multiplications: walking from the top
/// bucket down, <c>running</c> holds the sum of the buckets seen so far, and adding it to
/// <c>total</c> at every step counts bucket b exactly b+1 times.
/// </summary>
internal static class BucketSum
{
    public static G1Jacobian OfAffine(ReadOnlySpan<G1Affine> buckets)
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
