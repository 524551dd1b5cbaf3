using System.Numerics;
using Rollup.Crypto.Bls12381.Curves;
using Rollup.Crypto.Bls12381.Fields;
using Rollup.Crypto.Bls12381.Towers;

namespace Rollup.Crypto.Tests.Bls12381;

public class CurveTests
{
    // Published compressed generators (zkcrypto's serialization notes; also the first G1/G2 monomial
    // points of the Ethereum KZG setup, which are [1]G1 and [1]G2).
    internal const string G1GeneratorCompressed =
        "97f1d3a73197d7942695638c4fa9ac0fc3688c4f9774b905a14e3a3f171bac586c55e83ff97a1aeffb3af00adb22c6bb";
    internal const string G2GeneratorCompressed =
        "93e02b6052719f607dacd3a088274f65596bd0d09920b61ab5da61bbdc7f5049334cf11213945d57e5ac7d055d042b7e" +
        "024aa2b2f08f0a91260805272dc51051c6e47ad4fa403b02b4510b647ae3d1770bac0326a805bbefd48056c8c121bdb8";

    private static readonly BigInteger R = Fr.Modulus;

    [Fact]
    public void Generators_are_on_their_curves_and_have_order_r()
    {
        Assert.True(G1Affine.Generator.IsOnCurve);
        Assert.True(G2Affine.Generator.IsOnCurve);
        Assert.True(G1Jacobian.Generator.Multiply(R).IsInfinity);
        Assert.True(G2Jacobian.Generator.Multiply(R).IsInfinity);
        Assert.False(G1Jacobian.Generator.Multiply(R - 1).IsInfinity);
        Assert.False(G2Jacobian.Generator.Multiply(R - 1).IsInfinity);
    }

    [Fact]
    public void Generators_encode_to_the_published_compressed_bytes_and_back()
    {
        Assert.Equal(G1GeneratorCompressed, Convert.ToHexString(G1Affine.Generator.Encode()).ToLowerInvariant());
        Assert.Equal(G2GeneratorCompressed, Convert.ToHexString(G2Affine.Generator.Encode()).ToLowerInvariant());
        Assert.Equal(DecodeStatus.Ok, G1Affine.Decode(Convert.FromHexString(G1GeneratorCompressed), out G1Affine g1));
        Assert.Equal(G1Affine.Generator, g1);
        Assert.Equal(DecodeStatus.Ok, G2Affine.Decode(Convert.FromHexString(G2GeneratorCompressed), out G2Affine g2));
        Assert.Equal(G2Affine.Generator, g2);
    }

    [Fact]
    public void G1_group_laws_hold()
    {
        var rng = new Random(31);
        G1Jacobian g = G1Jacobian.Generator;
        for (int i = 0; i < 20; i++)
        {
            Fr a = Fr.Random(rng), b = Fr.Random(rng);
            G1Jacobian pa = g * a, pb = g * b;
            Assert.True(pa.IsOnCurve);
            Assert.Equal(g * (a + b), pa + pb);
            Assert.Equal(pa * b, pb * a);
            Assert.Equal(pa + pb, pb + pa);
            Assert.Equal(pa.Double(), pa + pa);
            Assert.Equal(pa + pb.ToAffine(), pa + pb);
            Assert.True((pa - pa).IsInfinity);
            Assert.Equal(pa, pa + G1Jacobian.Infinity);
            Assert.Equal(g * (-a), -pa);
        }
    }

    [Fact]
    public void MultiplySum_matches_two_multiplications()
    {
        var rng = new Random(36);
        G1Jacobian p = G1Jacobian.Generator * Fr.Random(rng), q = G1Jacobian.Generator * Fr.Random(rng);
        for (int i = 0; i < 20; i++)
        {
            Fr a = i == 0 ? Fr.Zero : Fr.Random(rng), b = i == 1 ? Fr.Zero : i == 2 ? -Fr.One : Fr.Random(rng);
            Assert.Equal(p * a + q * b, G1Jacobian.MultiplySum(p, a, q, b));
        }
        Assert.True(G1Jacobian.MultiplySum(G1Jacobian.Infinity, Fr.One, G1Jacobian.Infinity, Fr.One).IsInfinity);
        Assert.Equal(q, G1Jacobian.MultiplySum(G1Jacobian.Infinity, Fr.Random(rng), q, Fr.One));
    }

    [Fact]
    public void G2_group_laws_hold()
    {
        var rng = new Random(32);
        G2Jacobian g = G2Jacobian.Generator;
        for (int i = 0; i < 10; i++)
        {
            Fr a = Fr.Random(rng), b = Fr.Random(rng);
            G2Jacobian pa = g * a, pb = g * b;
            Assert.True(pa.IsOnCurve);
            Assert.Equal(g * (a + b), pa + pb);
            Assert.Equal(pa * b, pb * a);
            Assert.Equal(pa.Double(), pa + pa);
            Assert.Equal(pa + pb.ToAffine(), pa + pb);
            Assert.True((pa - pa).IsInfinity);
        }
    }

    [Fact]
    public void Random_multiples_round_trip_through_the_compressed_encodings()
    {
        var rng = new Random(33);
        for (int i = 0; i < 20; i++)
        {
            G1Affine p = (G1Jacobian.Generator * Fr.Random(rng)).ToAffine();
            foreach (G1Affine q in new[] { p, -p })
            {
                byte[] enc = q.Encode();
                Assert.Equal(0x80, enc[0] & 0xc0);
                Assert.Equal(DecodeStatus.Ok, G1Affine.Decode(enc, out G1Affine back));
                Assert.Equal(q, back);
            }
            Assert.NotEqual(p.Encode()[0] & 0x20, (-p).Encode()[0] & 0x20);
        }
        for (int i = 0; i < 5; i++)
        {
            G2Affine p = (G2Jacobian.Generator * Fr.Random(rng)).ToAffine();
            foreach (G2Affine q in new[] { p, -p })
            {
                Assert.Equal(DecodeStatus.Ok, G2Affine.Decode(q.Encode(), out G2Affine back));
                Assert.Equal(q, back);
            }
        }
    }

    [Fact]
    public void Infinity_has_one_canonical_encoding()
    {
        byte[] inf1 = G1Affine.Infinity.Encode();
        Assert.Equal("c0" + new string('0', 94), Convert.ToHexString(inf1).ToLowerInvariant());
        Assert.Equal(DecodeStatus.Ok, G1Affine.Decode(inf1, out G1Affine p1));
        Assert.True(p1.IsInfinity);
        byte[] inf2 = G2Affine.Infinity.Encode();
        Assert.Equal(DecodeStatus.Ok, G2Affine.Decode(inf2, out G2Affine p2));
        Assert.True(p2.IsInfinity);

        foreach (byte[] bad in new[] { With(inf1, 0, 0xe0), With(inf1, 47, 1), With(inf1, 0, 0xc1), With(inf1, 0, 0x40) })
            Assert.NotEqual(DecodeStatus.Ok, G1Affine.Decode(bad, out _));
        Assert.Equal(DecodeStatus.NonCanonicalInfinity, G1Affine.Decode(With(inf1, 0, 0xe0), out _));
        Assert.Equal(DecodeStatus.NonCanonicalInfinity, G2Affine.Decode(With(inf2, 95, 1), out _));
        Assert.Equal(DecodeStatus.NonCanonicalInfinity, G2Affine.Decode(With(inf2, 50, 1), out _));
    }

    [Fact]
    public void Decoding_rejects_bad_flags_lengths_coordinates_and_points()
    {
        byte[] g1 = Convert.FromHexString(G1GeneratorCompressed);
        Assert.Equal(DecodeStatus.WrongLength, G1Affine.Decode(g1[..47], out _));
        Assert.Equal(DecodeStatus.NotCompressed, G1Affine.Decode(With(g1, 0, (byte)(g1[0] & 0x7f)), out _));

        // x = p (flags set around it) is out of range even though it fits in 381 bits.
        byte[] xIsP = FieldTests.Be(Fp.Modulus, 48);
        xIsP[0] |= 0x80;
        Assert.Equal(DecodeStatus.CoordinateNotInField, G1Affine.Decode(xIsP, out _));

        // Find x values whose x^3 + 4 is not a square, and x values on the curve outside G1.
        var rng = new Random(34);
        bool sawNotOnCurve = false, sawOutside = false;
        while (!sawNotOnCurve || !sawOutside)
        {
            Fp x = Fp.Random(rng);
            byte[] enc = x.ToBigEndian();
            enc[0] |= 0x80;
            DecodeStatus s = G1Affine.Decode(enc, out _);
            Assert.True(s is DecodeStatus.NotOnCurve or DecodeStatus.NotInSubgroup, s.ToString());
            sawNotOnCurve |= s == DecodeStatus.NotOnCurve;
            sawOutside |= s == DecodeStatus.NotInSubgroup;
        }

        byte[] g2 = Convert.FromHexString(G2GeneratorCompressed);
        Assert.Equal(DecodeStatus.WrongLength, G2Affine.Decode(g2[..95], out _));
        Assert.Equal(DecodeStatus.NotCompressed, G2Affine.Decode(With(g2, 0, (byte)(g2[0] & 0x7f)), out _));
        byte[] c0IsP = (byte[])g2.Clone();
        FieldTests.Be(Fp.Modulus, 48).CopyTo(c0IsP, 48);
        Assert.Equal(DecodeStatus.CoordinateNotInField, G2Affine.Decode(c0IsP, out _));
        byte[] c1IsP = FieldTests.Be(Fp.Modulus, 48).Concat(g2[48..]).ToArray();
        c1IsP[0] |= 0x80;
        Assert.Equal(DecodeStatus.CoordinateNotInField, G2Affine.Decode(c1IsP, out _));
        bool sawG2Outside = false;
        for (int i = 0; i < 20 && !sawG2Outside; i++)
        {
            var x = new Fp2(Fp.Random(rng), Fp.Random(rng));
            byte[] enc = x.A1.ToBigEndian().Concat(x.A0.ToBigEndian()).ToArray();
            enc[0] |= 0x80;
            DecodeStatus s = G2Affine.Decode(enc, out _);
            Assert.True(s is DecodeStatus.NotOnCurve or DecodeStatus.NotInSubgroup, s.ToString());
            sawG2Outside |= s == DecodeStatus.NotInSubgroup;
        }
        Assert.True(sawG2Outside);
    }

    [Fact]
    public void Endomorphism_subgroup_test_agrees_with_the_order_definition()
    {
        // The cofactor of E(F_p) is h = 3 · 11² · 10177² · 859267² · 52437899². Points whose order has
        // one of those factors (times r or not) must all be rejected, and G1 points accepted.
        BigInteger h = BigInteger.Parse("0396c8c005555e1568c00aaab0000aaab", System.Globalization.NumberStyles.HexNumber);
        BigInteger[] factors = [3, 11, 121, 10177, 10177L * 10177, 859267, 52437899];
        Assert.Equal(h, (BigInteger)3 * 121 * 10177 * 10177 * 859267L * 859267 * 52437899L * 52437899);
        var rng = new Random(35);
        G1Jacobian g = G1Jacobian.Generator * Fr.Random(rng);
        Assert.True(g.IsInSubgroup && g.IsInSubgroupByOrder);
        Assert.True(G1Jacobian.Infinity.IsInSubgroup);
        int smallOrderPoints = 0;
        for (int i = 0; i < 8; i++)
        {
            G1Jacobian q = RandomCurvePoint(rng);
            Assert.Equal(q.IsInSubgroupByOrder, q.IsInSubgroup);
            Assert.False(q.IsInSubgroup); // a random curve point is in G1 with probability 1/h
            foreach (BigInteger f in factors)
            {
                if (h % f != 0) continue;
                G1Jacobian t = q.Multiply(R * (h / f));    // order divides f
                if (t.IsInfinity) continue;
                smallOrderPoints++;
                Assert.False(t.IsInSubgroupByOrder);
                Assert.False(t.IsInSubgroup);
                Assert.False((g + t).IsInSubgroup);
                G1Jacobian u = q.Multiply(h / f);            // order r·(divisor of f)
                Assert.Equal(u.IsInSubgroupByOrder, u.IsInSubgroup);
            }
        }
        Assert.True(smallOrderPoints > 20, $"only {smallOrderPoints} small-order points found");
    }

    private static G1Jacobian RandomCurvePoint(Random rng)
    {
        while (true)
        {
            Fp x = Fp.Random(rng);
            if ((x.Square() * x + G1Affine.B).TrySqrt(out Fp y)) return new G1Affine(x, y).ToJacobian();
        }
    }

    private static byte[] With(byte[] b, int index, byte value)
    {
        var c = (byte[])b.Clone();
        c[index] = value;
        return c;
    }
}
