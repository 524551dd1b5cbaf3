using System.Numerics;
using Rollup.Crypto.Bn254.Fields;
using Rollup.Crypto.Bn254.Towers;

namespace Rollup.Crypto.Tests.Bn254;

public class TowerTests
{
    private const int Cases = 300;

    [Fact]
    public void Fq2_laws_and_u_squared_is_minus_one()
    {
        var rng = new Random(21);
        var u = new Fq2(Fq.Zero, Fq.One);
        Assert.Equal(-Fq2.One, u * u);
        for (int i = 0; i < Cases * 10; i++)
        {
            Fq2 a = Fq2.Random(rng), b = Fq2.Random(rng), c = Fq2.Random(rng);
            Assert.Equal((a * b) * c, a * (b * c));
            Assert.Equal(a * (b + c), a * b + a * c);
            Assert.Equal(a * a, a.Square());
            Assert.Equal(a * Fq2.Xi, a.MulByXi());
            Assert.Equal(a * new Fq2(b.A0, Fq.Zero), a * b.A0);
            Assert.True((a * a.Inverse()).IsOne);
            Assert.Equal(a.Pow(Fq.Modulus), a.Conjugate());
        }
    }

    [Fact]
    public void Xi_is_neither_a_square_nor_a_cube_so_the_tower_is_a_field()
    {
        BigInteger q2 = Fq.Modulus * Fq.Modulus;
        Assert.False(Fq2.Xi.Pow((q2 - 1) / 2).IsOne);
        Assert.False(Fq2.Xi.Pow((q2 - 1) / 3).IsOne);
    }

    [Fact]
    public void Fq6_laws_and_v_cubed_is_xi()
    {
        var rng = new Random(22);
        var v = new Fq6(Fq2.Zero, Fq2.One, Fq2.Zero);
        Assert.Equal(new Fq6(Fq2.Xi, Fq2.Zero, Fq2.Zero), v * v * v);
        for (int i = 0; i < Cases; i++)
        {
            Fq6 a = Fq6.Random(rng), b = Fq6.Random(rng), c = Fq6.Random(rng);
            Assert.Equal((a * b) * c, a * (b * c));
            Assert.Equal(a * (b + c), a * b + a * c);
            Assert.Equal(a * a, a.Square());
            Assert.Equal(a * v, a.MulByV());
            Assert.True((a * a.Inverse()).IsOne);
            Fq2 s = Fq2.Random(rng), b0 = Fq2.Random(rng), b1 = Fq2.Random(rng);
            Assert.Equal(a * new Fq6(s, Fq2.Zero, Fq2.Zero), a.MulByFq2(s));
            Assert.Equal(a * new Fq6(b0, b1, Fq2.Zero), a.MulBy01(b0, b1));
        }
    }

    [Fact]
    public void Fq12_laws_and_w_squared_is_v()
    {
        var rng = new Random(23);
        var w = new Fq12(Fq6.Zero, Fq6.One);
        Assert.Equal(new Fq12(new Fq6(Fq2.Zero, Fq2.One, Fq2.Zero), Fq6.Zero), w * w);
        for (int i = 0; i < Cases; i++)
        {
            Fq12 a = Fq12.Random(rng), b = Fq12.Random(rng), c = Fq12.Random(rng);
            Assert.Equal((a * b) * c, a * (b * c));
            Assert.Equal(a * (b + c), a * b + a * c);
            Assert.Equal(a * a, a.Square());
            Assert.True((a * a.Inverse()).IsOne);
            Fq2 la = Fq2.Random(rng), lb = Fq2.Random(rng), lc = Fq2.Random(rng);
            var line = new Fq12(new Fq6(la, Fq2.Zero, Fq2.Zero), new Fq6(lb, lc, Fq2.Zero));
            Fq12.MultiplyByLine(a, la, lb, lc, out Fq12 sparse);
            Assert.Equal(a * line, sparse);
        }
    }

    [Fact]
    public void Frobenius_equals_powers_of_q()
    {
        var rng = new Random(24);
        BigInteger q = Fq.Modulus;
        for (int i = 0; i < 10; i++)
        {
            Fq12 a = Fq12.Random(rng);
            Fq12 aq = a.Pow(q);
            Assert.Equal(aq, a.Frobenius(1));
            Assert.Equal(aq.Pow(q), a.Frobenius(2));
            Assert.Equal(a.Frobenius(1).Frobenius(2), a.Frobenius(3));
            Assert.Equal(a.Frobenius(3).Frobenius(3), a.Conjugate());
        }
        Fq12 b = Fq12.Random(rng);
        Assert.Equal(b.Pow(BigInteger.Pow(q, 3)), b.Frobenius(3));
    }

    [Fact]
    public void Cyclotomic_square_matches_square_in_the_cyclotomic_subgroup()
    {
        var rng = new Random(25);
        for (int i = 0; i < Cases; i++)
        {
            Fq12 f = Fq12.Random(rng);
            // f^((q^6 - 1)(q^2 + 1)) lies in the cyclotomic subgroup.
            Fq12 g = f.Conjugate() * f.Inverse();
            g = g.Frobenius(2) * g;
            Assert.Equal(g.Square(), g.CyclotomicSquare());
            Assert.True((g * g.Conjugate()).IsOne);
        }
    }
}
