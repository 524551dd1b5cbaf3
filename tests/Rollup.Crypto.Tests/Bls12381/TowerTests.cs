using System.Numerics;
using Rollup.Crypto.Bls12381.Fields;
using Rollup.Crypto.Bls12381.Towers;

namespace Rollup.Crypto.Tests.Bls12381;

public class TowerTests
{
    private const int Cases = 300;

    [Fact]
    public void Fp2_laws_and_u_squared_is_minus_one()
    {
        var rng = new Random(21);
        var u = new Fp2(Fp.Zero, Fp.One);
        Assert.Equal(-Fp2.One, u * u);
        for (int i = 0; i < Cases * 10; i++)
        {
            Fp2 a = Fp2.Random(rng), b = Fp2.Random(rng), c = Fp2.Random(rng);
            Assert.Equal((a * b) * c, a * (b * c));
            Assert.Equal(a * (b + c), a * b + a * c);
            Assert.Equal(a * a, a.Square());
            Assert.Equal(a * Fp2.Xi, a.MulByXi());
            Assert.Equal(a * new Fp2(b.A0, Fp.Zero), a * b.A0);
            Assert.True((a * a.Inverse()).IsOne);
            Assert.Equal(a.Pow(Fp.Modulus), a.Conjugate());
        }
    }

    [Fact]
    public void Fp2_square_roots_exist_exactly_for_squares_and_sign_rule_compares_u_first()
    {
        var rng = new Random(26);
        BigInteger p2 = Fp.Modulus * Fp.Modulus;
        int squares = 0;
        for (int i = 0; i < 200; i++)
        {
            Fp2 a = Fp2.Random(rng);
            Assert.True(a.Square().TrySqrt(out Fp2 r) && (r == a || r == -a));
            bool isSquare = a.Pow((p2 - 1) / 2).IsOne;
            Assert.Equal(isSquare, a.TrySqrt(out Fp2 root));
            if (isSquare) { Assert.Equal(a, root.Square()); squares++; }
            if (!a.IsZero) Assert.NotEqual(a.IsLexicographicallyLargest, (-a).IsLexicographicallyLargest);
        }
        Assert.InRange(squares, 60, 140);
        // Real elements (u-coefficient 0) and the edge where the u-coefficient decides.
        Assert.True(Fp2.Zero.TrySqrt(out Fp2 zero) && zero.IsZero);
        Assert.True(new Fp2(-Fp.One, Fp.Zero).TrySqrt(out Fp2 i2) && i2.Square() == -Fp2.One);
        Assert.True(new Fp2(Fp.One, -Fp.One).IsLexicographicallyLargest);
        Assert.False(new Fp2(-Fp.One, Fp.One).IsLexicographicallyLargest);
        Assert.True(new Fp2(-Fp.One, Fp.Zero).IsLexicographicallyLargest);
    }

    [Fact]
    public void Xi_is_neither_a_square_nor_a_cube_so_the_tower_is_a_field()
    {
        BigInteger p2 = Fp.Modulus * Fp.Modulus;
        Assert.False(Fp2.Xi.Pow((p2 - 1) / 2).IsOne);
        Assert.False(Fp2.Xi.Pow((p2 - 1) / 3).IsOne);
    }

    [Fact]
    public void Fp6_laws_and_v_cubed_is_xi()
    {
        var rng = new Random(22);
        var v = new Fp6(Fp2.Zero, Fp2.One, Fp2.Zero);
        Assert.Equal(new Fp6(Fp2.Xi, Fp2.Zero, Fp2.Zero), v * v * v);
        for (int i = 0; i < Cases; i++)
        {
            Fp6 a = Fp6.Random(rng), b = Fp6.Random(rng), c = Fp6.Random(rng);
            Assert.Equal((a * b) * c, a * (b * c));
            Assert.Equal(a * (b + c), a * b + a * c);
            Assert.Equal(a * a, a.Square());
            Assert.Equal(a * v, a.MulByV());
            Assert.True((a * a.Inverse()).IsOne);
            Fp2 s = Fp2.Random(rng), b0 = Fp2.Random(rng), b1 = Fp2.Random(rng);
            Assert.Equal(a * new Fp6(s, Fp2.Zero, Fp2.Zero), a.MulByFp2(s));
            Assert.Equal(a * new Fp6(b0, b1, Fp2.Zero), a.MulBy01(b0, b1));
            Assert.Equal(a * new Fp6(Fp2.Zero, b1, Fp2.Zero), a.MulBy1(b1));
        }
    }

    [Fact]
    public void Fp12_laws_and_w_squared_is_v()
    {
        var rng = new Random(23);
        var w = new Fp12(Fp6.Zero, Fp6.One);
        Assert.Equal(new Fp12(new Fp6(Fp2.Zero, Fp2.One, Fp2.Zero), Fp6.Zero), w * w);
        for (int i = 0; i < Cases; i++)
        {
            Fp12 a = Fp12.Random(rng), b = Fp12.Random(rng), c = Fp12.Random(rng);
            Assert.Equal((a * b) * c, a * (b * c));
            Assert.Equal(a * (b + c), a * b + a * c);
            Assert.Equal(a * a, a.Square());
            Assert.True((a * a.Inverse()).IsOne);
            Fp2 la = Fp2.Random(rng), lb = Fp2.Random(rng), lc = Fp2.Random(rng);
            var line = new Fp12(new Fp6(la, lb, Fp2.Zero), new Fp6(Fp2.Zero, lc, Fp2.Zero));
            Fp12.MultiplyByLine(a, la, lb, lc, out Fp12 sparse);
            Assert.Equal(a * line, sparse);
        }
    }

    [Fact]
    public void Frobenius_equals_powers_of_p()
    {
        var rng = new Random(24);
        BigInteger p = Fp.Modulus;
        for (int i = 0; i < 10; i++)
        {
            Fp12 a = Fp12.Random(rng);
            Fp12 aq = a.Pow(p);
            Assert.Equal(aq, a.Frobenius(1));
            Assert.Equal(aq.Pow(p), a.Frobenius(2));
            Assert.Equal(a.Frobenius(1).Frobenius(2), a.Frobenius(3));
            Assert.Equal(a.Frobenius(3).Frobenius(3), a.Conjugate());
        }
        Fp12 b = Fp12.Random(rng);
        Assert.Equal(b.Pow(BigInteger.Pow(p, 3)), b.Frobenius(3));
    }

    [Fact]
    public void Cyclotomic_square_matches_square_in_the_cyclotomic_subgroup()
    {
        var rng = new Random(25);
        for (int i = 0; i < Cases; i++)
        {
            Fp12 f = Fp12.Random(rng);
            // f^((p^6 - 1)(p^2 + 1)) lies in the cyclotomic subgroup.
            Fp12 g = f.Conjugate() * f.Inverse();
            g = g.Frobenius(2) * g;
            Assert.Equal(g.Square(), g.CyclotomicSquare());
            Assert.True((g * g.Conjugate()).IsOne);
        }
    }
}
