using System.Numerics;
using Rollup.Crypto.Bn254.Fields;
using Rollup.Crypto.Bn254.Towers;

namespace Rollup.Crypto.Tests.Bn254;

/// <summary>9a ± b, 3a ± 2b with one final reduction, and that reduction itself, against BigInteger.</summary>
public class SmallCombinationTests
{
    private static BigInteger Big(in U256 x) =>
        (BigInteger)x.L0 + ((BigInteger)x.L1 << 64) + ((BigInteger)x.L2 << 128) + ((BigInteger)x.L3 << 192);

    private static U256 Limbs(BigInteger v) =>
        new((ulong)(v & ulong.MaxValue), (ulong)((v >> 64) & ulong.MaxValue), (ulong)((v >> 128) & ulong.MaxValue), (ulong)((v >> 192) & ulong.MaxValue));

    private static IEnumerable<BigInteger> Values(BigInteger m, int seed)
    {
        foreach (var e in new[] { BigInteger.Zero, BigInteger.One, 2, m - 1, m - 2, (m - 1) / 2, (m + 1) / 2, m / 9, m / 9 + 1, m / 3 })
            yield return e;
        var rng = new Random(seed);
        var bytes = new byte[33];
        for (int i = 0; i < 3000; i++) { rng.NextBytes(bytes); bytes[32] = 0; yield return new BigInteger(bytes) % m; }
    }

    [Fact]
    public void ReduceSmall_is_exact_for_every_quotient_bucket_and_the_2_258_limit()
    {
        Check<FqModulus>(Fq.Modulus);
        Check<FrModulus>(Fr.Modulus);

        static void Check<P>(BigInteger m) where P : struct, IModulus
        {
            var inputs = new List<BigInteger> { 0, 1, (BigInteger.One << 258) - 1, (BigInteger.One << 257) };
            for (BigInteger k = 0; k * m < (BigInteger.One << 258); k++)
                foreach (int d in new[] { -2, -1, 0, 1, 2 })
                    if (k * m + d >= 0 && k * m + d < (BigInteger.One << 258)) inputs.Add(k * m + d);
            for (int top = 0; top < 256; top++) // both ends of every table bucket
            {
                inputs.Add((BigInteger)top << 250);
                inputs.Add((((BigInteger)top + 1) << 250) - 1);
            }
            var rng = new Random(81);
            var bytes = new byte[33];
            for (int i = 0; i < 5000; i++) { rng.NextBytes(bytes); bytes[32] &= 3; inputs.Add(new BigInteger(bytes, isUnsigned: true)); }
            foreach (BigInteger v in inputs)
            {
                U256 low = Limbs(v & ((BigInteger.One << 256) - 1));
                U256 r = Montgomery<P>.ReduceSmall(low.L0, low.L1, low.L2, low.L3, (ulong)(v >> 256));
                Assert.Equal(v % m, Big(r));
            }
        }
    }

    [Fact]
    public void Nine_and_three_two_combinations_match_BigInteger()
    {
        BigInteger m = Fq.Modulus;
        var xs = Values(m, 82).ToArray();
        var ys = Values(m, 83).Reverse().ToArray();
        for (int i = 0; i < xs.Length; i++)
        {
            BigInteger a = xs[i], b = ys[i];
            U256 la = Limbs(a), lb = Limbs(b);
            Assert.Equal((9 * a + b) % m, Big(Montgomery<FqModulus>.NineTimesPlus(la, lb)));
            Assert.Equal(((9 * a - b) % m + m) % m, Big(Montgomery<FqModulus>.NineTimesMinus(la, lb)));
            Assert.Equal((3 * a + 2 * b) % m, Big(Montgomery<FqModulus>.ThreeTimesPlusTwice(la, lb)));
            Assert.Equal(((3 * a - 2 * b) % m + m) % m, Big(Montgomery<FqModulus>.ThreeTimesMinusTwice(la, lb)));
        }
    }

    [Fact]
    public void Multiplication_by_xi_matches_the_product_with_9_plus_u()
    {
        var rng = new Random(84);
        var xi = new Fq2(Fq.FromUInt64(9), Fq.One);
        Fq[] edges = [Fq.Zero, Fq.One, -Fq.One, Fq.FromBigInteger(Fq.Modulus / 9)];
        foreach (Fq x in edges)
            foreach (Fq y in edges)
                Assert.Equal(new Fq2(x, y) * xi, new Fq2(x, y).MulByXi());
        for (int i = 0; i < 500; i++)
        {
            Fq2 a = Fq2.Random(rng);
            Assert.Equal(a * xi, a.MulByXi());
        }
    }
}

/// <summary>The fused F_q2 combinations the F_q6/F_q12 formulas use, against the plain operators.</summary>
public class FusedFq2CombinationTests
{
    private static IEnumerable<Fq2> Values()
    {
        Fq[] edges = [Fq.Zero, Fq.One, -Fq.One, -Fq.FromUInt64(2), Fq.FromBigInteger(Fq.Modulus / 9), Fq.FromBigInteger((Fq.Modulus + 1) / 2)];
        foreach (Fq a in edges) foreach (Fq b in edges) yield return new Fq2(a, b);
        var rng = new Random(91);
        for (int i = 0; i < 400; i++) yield return Fq2.Random(rng);
    }

    [Fact]
    public void Fused_combinations_equal_the_operator_chains()
    {
        Fq2[] v = Values().ToArray();
        var rng = new Random(92);
        for (int i = 0; i < v.Length * 3; i++)
        {
            // Extremes together as well as random mixes.
            Fq2 x = v[i % v.Length], y = v[(i / 3) % v.Length], z = v[rng.Next(v.Length)], w = v[(i * 7) % v.Length];
            Assert.Equal(x.MulByXi() + w, Fq2.XiTimesPlus(x, w));
            Assert.Equal(x - y - z, Fq2.SubSub(x, y, z));
            Assert.Equal(x - y - z + w, Fq2.SubSubAdd(x, y, z, w));
            Assert.Equal(x - y - z + w.MulByXi(), Fq2.SubSubPlusXiTimes(x, y, z, w));
            Assert.Equal(x - y - z.MulByXi(), Fq2.SubMinusXiTimes(x, y, z));
        }
    }
}
