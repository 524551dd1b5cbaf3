using System.Numerics;
using Rollup.Crypto.Bn254.Curves;
using Rollup.Crypto.Bn254.Fields;
using Rollup.Crypto.Bn254.Pairing;
using Rollup.Crypto.Bn254.Towers;

namespace Rollup.Crypto.Tests.Bn254;

public class PairingTests
{
    private static readonly G1Affine P = G1Affine.Generator;
    private static readonly G2Affine Q = G2Affine.Generator;

    [Fact]
    public void Final_exponentiation_equals_the_definition()
    {
        var rng = new Random(41);
        BigInteger q = Fq.Modulus, r = Fr.Modulus;
        BigInteger exponent = (BigInteger.Pow(q, 12) - 1) / r;
        Assert.True(((BigInteger.Pow(q, 12) - 1) % r).IsZero);
        for (int i = 0; i < 2; i++)
        {
            Fq12 f = Fq12.Random(rng);
            Assert.Equal(f.Pow(exponent), Bn254Pairing.FinalExponentiate(f));
        }
    }

    [Fact]
    public void Pairing_is_non_degenerate_and_has_order_r()
    {
        Fq12 e = Bn254Pairing.Pair(P, Q);
        Assert.False(e.IsOne);
        Assert.True(e.Pow(Fr.Modulus).IsOne);
        Assert.True(Bn254Pairing.Pair(G1Affine.Infinity, Q).IsOne);
        Assert.True(Bn254Pairing.Pair(P, G2Affine.Infinity).IsOne);
    }

    [Fact]
    public void Pairing_is_bilinear()
    {
        var rng = new Random(42);
        Fq12 e = Bn254Pairing.Pair(P, Q);
        for (int i = 0; i < 3; i++)
        {
            Fr a = Fr.Random(rng), b = Fr.Random(rng);
            G1Affine aP = (G1Jacobian.Generator * a).ToAffine();
            G2Affine bQ = (G2Jacobian.Generator * b).ToAffine();
            Fq12 expected = e.Pow((a * b).ToBigInteger());
            Assert.Equal(expected, Bn254Pairing.Pair(aP, bQ));
            Assert.Equal(expected, Bn254Pairing.Pair((G1Jacobian.Generator * (a * b)).ToAffine(), Q));
            Assert.Equal(expected, Bn254Pairing.Pair(P, (G2Jacobian.Generator * (a * b)).ToAffine()));
        }
    }

    [Fact]
    public void Pairing_check_accepts_inverse_pairs_and_rejects_others()
    {
        var rng = new Random(43);
        Fr a = Fr.Random(rng), b = Fr.Random(rng);
        G1Affine aP = (G1Jacobian.Generator * a).ToAffine();
        G2Affine bQ = (G2Jacobian.Generator * b).ToAffine();
        Assert.True(Bn254Pairing.PairingCheck([aP, aP.Negate()], [bQ, bQ]));
        Assert.True(Bn254Pairing.PairingCheck([aP, aP], [bQ, bQ.Negate()]));
        // e(aP, bQ) · e(-abP, Q) = 1
        G1Affine abP = (G1Jacobian.Generator * (a * b)).ToAffine();
        Assert.True(Bn254Pairing.PairingCheck([aP, abP.Negate()], [bQ, Q]));
        Assert.False(Bn254Pairing.PairingCheck([aP, abP], [bQ, Q]));
        Assert.False(Bn254Pairing.PairingCheck([aP], [bQ]));
        Assert.True(Bn254Pairing.PairingCheck([], []));
        Assert.True(Bn254Pairing.PairingCheck([G1Affine.Infinity, aP, aP.Negate()], [bQ, Q, Q]));
        Assert.Throws<ArgumentException>(() => Bn254Pairing.PairingCheck([aP], []));
    }
}
