using Rollup.Crypto.Bn254.Curves;
using Rollup.Crypto.Bn254.Fields;
using Rollup.Crypto.Bn254.Pairing;
using Rollup.Crypto.Bn254.Towers;

namespace Rollup.Crypto.Tests.Bn254;

/// <summary>Pairing against precomputed G2 lines must give exactly the plain pairing.</summary>
public class G2PreparedTests
{
    [Fact]
    public void Prepared_pairing_equals_the_plain_pairing()
    {
        var rng = new Random(71);
        var cases = new List<(G1Affine, G2Affine)> { (G1Affine.Generator, G2Affine.Generator) };
        for (int i = 0; i < 4; i++)
            cases.Add(((G1Jacobian.Generator * Fr.Random(rng)).ToAffine(), (G2Jacobian.Generator * Fr.Random(rng)).ToAffine()));
        cases.Add((G1Affine.Generator.Negate(), G2Affine.Generator.Negate()));
        foreach (var (p, q) in cases)
        {
            var prepared = G2Prepared.FromAffine(q);
            Assert.Equal(q, prepared.Point);
            Assert.Equal(Bn254Pairing.Pair(p, q), Bn254Pairing.Pair(p, prepared));
        }
        Assert.Equal(Bn254Pairing.Pair(G1Affine.Generator, G2Affine.Generator), Bn254Pairing.Pair(G1Affine.Generator, G2Prepared.Generator));
    }

    [Fact]
    public void Infinity_on_either_side_pairs_to_one()
    {
        Assert.True(Bn254Pairing.Pair(G1Affine.Infinity, G2Prepared.Generator).IsOne);
        var inf = G2Prepared.FromAffine(G2Affine.Infinity);
        Assert.True(inf.IsInfinity);
        Assert.True(Bn254Pairing.Pair(G1Affine.Generator, inf).IsOne);
    }

    [Fact]
    public void Prepared_pairing_check_matches_the_plain_check()
    {
        var rng = new Random(72);
        Fr a = Fr.Random(rng), b = Fr.Random(rng);
        G1Affine aP = (G1Jacobian.Generator * a).ToAffine();
        G1Affine abP = (G1Jacobian.Generator * (a * b)).ToAffine();
        G2Affine bQ = (G2Jacobian.Generator * b).ToAffine();
        var g2 = G2Prepared.Generator;
        var tau = G2Prepared.FromAffine(bQ); // stands in for [τ]G2

        // KZG shape: e(aP, [b]Q) · e(-abP, Q) = 1.
        Assert.True(Bn254Pairing.PairingCheckPrepared([aP, abP.Negate()], [tau, g2]));
        Assert.False(Bn254Pairing.PairingCheckPrepared([aP, abP], [tau, g2]));
        Assert.False(Bn254Pairing.PairingCheckPrepared([aP], [tau]));
        Assert.True(Bn254Pairing.PairingCheckPrepared([], []));
        Assert.True(Bn254Pairing.PairingCheckPrepared([G1Affine.Infinity, aP, abP.Negate()], [g2, tau, g2]));
        // Three pairs sharing one accumulator, compared with the unprepared check.
        G1Affine[] ps = [aP, aP.Negate(), abP];
        G2Affine[] qs = [bQ, bQ, G2Affine.Generator];
        Assert.Equal(Bn254Pairing.PairingCheck(ps, qs), Bn254Pairing.PairingCheckPrepared(ps, [tau, tau, g2]));
        Assert.Equal(
            Bn254Pairing.FinalExponentiate(Bn254Pairing.MillerLoopProduct(ps, qs)),
            Bn254Pairing.FinalExponentiate(Bn254Pairing.MillerLoopProductPrepared(ps, [tau, tau, g2])));
        Assert.Throws<ArgumentException>(() => Bn254Pairing.PairingCheckPrepared([aP], []));
    }

    [Fact]
    public void Only_points_of_G2_can_be_prepared()
    {
        Assert.Throws<ArgumentException>(() => G2Prepared.FromAffine(CurveTests.TwistPointOutsideG2()));
        var offCurve = new G2Affine(G2Affine.Generator.X, G2Affine.Generator.X);
        Assert.Throws<ArgumentException>(() => G2Prepared.FromAffine(offCurve));
    }

    [Fact]
    public void Normalized_line_product_matches_the_dense_product()
    {
        var rng = new Random(73);
        for (int i = 0; i < 20; i++)
        {
            Fq12 f = Fq12.Random(rng);
            Fq2 b = Fq2.Random(rng), c = Fq2.Random(rng);
            // l = 1 + b·w + c·w^3: C0 = (1, 0, 0), C1 = (b, c, 0).
            var line = new Fq12(Fq6.One, new Fq6(b, c, Fq2.Zero));
            Fq12.MultiplyByNormalizedLine(f, b, c, out Fq12 r);
            Assert.Equal(f * line, r);
        }
    }
}
