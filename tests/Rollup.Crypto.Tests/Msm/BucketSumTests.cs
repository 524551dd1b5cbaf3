using Rollup.Crypto.Bn254.Curves;
using Rollup.Crypto.Msm;

namespace Rollup.Crypto.Tests.Msm;

public class BucketSumTests
{
    [Theory]
    [InlineData(2048)]
    [InlineData(4096)]
    public void Segmented_affine_sum_matches_the_serial_running_sum(int count)
    {
        // Empty buckets, repeated and opposite points exercise every special case of the
        // batched affine additions (infinity on either side, doubling, cancellation).
        var rng = new System.Random(count);
        var pool = TestPoints.RandomWalk(64, rng);
        var buckets = new G1Affine[count];
        for (int i = 0; i < count; i++)
        {
            G1Affine p = pool[rng.Next(pool.Length)];
            buckets[i] = rng.Next(6) switch { 0 => G1Affine.Infinity, 1 => p.Negate(), _ => p };
        }
        for (int i = 0; i < 40; i++) buckets[rng.Next(count)] = G1Affine.Infinity;
        Assert.Equal(BucketSum.OfAffineSerial(buckets), BucketSum.OfAffine(buckets));
        Assert.True(BucketSum.OfAffine(new G1Affine[count]).IsInfinity);
    }
}
