using System.Numerics;
using Rollup.Crypto.Bn254.Fields;

namespace Rollup.Crypto.Tests.Bn254;

/// <summary>The carry-select spelling of the Montgomery product (used by the MSM) gives the library product's results.</summary>
public class CarrySelectTests
{
    [Fact]
    public void Fq_carry_select_product_matches_the_library_product() => Check<FqModulus>(Fq.Modulus);

    [Fact]
    public void Fr_carry_select_product_matches_the_library_product() => Check<FrModulus>(Fr.Modulus);

    private static void Check<P>(BigInteger modulus) where P : struct, IModulus
    {
        var rng = new Random(21);
        var edges = new List<U256>();
        foreach (var v in new[] { BigInteger.Zero, BigInteger.One, 2, modulus - 1, modulus - 2, modulus / 2, (modulus + 1) / 2,
                     (BigInteger.One << 64) - 1, BigInteger.One << 64, (BigInteger.One << 192) - 1, BigInteger.One << 253 })
            edges.Add(FromBig(v % modulus));
        foreach (var a in edges)
        foreach (var b in edges)
            Assert.Equal(Montgomery<P>.Mul(a, b), Montgomery<P>.MulCarrySelect(a, b));
        for (int i = 0; i < 100_000; i++)
        {
            U256 a = RandomBelow(rng, modulus), b = RandomBelow(rng, modulus);
            U256 expected = Montgomery<P>.Mul(a, b);
            Assert.Equal(expected, Montgomery<P>.MulCarrySelect(a, b));
        }
        // Against BigInteger: a·b·2^-256 mod m.
        BigInteger rInv = BigInteger.ModPow(BigInteger.One << 256, modulus - 2, modulus);
        for (int i = 0; i < 1000; i++)
        {
            U256 a = RandomBelow(rng, modulus), b = RandomBelow(rng, modulus);
            Assert.Equal(ToBig(a) * ToBig(b) * rInv % modulus, ToBig(Montgomery<P>.MulCarrySelect(a, b)));
        }
    }

    private static U256 RandomBelow(Random rng, BigInteger modulus)
    {
        var bytes = new byte[40];
        rng.NextBytes(bytes);
        return FromBig(new BigInteger(bytes, isUnsigned: true) % modulus);
    }

    private static U256 FromBig(BigInteger v) =>
        new((ulong)(v & ulong.MaxValue), (ulong)((v >> 64) & ulong.MaxValue), (ulong)((v >> 128) & ulong.MaxValue), (ulong)(v >> 192));

    private static BigInteger ToBig(U256 v) =>
        v.L0 + ((BigInteger)v.L1 << 64) + ((BigInteger)v.L2 << 128) + ((BigInteger)v.L3 << 192);
}
