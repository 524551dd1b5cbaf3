using Rollup.Crypto.Bn254.Fields;
using Rollup.Crypto.Polynomials;

namespace Rollup.Crypto.Tests.Polynomials;

public class LagrangeTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(4)]
    [InlineData(9)]
    public void Basis_sums_to_one_and_interpolates(int log2)
    {
        var d = Domain.OfLog2Size(log2);
        var rng = new Random(log2);
        var z = Fr.Random(rng);
        var all = new Fr[d.Size];
        Lagrange.EvaluateAll(d, z, all);
        Fr sum = Fr.Zero;
        foreach (var l in all) sum += l;
        Assert.Equal(Fr.One, sum);
        Assert.Equal(Lagrange.Evaluate(d, d.Size - 1, z), all[^1]);
        Assert.Equal(Lagrange.Evaluate(d, 0, z), all[0]);

        // Σ f(ω^i)·L_i(z) = f(z) for deg f < n.
        var f = new Fr[d.Size];
        for (int i = 0; i < f.Length; i++) f[i] = Fr.Random(rng);
        var evals = (Fr[])f.Clone();
        d.Ntt(evals);
        Fr interpolated = Fr.Zero;
        for (int i = 0; i < d.Size; i++) interpolated += evals[i] * all[i];
        Assert.Equal(Polynomial.Evaluate(f, z), interpolated);
    }

    [Fact]
    public void Basis_is_the_Kronecker_delta_on_the_domain()
    {
        var d = Domain.OfLog2Size(3);
        var all = new Fr[d.Size];
        for (int j = 0; j < d.Size; j++)
        {
            Lagrange.EvaluateAll(d, d.Element(j), all);
            for (int i = 0; i < d.Size; i++)
            {
                Fr expected = i == j ? Fr.One : Fr.Zero;
                Assert.Equal(expected, all[i]);
                Assert.Equal(expected, Lagrange.Evaluate(d, i, d.Element(j)));
            }
        }
    }
}
