using Rollup.Crypto.Bn254.Fields;
using Rollup.Crypto.Polynomials;

namespace Rollup.Crypto.Tests.Polynomials;

public class PolynomialTests
{
    private static Fr[] Random(int n, int seed)
    {
        var rng = new Random(seed);
        var a = new Fr[n];
        for (int i = 0; i < n; i++) a[i] = Fr.Random(rng);
        return a;
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(3, 40)]
    [InlineData(33, 33)]
    [InlineData(100, 37)]
    [InlineData(1000, 1500)]
    public void Multiplication_via_NTT_equals_schoolbook(int n, int m)
    {
        var a = Random(n, n);
        var b = Random(m, m + 1);
        Assert.Equal(Polynomial.Schoolbook(a, b), Polynomial.Multiply(a, b));
    }

    [Fact]
    public void Division_by_linear_leaves_p_of_z_as_remainder()
    {
        foreach (int n in new[] { 1, 2, 5, 64, 1000 })
        {
            var p = Random(n, n);
            var z = Fr.Random(new Random(n));
            var q = new Fr[n - 1];
            Fr r = Polynomial.DivideByLinear(p, z, q);
            Assert.Equal(Polynomial.Evaluate(p, z), r);
            // p = q·(X − z) + r
            var back = q.Length == 0 ? new Fr[1] : Polynomial.Schoolbook(q, [-z, Fr.One]);
            back[0] += r;
            Assert.Equal(p, back);
        }
    }

    [Fact]
    public void Division_by_linear_at_a_root_has_zero_remainder()
    {
        var p = Random(300, 1);
        var z = Fr.Random(new Random(2));
        p[0] -= Polynomial.Evaluate(p, z);                 // now p(z) = 0
        var q = new Fr[p.Length - 1];
        Assert.True(Polynomial.DivideByLinear(p, z, q).IsZero);
        Assert.Equal(p, Polynomial.Multiply(q, [-z, Fr.One]));
    }

    [Fact]
    public void Parallel_evaluation_matches_Horner()
    {
        var p = Random(1 << 16, 4);
        var z = Fr.Random(new Random(5));
        Fr horner = Fr.Zero;
        for (int i = p.Length - 1; i >= 0; i--) horner = horner * z + p[i];
        Assert.Equal(horner, Polynomial.Evaluate(p, z));
        Assert.Equal(horner, Polynomial.Evaluate(p, z, 1));
        var points = Random(3, 6);
        points[1] = z;
        var results = new Fr[3];
        Polynomial.EvaluateMany(p, points, results);
        Assert.Equal(horner, results[1]);
        Assert.Equal(Polynomial.Evaluate(p, points[2]), results[2]);
    }

    [Fact]
    public void Elementwise_operations()
    {
        var a = Random(50, 1);
        var b = Random(30, 2);
        var s = Fr.Random(new Random(3));
        var x = (Fr[])a.Clone();
        Polynomial.AddInPlace(x, b);
        Polynomial.SubtractInPlace(x, b);
        Assert.Equal(a, x);
        Polynomial.AddScaledInPlace(x, b, s);
        for (int i = 0; i < 50; i++) Assert.Equal(i < 30 ? a[i] + s * b[i] : a[i], x[i]);
        var big = Random(1 << 15, 4);
        var scaled = (Fr[])big.Clone();
        Polynomial.Scale(scaled, s);
        var prod = (Fr[])big.Clone();
        Polynomial.MultiplyPointwise(prod, scaled);
        for (int i = 0; i < big.Length; i += 997)
        {
            Assert.Equal(big[i] * s, scaled[i]);
            Assert.Equal(big[i] * big[i] * s, prod[i]);
        }
        var pow = new Fr[5];
        Polynomial.Powers(s, pow);
        Assert.Equal(s * s * s * s, pow[4]);
    }

    [Theory]
    [InlineData(3, 3)]
    [InlineData(4, 6)]
    [InlineData(10, 12)]
    [InlineData(12, 14)]
    public void Division_by_the_vanishing_polynomial_on_a_coset(int log2H, int log2D)
    {
        // p = t·(X^n − 1) with deg t < m − n; on the coset of D, p / Z_H must give back t.
        var h = Domain.OfLog2Size(log2H);
        var d = Domain.OfLog2Size(log2D);
        var t = Random(d.Size - h.Size, log2D);
        var zh = new Fr[h.Size + 1];
        zh[0] = -Fr.One;
        zh[h.Size] = Fr.One;
        var p = Polynomial.Multiply(t, zh);
        var evals = new Fr[d.Size];
        p.CopyTo(evals, 0);
        d.CosetNtt(evals);
        Polynomial.DivideByVanishingOnCoset(evals, d, h);
        d.CosetInverseNtt(evals);
        Assert.Equal(t, evals.AsSpan(0, t.Length).ToArray());
        for (int i = t.Length; i < d.Size; i++) Assert.True(evals[i].IsZero);
    }
}
