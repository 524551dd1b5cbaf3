using System.Numerics;
using Rollup.Crypto.Bn254.Curves;
using Rollup.Crypto.Bn254.Fields;
using Rollup.Crypto.Bn254.Towers;

namespace Rollup.Crypto.Tests.Bn254;

public class CurveTests
{
    private static readonly BigInteger R = Fr.Modulus;

    [Fact]
    public void Generators_are_on_curve_and_have_order_r()
    {
        Assert.True(G1Affine.Generator.IsOnCurve);
        Assert.True(G2Affine.Generator.IsOnCurve);
        Assert.True(G2Affine.Generator.IsInSubgroup);
        Assert.True(G1Jacobian.Generator.Multiply(R).IsInfinity);
        Assert.True(G2Jacobian.Generator.Multiply(R).IsInfinity);
        Assert.False(G1Jacobian.Generator.Multiply(R - 1).IsInfinity);
        Assert.Equal(G1Jacobian.Generator.Negate(), G1Jacobian.Generator.Multiply(R - 1));
        Assert.Equal(G2Jacobian.Generator.Negate(), G2Jacobian.Generator.Multiply(R - 1));
    }

    [Fact]
    public void Generator_encodings_match_EIP_197()
    {
        Assert.Equal("0000000000000000000000000000000000000000000000000000000000000001" +
                     "0000000000000000000000000000000000000000000000000000000000000002",
            Convert.ToHexString(G1Affine.Generator.Encode()).ToLowerInvariant());
        Assert.Equal("198e9393920d483a7260bfb731fb5d25f1aa493335a9e71297e485b7aef312c2" +
                     "1800deef121f1e76426a00665e5c4479674322d4f75edadd46debd5cd992f6ed" +
                     "090689d0585ff075ec9e99ad690c3395bc4b313370b38ef355acdadcd122975b" +
                     "12c85ea5db8c6deb4aab71808dcb408fe3d1e7690c43d37b4ce6cc0166fa7daa",
            Convert.ToHexString(G2Affine.Generator.Encode()).ToLowerInvariant());
    }

    [Fact]
    public void G1_add_double_mixed_are_consistent()
    {
        var rng = new Random(31);
        var g = G1Jacobian.Generator;
        for (int i = 0; i < 100; i++)
        {
            G1Jacobian p = g.Multiply(Fr.Random(rng)), q = g.Multiply(Fr.Random(rng)), s = g.Multiply(Fr.Random(rng));
            Assert.True(p.IsOnCurve);
            Assert.Equal(p + p, p.Double());
            Assert.Equal(p + q, q + p);
            Assert.Equal((p + q) + s, p + (q + s));
            Assert.Equal(p + q, p + q.ToAffine());
            Assert.Equal(p.Double(), p + p.ToAffine());
            Assert.True((p + p.Negate().ToAffine()).IsInfinity);
            Assert.True((p - p).IsInfinity);
            Assert.Equal(p, p + G1Jacobian.Infinity);
            Assert.Equal(p, G1Jacobian.Infinity + p);
            Assert.Equal(p, G1Jacobian.Infinity + p.ToAffine());
            Assert.Equal(p.ToAffine(), p.ToAffine().ToJacobian().ToAffine());
        }
    }

    [Fact]
    public void G2_add_double_mixed_are_consistent()
    {
        var rng = new Random(32);
        var g = G2Jacobian.Generator;
        for (int i = 0; i < 30; i++)
        {
            G2Jacobian p = g.Multiply(Fr.Random(rng)), q = g.Multiply(Fr.Random(rng)), s = g.Multiply(Fr.Random(rng));
            Assert.True(p.IsOnCurve);
            Assert.Equal(p + p, p.Double());
            Assert.Equal((p + q) + s, p + (q + s));
            Assert.Equal(p + q, p + q.ToAffine());
            Assert.Equal(p.Double(), p + p.ToAffine());
            Assert.True((p - p).IsInfinity);
            Assert.Equal(p, p + G2Jacobian.Infinity);
            Assert.True(p.ToAffine().IsInSubgroup);
        }
    }

    [Fact]
    public void Scalar_multiplication_matches_repeated_addition_for_small_scalars()
    {
        G1Jacobian acc1 = G1Jacobian.Infinity;
        G2Jacobian acc2 = G2Jacobian.Infinity;
        for (int k = 0; k <= 70; k++)
        {
            Assert.Equal(acc1, G1Jacobian.Generator.Multiply(new BigInteger(k)));
            Assert.Equal(acc2, G2Jacobian.Generator.Multiply(new BigInteger(k)));
            acc1 += G1Affine.Generator;
            acc2 += G2Affine.Generator;
        }
    }

    [Fact]
    public void Scalar_multiplication_is_linear()
    {
        var rng = new Random(33);
        for (int i = 0; i < 40; i++)
        {
            Fr a = Fr.Random(rng), b = Fr.Random(rng);
            Assert.Equal(G1Jacobian.Generator * (a + b), G1Jacobian.Generator * a + G1Jacobian.Generator * b);
            Assert.Equal((G1Jacobian.Generator * a) * b, G1Jacobian.Generator * (a * b));
            if (i < 10)
            {
                Assert.Equal(G2Jacobian.Generator * (a + b), G2Jacobian.Generator * a + G2Jacobian.Generator * b);
                Assert.Equal((G2Jacobian.Generator * a) * b, G2Jacobian.Generator * (a * b));
            }
        }
        // Scalars above r (the EVM allows any 256-bit scalar) act modulo r.
        BigInteger big = (BigInteger.One << 256) - 1;
        Assert.Equal(G1Jacobian.Generator.Multiply(big % R), G1Jacobian.Generator.Multiply(big));
        Assert.Equal(G1Jacobian.Generator.Negate(), G1Jacobian.Generator.Multiply(new BigInteger(-1)));
    }

    [Fact]
    public void Batch_to_affine_matches_single_conversion()
    {
        var rng = new Random(34);
        var pts = Enumerable.Range(0, 20).Select(i => i == 5 ? G1Jacobian.Infinity : G1Jacobian.Generator * Fr.Random(rng)).ToArray();
        var outp = new G1Affine[pts.Length];
        G1Jacobian.BatchToAffine(pts, outp);
        Assert.Equal(pts.Select(p => p.ToAffine()), outp);
        Assert.True(outp[5].IsInfinity);
    }

    [Fact]
    public void Encodings_round_trip()
    {
        var rng = new Random(35);
        for (int i = 0; i < 20; i++)
        {
            G1Affine p = (G1Jacobian.Generator * Fr.Random(rng)).ToAffine();
            Assert.Equal(PointDecodeStatus.Ok, G1Affine.Decode(p.Encode(), out G1Affine p2));
            Assert.Equal(p, p2);
            G2Affine q = (G2Jacobian.Generator * Fr.Random(rng)).ToAffine();
            Assert.Equal(PointDecodeStatus.Ok, G2Affine.Decode(q.Encode(), out G2Affine q2));
            Assert.Equal(q, q2);
        }
        Assert.True(G1Affine.TryDecode(new byte[64], out G1Affine inf1) && inf1.IsInfinity);
        Assert.True(G2Affine.TryDecode(new byte[128], out G2Affine inf2) && inf2.IsInfinity);
        Assert.Equal(new byte[64], G1Affine.Infinity.Encode());
        Assert.Equal(new byte[128], G2Jacobian.Infinity.ToAffine().Encode());
    }

    [Fact]
    public void Bad_encodings_are_rejected_with_their_reason()
    {
        byte[] q = Fq.Modulus.ToByteArray(isUnsigned: true, isBigEndian: true);

        // G1: coordinate = q, not on curve, wrong length.
        byte[] g1 = G1Affine.Generator.Encode();
        byte[] bad = (byte[])g1.Clone(); q.CopyTo(bad, 0);
        Assert.Equal(PointDecodeStatus.CoordinateNotInField, G1Affine.Decode(bad, out _));
        bad = (byte[])g1.Clone(); q.CopyTo(bad, 32);
        Assert.Equal(PointDecodeStatus.CoordinateNotInField, G1Affine.Decode(bad, out _));
        // (1, 2 + q) encodes the generator's y plus q: still rejected, never reduced.
        bad = (byte[])g1.Clone(); (Fq.Modulus + 2).ToByteArray(isUnsigned: true, isBigEndian: true).CopyTo(bad, 32);
        Assert.Equal(PointDecodeStatus.CoordinateNotInField, G1Affine.Decode(bad, out _));
        bad = (byte[])g1.Clone(); bad[63] = 3;
        Assert.Equal(PointDecodeStatus.NotOnCurve, G1Affine.Decode(bad, out _));
        Assert.Equal(PointDecodeStatus.WrongLength, G1Affine.Decode(new byte[63], out _));

        // G2: each coordinate limb = q, not on curve, on the twist but outside G2, wrong length.
        byte[] g2 = G2Affine.Generator.Encode();
        for (int off = 0; off < 128; off += 32)
        {
            bad = (byte[])g2.Clone(); q.CopyTo(bad, off);
            Assert.Equal(PointDecodeStatus.CoordinateNotInField, G2Affine.Decode(bad, out _));
        }
        bad = (byte[])g2.Clone(); bad[127] ^= 1;
        Assert.Equal(PointDecodeStatus.NotOnCurve, G2Affine.Decode(bad, out _));
        Assert.Equal(PointDecodeStatus.NotInSubgroup, G2Affine.Decode(TwistPointOutsideG2().Encode(), out _));
        Assert.Equal(PointDecodeStatus.WrongLength, G2Affine.Decode(new byte[127], out _));
    }

    [Fact]
    public void Fast_G2_subgroup_check_agrees_with_multiplication_by_r()
    {
        var rng = new Random(36);
        for (int i = 0; i < 12; i++)
        {
            G2Affine inG2 = (G2Jacobian.Generator * Fr.Random(rng)).ToAffine();
            Assert.True(inG2.IsInSubgroup);
            G2Affine outside = RandomTwistPoint(rng);
            bool byOrder = outside.ToJacobian().Multiply(Fr.Modulus).IsInfinity;
            Assert.False(byOrder);
            Assert.Equal(byOrder, outside.IsInSubgroup);
            // A subgroup point plus a non-subgroup point is outside too.
            Assert.False((inG2.ToJacobian() + outside).ToAffine().IsInSubgroup);
        }
        // ψ acts on G2 as multiplication by q mod r = 6u^2.
        G2Jacobian g = G2Jacobian.Generator;
        BigInteger u = 4965661367192848881;
        Assert.Equal(g.Multiply(6 * u * u), g.Psi());
        Assert.Equal(g.Multiply(Fq.Modulus % R), g.Psi());
    }

    private static G2Affine RandomTwistPoint(Random rng)
    {
        BigInteger q2 = Fq.Modulus * Fq.Modulus;
        while (true)
        {
            Fq2 x = Fq2.Random(rng);
            Fq2 rhs = x.Square() * x + G2Affine.B;
            if (!rhs.Pow((q2 - 1) / 2).IsOne) continue;
            return new G2Affine(x, SqrtFq2(rhs));
        }
    }

    /// <summary>Finds a point on the twist by trying x = 1, 2, ... and taking a square root in F_q2.</summary>
    internal static G2Affine TwistPointOutsideG2()
    {
        BigInteger q2 = Fq.Modulus * Fq.Modulus;
        for (ulong x0 = 1; ; x0++)
        {
            var x = new Fq2(Fq.FromUInt64(x0), Fq.One);
            Fq2 rhs = x.Square() * x + G2Affine.B;
            if (!rhs.Pow((q2 - 1) / 2).IsOne) continue;
            Fq2 y = SqrtFq2(rhs);
            var p = new G2Affine(x, y);
            Assert.True(p.IsOnCurve);
            if (!p.IsInSubgroup) return p;
        }
    }

    /// <summary>Square root in F_q2 (u^2 = -1) by the norm method: needs only F_q square roots.</summary>
    private static Fq2 SqrtFq2(Fq2 a)
    {
        Fq norm = a.A0.Square() + a.A1.Square();
        Assert.True(norm.TrySqrt(out Fq n));
        Fq half = Fq.FromUInt64(2).Inverse();
        Fq t = (a.A0 + n) * half;
        if (!t.TrySqrt(out Fq x0)) { t = (a.A0 - n) * half; Assert.True(t.TrySqrt(out x0)); }
        Fq x1 = a.A1 * (x0.Double()).Inverse();
        var r = new Fq2(x0, x1);
        Assert.Equal(a, r.Square());
        return r;
    }
}
