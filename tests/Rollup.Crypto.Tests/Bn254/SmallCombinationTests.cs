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
    public void ReduceSmall_is_exact_for_every_quotient_bucket_and_the_2_261_limit()
    {
        Check<FqModulus>(Fq.Modulus);
        Check<FrModulus>(Fr.Modulus);

        static void Check<P>(BigInteger m) where P : struct, IModulus
        {
            var inputs = new List<BigInteger> { 0, 1, (BigInteger.One << 261) - 1, (BigInteger.One << 260), (BigInteger.One << 258) - 1 };
            for (BigInteger k = 0; k * m < (BigInteger.One << 261); k++)
                foreach (int d in new[] { -2, -1, 0, 1, 2 })
                    if (k * m + d >= 0 && k * m + d < (BigInteger.One << 261)) inputs.Add(k * m + d);
            for (int top = 0; top < 2048; top++) // both ends of every table bucket
            {
                inputs.Add((BigInteger)top << 250);
                inputs.Add((((BigInteger)top + 1) << 250) - 1);
            }
            var rng = new Random(81);
            var bytes = new byte[33];
            for (int i = 0; i < 5000; i++) { rng.NextBytes(bytes); bytes[32] &= 31; inputs.Add(new BigInteger(bytes, isUnsigned: true)); }
            foreach (BigInteger v in inputs)
            {
                U256 low = Limbs(v & ((BigInteger.One << 256) - 1));
                U256 r = Montgomery<P>.ReduceSmall(low.L0, low.L1, low.L2, low.L3, (ulong)(v >> 256));
                Assert.Equal(v % m, Big(r));
            }
        }
    }

    [Fact]
    public void Cyclotomic_output_combinations_match_BigInteger()
    {
        BigInteger m = Fq.Modulus;
        var xs = Values(m, 84).ToArray();
        var ys = Values(m, 85).Reverse().ToArray();
        var zs = Values(m, 86).ToArray();
        var rng = new Random(87);
        for (int i = 0; i < xs.Length; i++)
        {
            // Each argument independently takes the extremes 0 and m − 1 sometimes: the bounds' corners.
            BigInteger Pick(BigInteger v) => rng.Next(6) switch { 0 => 0, 1 => m - 1, _ => v };
            BigInteger y0 = Pick(xs[i]), y1 = Pick(ys[i]), x = Pick(zs[i]), a = Pick(xs[(i + 7) % xs.Length]);
            U256 ly0 = Limbs(y0), ly1 = Limbs(y1), lx = Limbs(x), la = Limbs(a);
            BigInteger Mod(BigInteger v) => (v % m + m) % m;
            Assert.Equal(Mod(27 * y0 - 3 * y1 + 3 * x - 2 * a), Big(Montgomery<FqModulus>.ThreeXiPlusMinusTwiceRe(ly0, ly1, lx, la)));
            Assert.Equal(Mod(3 * y0 + 27 * y1 + 3 * x - 2 * a), Big(Montgomery<FqModulus>.ThreeXiPlusMinusTwiceIm(ly0, ly1, lx, la)));
            BigInteger s0 = Pick(zs[(i + 3) % zs.Length]), s1 = Pick(ys[(i + 5) % ys.Length]), x1 = Pick(xs[(i + 11) % xs.Length]);
            U256 ls0 = Limbs(s0), ls1 = Limbs(s1), lx1 = Limbs(x1);
            Assert.Equal(Mod(3 * (s0 - x - y0) + 2 * a), Big(Montgomery<FqModulus>.ThreeDifferencePlusTwice(ls0, lx, ly0, la)));
            Assert.Equal(Mod(9 * (s0 - x - y0) - (s1 - x1 - y1) + a), Big(Montgomery<FqModulus>.XiDifferencePlusRe(ls0, lx, ly0, ls1, lx1, ly1, la)));
            Assert.Equal(Mod((s0 - x - y0) + 9 * (s1 - x1 - y1) + a), Big(Montgomery<FqModulus>.XiDifferencePlusIm(ls0, lx, ly0, ls1, lx1, ly1, la)));
            BigInteger d0 = s0 - x - y0, d1 = s1 - x1 - y1;
            Assert.Equal(Mod(27 * d0 - 3 * d1 + 2 * a), Big(Montgomery<FqModulus>.ThreeXiDifferencePlusTwiceRe(ls0, ls1, lx, lx1, ly0, ly1, la)));
            Assert.Equal(Mod(3 * d0 + 27 * d1 + 2 * a), Big(Montgomery<FqModulus>.ThreeXiDifferencePlusTwiceIm(ls0, ls1, lx, lx1, ly0, ly1, la)));
        }
        // The F_q2 forms against the step-by-step ones.
        var r2 = new Random(88);
        for (int i = 0; i < 2000; i++)
        {
            Fq2 y = Fq2.Random(r2), x = Fq2.Random(r2), a = Fq2.Random(r2);
            Assert.Equal(Fq2.ThreeTimesMinusTwice(Fq2.XiTimesPlus(y, x), a), Fq2.ThreeXiPlusMinusTwice(y, x, a));
            Fq2 s = Fq2.Random(r2);
            Assert.Equal(Fq2.XiTimesPlus(Fq2.SubSub(s, x, y), a), Fq2.XiTimesDifferencePlus(s, x, y, a));
            Assert.Equal(Fq2.ThreeTimesPlusTwice(s - x - y, a), Fq2.ThreeDifferencePlusTwice(s, x, y, a));
            Assert.Equal(Fq2.ThreeTimesPlusTwice((s - x - y).MulByXi(), a), Fq2.ThreeXiDifferencePlusTwice(s, x, y, a));
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
