using System.Numerics;
using Rollup.Crypto.Bn254.Curves;
using Rollup.Crypto.Bn254.Fields;
using Rollup.Crypto.Msm;
using static Rollup.Crypto.Tests.Msm.TestPoints;

namespace Rollup.Crypto.Tests.Msm;

/// <summary>The GLV constants, derived here again from the curve parameters, and the scalar split against BigInteger.</summary>
public class GlvTests
{
    private static readonly BigInteger Q = Fq.Modulus, R = Fr.Modulus;
    private static readonly BigInteger Beta = new Fq(Glv.Beta).ToBigInteger();

    [Fact]
    public void Moduli_come_from_the_BN_parameter()
    {
        BigInteger u = 4965661367192848881;
        Assert.Equal(36 * BigInteger.Pow(u, 4) + 36 * BigInteger.Pow(u, 3) + 24 * u * u + 6 * u + 1, Q);
        Assert.Equal(36 * BigInteger.Pow(u, 4) + 36 * BigInteger.Pow(u, 3) + 18 * u * u + 6 * u + 1, R);
    }

    [Fact]
    public void Beta_and_lambda_are_cube_roots_of_unity()
    {
        Assert.NotEqual(BigInteger.One, Beta);
        Assert.Equal(BigInteger.One, BigInteger.ModPow(Beta, 3, Q));
        Assert.Equal(BigInteger.Zero, (Glv.Lambda * Glv.Lambda + Glv.Lambda + 1) % R);
    }

    [Fact]
    public void Beta_and_lambda_are_derived_from_q_and_r_and_paired_on_the_generator()
    {
        // Primitive cube roots of unity: g^((p-1)/3) for the first g where that is not 1, and its square.
        BigInteger[] Roots(BigInteger p)
        {
            for (int g = 2; ; g++)
            {
                var w = BigInteger.ModPow(g, (p - 1) / 3, p);
                if (!w.IsOne) return [w, w * w % p];
            }
        }
        var gen = G1Jacobian.Generator;
        var pairs = new List<(BigInteger Beta, BigInteger Lambda)>();
        foreach (var b in Roots(Q))
        foreach (var l in Roots(R))
        {
            var phi = new G1Affine(Fq.FromBigInteger(b), Fq.FromUInt64(2));   // φ(1, 2) = (β, 2)
            if (gen.Multiply(l).ToAffine() == phi) pairs.Add((b, l));
        }
        // Exactly two pairings exist (β with λ, β² with λ²), and the library uses one of them.
        Assert.Equal(2, pairs.Count);
        Assert.Contains((Beta, Glv.Lambda), pairs);
    }

    [Fact]
    public void Endomorphism_is_multiplication_by_lambda_on_random_points()
    {
        var rng = new Random(5);
        foreach (var p in RandomWalk(20, rng))
            Assert.Equal(p.ToJacobian().Multiply(Glv.Lambda).ToAffine(), Glv.Endomorphism(p));
        Assert.True(Glv.Endomorphism(G1Affine.Infinity).IsInfinity);
    }

    public static IEnumerable<object[]> EdgeScalars()
    {
        BigInteger l = Glv.Lambda;
        foreach (var k in new[]
                 {
                     BigInteger.Zero, BigInteger.One, R - 1, R - 2, R / 2, R / 2 + 1, l, R - l, l * l % R, l - 1, l + 1,
                     BigInteger.One << 126, BigInteger.One << 127, (BigInteger.One << 128) - 1, BigInteger.One << 253,
                     (BigInteger.One << 254) % R, R - (BigInteger.One << 127),
                 })
            yield return [k.ToString()];
    }

    [Theory]
    [MemberData(nameof(EdgeScalars))]
    public void Split_of_edge_scalars_is_congruent_and_short(string k) => CheckSplit(BigInteger.Parse(k));

    [Fact]
    public void Split_of_random_scalars_is_congruent_and_short()
    {
        var rng = new Random(11);
        for (int i = 0; i < 20000; i++) CheckSplit(Fr.Random(rng).ToBigInteger());
        // Uniform 256-bit values reduced mod r: a second distribution.
        for (int i = 0; i < 2000; i++)
        {
            var bytes = new byte[32];
            rng.NextBytes(bytes);
            CheckSplit(new BigInteger(bytes, isUnsigned: true) % R);
        }
    }

    private static void CheckSplit(BigInteger k)
    {
        Glv.Decompose(Montgomery<FrModulus>.FromMontgomery(Fr.FromBigInteger(k).Limbs), out Int128 k1, out Int128 k2);
        BigInteger a = (BigInteger)k1, b = (BigInteger)k2;
        Assert.Equal(BigInteger.Zero, ((a + Glv.Lambda * b - k) % R + R) % R);
        BigInteger bound = BigInteger.One << Glv.HalfBits;
        Assert.True(BigInteger.Abs(a) < bound, $"|k1| too large for k = {k}");
        Assert.True(BigInteger.Abs(b) < bound, $"|k2| too large for k = {k}");
        // The digits keep the top window's digit below 2^15 for c = 16: |k| < 2^126.1 is what that needs.
        Assert.True(BigInteger.Abs(a) < (BigInteger.One << 127) * 6 / 10 && BigInteger.Abs(b) < (BigInteger.One << 127) * 6 / 10);
    }

    [Theory]
    [InlineData(3)]
    [InlineData(7)]
    [InlineData(13)]
    [InlineData(16)]
    public void Glv_digits_reconstruct_the_scalar(int c)
    {
        var rng = new Random(c);
        int n = 64;
        var scalars = RandomScalars(n, rng);
        scalars[0] = Fr.Zero;
        scalars[1] = -Fr.One;
        scalars[2] = Fr.FromBigInteger(Glv.Lambda);
        var bases = RandomWalk(n, rng);
        bases[3] = G1Affine.Infinity;
        int windows = SignedDigits.WindowCount(c, Glv.HalfBits);
        var digits = new short[windows * 2 * n];
        SignedDigits.ComputeGlv(scalars, bases, c, digits, 0, n);
        for (int i = 0; i < n; i++)
        {
            BigInteger k1 = 0, k2 = 0;
            for (int w = windows - 1; w >= 0; w--)
            {
                k1 = (k1 << c) + digits[w * 2 * n + i];
                k2 = (k2 << c) + digits[w * 2 * n + n + i];
            }
            BigInteger expected = i == 3 ? 0 : scalars[i].ToBigInteger();
            Assert.Equal(expected, ((k1 + Glv.Lambda * k2) % R + R) % R);
        }
    }
}
