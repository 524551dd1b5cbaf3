using Rollup.Crypto.Msm;
using static Rollup.Crypto.Tests.Msm.TestPoints;
using MsmApi = Rollup.Crypto.Msm.Msm;

namespace Rollup.Crypto.Tests.Msm;

/// <summary>Regression: GLV plans with 16-bit windows gave wrong sums whenever a negative half had a digit of −2^15
/// (its negation does not fit a short) — every full-width MSM of 2^17 points and more chose such a plan, and the batch
/// prover's proofs at 2^17 rows did not verify. GLV windows are now at most 15 bits; the sums are checked against a
/// plain plan on enough random scalars to hit that digit.</summary>
public class GlvWindowLimitTests
{
    [Fact]
    public void Glv_plans_stop_at_15_bit_windows_and_agree_with_plain_plans()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => MsmPlan.WithGlv(MsmMethod.BatchAffine, 16, MsmPlan.BatchSizeFor(16)));
        foreach (int n in new[] { 1 << 12, 1 << 17 })
            Assert.False(MsmPlan.Choose(n, 2) is { Glv: true, WindowBits: > MsmPlan.MaxGlvWindowBits });

        int points = 1 << 14;
        var rng = new Random(16);
        var bases = RandomWalk(points, rng);
        var scalars = RandomScalars(points, rng);
        var plain = MsmApi.Multiply(bases, scalars, new MsmPlan(MsmMethod.BatchAffine, 16, MsmPlan.BatchSizeFor(16)), 2).ToAffine();
        foreach (var method in new[] { MsmMethod.BatchAffine, MsmMethod.JacobianBuckets })
            Assert.Equal(plain, MsmApi.Multiply(bases, scalars, MsmPlan.WithGlv(method, 15, MsmPlan.BatchSizeFor(15)), 2).ToAffine());
        Assert.Equal(plain, MsmApi.Multiply(bases, scalars).ToAffine());
    }
}
