using Rollup.Crypto.Bn254.Curves;
using Rollup.Crypto.Bn254.Fields;
using Rollup.Crypto.Msm;
using static Rollup.Crypto.Tests.Msm.TestPoints;
using MsmApi = Rollup.Crypto.Msm.Msm;

namespace Rollup.Crypto.Tests.Msm;

public class MsmTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(17)]
    [InlineData(100)]
    [InlineData(1000)]
    [InlineData(5000)]
    public void Random_inputs_match_the_naive_sum(int n)
    {
        var rng = new Random(n + 1);
        var bases = RandomWalk(n, rng);
        var scalars = RandomScalars(n, rng);
        var expected = NaiveMsm(bases, scalars);
        Assert.Equal(expected, MsmApi.Multiply(bases, scalars));
        Assert.Equal(expected, MsmApi.Multiply(bases, scalars, maxDegreeOfParallelism: 1));
    }

    // (batch affine?, window bits); MsmMethod is internal, so theories name it by a flag.
    public static TheoryData<bool, int> Plans() => new()
    {
        { false, 2 }, { false, 5 }, { false, 9 },
        { true, 2 }, { true, 3 }, { true, 6 }, { true, 10 }, { true, 13 },
    };

    private static MsmPlan Plan(bool batchAffine, int c) =>
        new(batchAffine ? MsmMethod.BatchAffine : MsmMethod.JacobianBuckets, c, MsmPlan.BatchSizeFor(c));

    [Theory]
    [MemberData(nameof(Plans))]
    public void Every_method_and_window_matches_on_random_inputs(bool batchAffine, int c)
    {
        var rng = new Random(c * 10 + (batchAffine ? 1 : 0));
        foreach (int n in new[] { 1, 2, 17, 300 })
        {
            var bases = RandomWalk(n, rng);
            var scalars = RandomScalars(n, rng);
            var plan = Plan(batchAffine, c);
            Assert.Equal(NaiveMsm(bases, scalars), MsmApi.Multiply(bases, scalars, plan, workers: 2));
        }
    }

    [Theory]
    [MemberData(nameof(Plans))]
    public void Adversarial_inputs_match(bool batchAffine, int c)
    {
        var (bases, scalars) = Adversarial(new Random(77), 400);
        var plan = Plan(batchAffine, c);
        Assert.Equal(NaiveMsm(bases, scalars), MsmApi.Multiply(bases, scalars, plan, workers: 2));
        Assert.Equal(NaiveMsm(bases, scalars), MsmApi.Multiply(bases, scalars, plan, workers: 1));
    }

    [Fact]
    public void Adversarial_inputs_match_with_the_chosen_plan()
    {
        foreach (int n in new[] { 3, 40, 1000, 5000 })
        {
            var (bases, scalars) = Adversarial(new Random(n), n);
            Assert.Equal(NaiveMsm(bases, scalars), MsmApi.Multiply(bases, scalars));
        }
    }

    [Fact]
    public void Same_point_many_times_forces_doublings_and_cancellations()
    {
        // Every addition in a bucket is P + P (a doubling in the batch) or P + (-P) (infinity).
        var p = G1Jacobian.Generator.Multiply(Fr.FromUInt64(99)).ToAffine();
        foreach (int n in new[] { 2, 3, 64, 2000 })
        {
            var bases = Enumerable.Repeat(p, n).ToArray();
            var rng = new Random(n);
            var scalars = new Fr[n];
            for (int i = 0; i < n; i++) scalars[i] = rng.Next(3) switch { 0 => Fr.One, 1 => -Fr.One, _ => Fr.FromUInt64(3) };
            var expected = NaiveMsm(bases, scalars);
            Assert.Equal(expected, MsmApi.Multiply(bases, scalars));
            Assert.Equal(expected, MsmApi.Multiply(bases, scalars, new MsmPlan(MsmMethod.BatchAffine, 4, 8), 2));
        }
    }

    [Theory]
    [InlineData(2)]
    [InlineData(5)]
    [InlineData(300)]
    public void Few_distinct_scalars_spill_into_overflow_sums_and_match(int distinct)
    {
        // A circuit's flag and byte columns: thousands of points in a few buckets fill the conflict queue while the
        // batch stays small, so the queue spills into per-bucket Jacobian sums that join the buckets at the end.
        // Repeated bases add doublings (P + P) and cancellations (P − P) inside those sums.
        var rng = new Random(distinct);
        foreach (int n in new[] { 700, 6000 })
        {
            var bases = RandomWalk(n, rng);
            for (int i = 0; i < n / 10; i++) bases[rng.Next(n)] = bases[rng.Next(n)];
            var values = Enumerable.Range(0, distinct).Select(_ => rng.Next(4) == 0 ? -Fr.FromUInt64((ulong)rng.Next(1, 300)) : Fr.FromUInt64((ulong)rng.Next(0, 300))).ToArray();
            var scalars = Enumerable.Range(0, n).Select(_ => values[rng.Next(distinct)]).ToArray();
            var expected = NaiveMsm(bases, scalars);
            Assert.Equal(expected, MsmApi.Multiply(bases, scalars));
            Assert.Equal(expected, MsmApi.Multiply(bases, scalars, maxDegreeOfParallelism: 1));
            foreach (int c in new[] { 4, 9, 13 })
                Assert.Equal(expected, MsmApi.Multiply(bases, scalars, Plan(true, c), workers: 2));
        }
    }

    [Fact]
    public void All_zero_scalars_or_all_infinity_give_infinity()
    {
        var rng = new Random(3);
        var bases = RandomWalk(500, rng);
        Assert.True(MsmApi.Multiply(bases, new Fr[500]).IsInfinity);
        Assert.True(MsmApi.Multiply(new G1Affine[500], RandomScalars(500, rng)).IsInfinity);
    }

    [Fact]
    public void Scalar_r_minus_one_negates_the_sum()
    {
        var rng = new Random(4);
        var bases = RandomWalk(1000, rng);
        var scalars = Enumerable.Repeat(-Fr.One, 1000).ToArray();
        G1Jacobian sum = G1Jacobian.Infinity;
        foreach (var b in bases) sum += b;
        Assert.Equal(sum.Negate(), MsmApi.Multiply(bases, scalars));
    }

    // Witness columns of bytes, flags and counters: the plan then covers only the scalars' bit length.
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(8)]
    [InlineData(13)]
    [InlineData(32)]
    [InlineData(65)]
    [InlineData(130)]
    public void Short_scalars_match_the_naive_sum(int bits)
    {
        var rng = new Random(bits);
        foreach (int n in new[] { 5, 300, 3000 })
        {
            var bases = RandomWalk(n, rng);
            var scalars = RandomScalars(n, rng).Select(s => Fr.FromBigInteger(s.ToBigInteger() >> (254 - bits))).ToArray();
            scalars[0] = Fr.FromBigInteger((System.Numerics.BigInteger.One << bits) - 1); // the longest one exactly
            Assert.Equal(bits, SignedDigits.MaxBits(scalars));
            Assert.Equal(NaiveMsm(bases, scalars), MsmApi.Multiply(bases, scalars));
            Assert.Equal(NaiveMsm(bases, scalars), MsmApi.Multiply(bases, scalars, maxDegreeOfParallelism: 1));
            foreach (var (batchAffine, c) in new[] { (false, 3), (true, 5), (true, 11) })
            {
                var plan = Plan(batchAffine, c) with { ScalarBits = bits };
                Assert.Equal(NaiveMsm(bases, scalars), MsmApi.Multiply(bases, scalars, plan, workers: 2));
            }
        }
    }

    // GLV plans: each scalar split into halves for P and φ(P), so twice the points and half the windows.
    public static TheoryData<bool, int> GlvPlans() => new()
    {
        { false, 2 }, { false, 5 }, { false, 9 },
        { true, 3 }, { true, 6 }, { true, 10 }, { true, 13 }, { true, 15 },
    };

    private static MsmPlan GlvPlan(bool batchAffine, int c) =>
        MsmPlan.WithGlv(batchAffine ? MsmMethod.BatchAffine : MsmMethod.JacobianBuckets, c, MsmPlan.BatchSizeFor(c));

    [Theory]
    [MemberData(nameof(GlvPlans))]
    public void Glv_plans_match_on_random_and_adversarial_inputs(bool batchAffine, int c)
    {
        var rng = new Random(c * 10 + (batchAffine ? 3 : 2));
        var plan = GlvPlan(batchAffine, c);
        foreach (int n in new[] { 1, 2, 17, 300 })
        {
            var bases = RandomWalk(n, rng);
            var scalars = RandomScalars(n, rng);
            Assert.Equal(NaiveMsm(bases, scalars), MsmApi.Multiply(bases, scalars, plan, workers: 2));
        }
        var (advBases, advScalars) = Adversarial(new Random(78), 400);
        Assert.Equal(NaiveMsm(advBases, advScalars), MsmApi.Multiply(advBases, advScalars, plan, workers: 2));
        Assert.Equal(NaiveMsm(advBases, advScalars), MsmApi.Multiply(advBases, advScalars, plan, workers: 1));
    }

    [Fact]
    public void Glv_with_lambda_related_scalars_and_repeated_points()
    {
        // k = λ puts the whole scalar on φ(P) (k1 = 0, k2 = 1), so P and φ(P) land in the same buckets as other
        // points' φ images; λ·P = φ(P) also makes P and φ(Q) collide when Q = P, a doubling inside a batch.
        var p = G1Jacobian.Generator.Multiply(Fr.FromUInt64(7)).ToAffine();
        var lambda = Fr.FromBigInteger(Glv.Lambda);
        foreach (int n in new[] { 2, 64, 2000 })
        {
            var rng = new Random(n);
            var bases = new G1Affine[n];
            var scalars = new Fr[n];
            for (int i = 0; i < n; i++)
            {
                bases[i] = rng.Next(3) switch { 0 => p, 1 => Glv.Endomorphism(p), _ => p.Negate() };
                scalars[i] = rng.Next(4) switch { 0 => lambda, 1 => -lambda, 2 => lambda * lambda, _ => Fr.One };
            }
            var expected = NaiveMsm(bases, scalars);
            Assert.Equal(expected, MsmApi.Multiply(bases, scalars, GlvPlan(true, 4), 2));
            Assert.Equal(expected, MsmApi.Multiply(bases, scalars, GlvPlan(false, 4), 1));
            Assert.Equal(expected, MsmApi.Multiply(bases, scalars));
        }
    }

    [Fact]
    public void Full_scalars_at_large_sizes_choose_glv()
    {
        // At 2^20 the cost model may prefer plain 16-bit windows to GLV's (at most 15-bit) ones.
        Assert.True(MsmPlan.Choose(1 << 16, 2).Glv);
        Assert.False(MsmPlan.Choose(1 << 20, 2, scalarBits: 64).Glv);
    }

    [Fact]
    public void Mismatched_lengths_are_rejected()
    {
        Assert.Throws<ArgumentException>(() => MsmApi.Multiply(new G1Affine[2], new Fr[3]));
    }

    /// <summary>
    /// Zero scalars, points at infinity, repeated and negated points, r - 1, tiny scalars and
    /// scalars that share digits, mixed with random ones.
    /// </summary>
    private static (G1Affine[] Bases, Fr[] Scalars) Adversarial(Random rng, int n)
    {
        var pool = RandomWalk(Math.Max(1, n / 8), rng);
        var bases = new G1Affine[n];
        var scalars = new Fr[n];
        Fr shared = Fr.Random(rng);
        for (int i = 0; i < n; i++)
        {
            G1Affine p = pool[rng.Next(pool.Length)];
            bases[i] = rng.Next(8) switch { 0 => G1Affine.Infinity, 1 => p.Negate(), _ => p };
            scalars[i] = rng.Next(8) switch
            {
                0 => Fr.Zero,
                1 => -Fr.One,
                2 => Fr.FromUInt64((ulong)rng.Next(1, 20)),
                3 => shared,
                4 => -shared,
                _ => Fr.Random(rng),
            };
        }
        return (bases, scalars);
    }
}
