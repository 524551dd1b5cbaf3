using System.Numerics;
using Rollup.Crypto.Bn254.Fields;
using Rollup.Crypto.Bn254.Towers;

namespace Rollup.Crypto.Tests.Bn254;

/// <summary>The 512-bit product, REDC and the lazily reduced F_q2 product, including their worst-case bounds.</summary>
public class LazyReductionTests
{
    private static readonly BigInteger Q = Fq.Modulus;
    private static readonly BigInteger R = BigInteger.One << 256;
    private static readonly BigInteger RInv = BigInteger.ModPow(R, Q - 2, Q);

    private static BigInteger Big(in U512 x) =>
        new[] { x.L0, x.L1, x.L2, x.L3, x.L4, x.L5, x.L6, x.L7 }.Select((l, i) => (BigInteger)l << (64 * i)).Aggregate(BigInteger.Zero, (a, b) => a + b);

    private static BigInteger Big(in U256 x) => Big(new U512(x.L0, x.L1, x.L2, x.L3, 0, 0, 0, 0));

    private static IEnumerable<Fq> Edges() =>
        new[] { BigInteger.Zero, BigInteger.One, Q - 1, Q - 2, (Q - 1) / 2, BigInteger.One << 253 }.Select(Fq.FromBigInteger);

    [Fact]
    public void Product_and_Redc_match_BigInteger()
    {
        var rng = new Random(51);
        var values = Edges().Concat(Enumerable.Range(0, 2000).Select(_ => Fq.Random(rng))).ToArray();
        for (int i = 0; i < values.Length; i++)
        {
            U256 a = values[i].Limbs, b = values[(i * 7 + 3) % values.Length].Limbs;
            U512 p = Montgomery<FqModulus>.Product(a, b);
            Assert.Equal(Big(a) * Big(b), Big(p));
            Assert.Equal(Big(a) * Big(b) * RInv % Q, Big(Montgomery<FqModulus>.Redc(p)));
        }
        // Largest input REDC is specified for: M·R - 1.
        BigInteger max = Q * R - 1;
        byte[] bytes = max.ToByteArray(isUnsigned: true, isBigEndian: false);
        Array.Resize(ref bytes, 64);
        var limbs = Enumerable.Range(0, 8).Select(i => BitConverter.ToUInt64(bytes, 8 * i)).ToArray();
        var x = new U512(limbs[0], limbs[1], limbs[2], limbs[3], limbs[4], limbs[5], limbs[6], limbs[7]);
        Assert.Equal(max * RInv % Q, Big(Montgomery<FqModulus>.Redc(x)));
    }

    [Fact]
    public void Square_product_matches_BigInteger_for_any_256_bit_input()
    {
        var rng = new Random(53);
        var buf = new byte[32];
        var inputs = new List<U256> { new(ulong.MaxValue, ulong.MaxValue, ulong.MaxValue, ulong.MaxValue), new(0, 0, 0, 0), new(1, 0, 0, 0) };
        for (int i = 0; i < 3000; i++)
        {
            rng.NextBytes(buf);
            inputs.Add(new U256(BitConverter.ToUInt64(buf, 0), BitConverter.ToUInt64(buf, 8), BitConverter.ToUInt64(buf, 16), BitConverter.ToUInt64(buf, 24)));
        }
        foreach (U256 a in inputs)
        {
            Assert.Equal(Big(a) * Big(a), Big(Montgomery<FqModulus>.SquareProduct(a)));
            Assert.Equal(Big(Montgomery<FqModulus>.Product(a, a)), Big(Montgomery<FqModulus>.SquareProduct(a)));
        }
    }

    [Fact]
    public void Fq2_product_and_square_match_schoolbook_on_edges_and_random_values()
    {
        var rng = new Random(52);
        var values = Edges().Concat(Enumerable.Range(0, 40).Select(_ => Fq.Random(rng))).ToArray();
        foreach (Fq a0 in values)
            foreach (Fq a1 in values.Take(12))
            {
                Fq b0 = values[rng.Next(values.Length)], b1 = values[rng.Next(values.Length)];
                Fq2 p = new Fq2(a0, a1) * new Fq2(b0, b1);
                Assert.Equal(a0 * b0 - a1 * b1, p.A0);
                Assert.Equal(a0 * b1 + a1 * b0, p.A1);
                Fq2 sq = new Fq2(a0, a1).Square();
                Assert.Equal(a0 * a0 - a1 * a1, sq.A0);
                Assert.Equal((a0 * a1).Double(), sq.A1);
            }
    }
}
