using System.Numerics;
using Rollup.Crypto.Bls12381.Curves;
using Rollup.Crypto.Bls12381.Fields;
using Rollup.Crypto.Bls12381.Pairing;
using Rollup.Crypto.Bls12381.Towers;

namespace Rollup.Crypto.Tests.Bls12381;

public class PairingTests
{
    private static readonly G1Affine P = G1Affine.Generator;
    private static readonly G2Affine Q = G2Affine.Generator;

    [Fact]
    public void Final_exponentiation_equals_the_definition()
    {
        var rng = new Random(41);
        BigInteger q = Fp.Modulus, r = Fr.Modulus;
        BigInteger exponent = (BigInteger.Pow(q, 12) - 1) / r;
        Assert.True(((BigInteger.Pow(q, 12) - 1) % r).IsZero);
        for (int i = 0; i < 2; i++)
        {
            Fp12 f = Fp12.Random(rng);
            Assert.Equal(f.Pow(exponent), Bls12381Pairing.FinalExponentiate(f));
        }
    }

    [Fact]
    public void Hard_part_decomposition_is_exact()
    {
        BigInteger p = Fp.Modulus, r = Fr.Modulus, x = -(BigInteger)0xd201000000010000UL;
        Assert.Equal(r, BigInteger.Pow(x, 4) - x * x + 1);
        Assert.Equal(p, (x - 1) * (x - 1) * r / 3 + x);
        BigInteger k = (x - 1) * (x - 1) / 3;
        Assert.Equal((x - 1) * (x - 1), 3 * k);
        Assert.Equal((BigInteger.Pow(p, 4) - p * p + 1) / r, 1 + k * (x + p) * (x * x + p * p - 1));
    }

    [Fact]
    public void Pairing_is_non_degenerate_and_has_order_r()
    {
        Fp12 e = Bls12381Pairing.Pair(P, Q);
        Assert.False(e.IsOne);
        Assert.True(e.Pow(Fr.Modulus).IsOne);
        Assert.True(Bls12381Pairing.Pair(G1Affine.Infinity, Q).IsOne);
        Assert.True(Bls12381Pairing.Pair(P, G2Affine.Infinity).IsOne);
    }

    [Fact]
    public void Pairing_is_bilinear()
    {
        var rng = new Random(42);
        Fp12 e = Bls12381Pairing.Pair(P, Q);
        for (int i = 0; i < 3; i++)
        {
            Fr a = Fr.Random(rng), b = Fr.Random(rng);
            G1Affine aP = (G1Jacobian.Generator * a).ToAffine();
            G2Affine bQ = (G2Jacobian.Generator * b).ToAffine();
            Fp12 expected = e.Pow((a * b).ToBigInteger());
            Assert.Equal(expected, Bls12381Pairing.Pair(aP, bQ));
            Assert.Equal(expected, Bls12381Pairing.Pair((G1Jacobian.Generator * (a * b)).ToAffine(), Q));
            Assert.Equal(expected, Bls12381Pairing.Pair(P, (G2Jacobian.Generator * (a * b)).ToAffine()));
        }
    }

    [Fact]
    public void Pairing_check_accepts_inverse_pairs_and_rejects_others()
    {
        var rng = new Random(43);
        Fr a = Fr.Random(rng), b = Fr.Random(rng);
        G1Affine aP = (G1Jacobian.Generator * a).ToAffine();
        G2Affine bQ = (G2Jacobian.Generator * b).ToAffine();
        Assert.True(Bls12381Pairing.PairingCheck([aP, aP.Negate()], [bQ, bQ]));
        Assert.True(Bls12381Pairing.PairingCheck([aP, aP], [bQ, bQ.Negate()]));
        // e(aP, bQ) · e(-abP, Q) = 1
        G1Affine abP = (G1Jacobian.Generator * (a * b)).ToAffine();
        Assert.True(Bls12381Pairing.PairingCheck([aP, abP.Negate()], [bQ, Q]));
        Assert.False(Bls12381Pairing.PairingCheck([aP, abP], [bQ, Q]));
        Assert.False(Bls12381Pairing.PairingCheck([aP], [bQ]));
        Assert.True(Bls12381Pairing.PairingCheck([], []));
        Assert.True(Bls12381Pairing.PairingCheck([G1Affine.Infinity, aP, aP.Negate()], [bQ, Q, Q]));
        // Several pairs through one shared Miller loop: e(aP, Q)·e(bP, Q)·e(-(a+b)P, Q) = 1.
        G1Affine bP = (G1Jacobian.Generator * b).ToAffine();
        G1Affine sum = (G1Jacobian.Generator * (a + b)).ToAffine();
        Assert.True(Bls12381Pairing.PairingCheck([aP, bP, sum.Negate()], [Q, Q, Q]));
        Assert.False(Bls12381Pairing.PairingCheck([aP, bP, sum], [Q, Q, Q]));
        Assert.Throws<ArgumentException>(() => Bls12381Pairing.PairingCheck([aP], []));
    }

    [Fact]
    public void Prepared_G2_points_give_the_same_Miller_loop()
    {
        var rng = new Random(44);
        G1Affine aP = (G1Jacobian.Generator * Fr.Random(rng)).ToAffine();
        G2Affine bQ = (G2Jacobian.Generator * Fr.Random(rng)).ToAffine();
        G2Prepared prepared = G2Prepared.From(bQ);
        Assert.True(Bls12381Pairing.PairingCheckPrepared([aP, aP.Negate()], [prepared, prepared]));
        Assert.False(Bls12381Pairing.PairingCheckPrepared([aP, aP], [prepared, prepared]));
        Assert.True(G2Prepared.From(G2Affine.Infinity).IsInfinity);
        Assert.True(Bls12381Pairing.PairingCheckPrepared([aP], [G2Prepared.From(G2Affine.Infinity)]));
    }
}
