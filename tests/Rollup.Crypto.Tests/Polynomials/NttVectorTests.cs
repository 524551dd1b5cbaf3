using System.Numerics;
using Rollup.Crypto.Bn254.Fields;
using Rollup.Crypto.Polynomials;

namespace Rollup.Crypto.Tests.Polynomials;

/// <summary>
/// Tests that switch <c>NttKernels.Vectorized</c> run one at a time: other test classes may run while
/// the switch is off, which only changes which (identical) path they take.
/// </summary>
[CollectionDefinition(nameof(NttPathSwitch), DisableParallelization = true)]
public class NttPathSwitch;

/// <summary>The AVX-512 butterflies against the scalar ones and against a naive DFT.</summary>
[Collection(nameof(NttPathSwitch))]
public class NttVectorTests
{
    private static Fr[] Random(int n, int seed)
    {
        var rng = new Random(seed);
        var a = new Fr[n];
        for (int i = 0; i < n; i++) a[i] = rng.Next(8) == 0 ? (rng.Next(2) == 0 ? Fr.Zero : -Fr.One) : Fr.Random(rng);
        return a;
    }

    /// <summary>Runs the transform with the scalar path forced, restoring the switch after.</summary>
    private static void Scalar(Action transform)
    {
        bool saved = NttKernels.Vectorized;
        NttKernels.Vectorized = false;
        try { transform(); }
        finally { NttKernels.Vectorized = saved; }
    }

    /// <summary>O(n²) DFT in BigInteger: value j = Σ_i p_i·(g·ω^j)^i mod r.</summary>
    private static Fr[] NaiveDft(Fr[] p, Fr omega, Fr g)
    {
        BigInteger r = Fr.Modulus, w = omega.ToBigInteger(), gg = g.ToBigInteger();
        var coeffs = p.Select(x => x.ToBigInteger()).ToArray();
        var result = new Fr[p.Length];
        BigInteger point = gg;
        for (int j = 0; j < p.Length; j++, point = point * w % r)
        {
            BigInteger acc = 0;
            for (int i = coeffs.Length - 1; i >= 0; i--) acc = (acc * point + coeffs[i]) % r;
            result[j] = Fr.FromBigInteger(acc);
        }
        return result;
    }

    [Fact]
    public void The_vector_path_is_in_use_on_AVX512_hardware()
    {
        Assert.Equal(Fr8Math.IsSupported, NttKernels.Vectorized);
    }

    [Theory]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(6)]
    [InlineData(8)]
    [InlineData(10)]
    public void Forward_and_coset_match_a_naive_BigInteger_DFT(int log2)
    {
        var d = Domain.OfLog2Size(log2);
        var p = Random(d.Size, log2);
        var x = (Fr[])p.Clone();
        d.Ntt(x);
        Assert.Equal(NaiveDft(p, d.Generator, Fr.One), x);
        var c = (Fr[])p.Clone();
        d.CosetNtt(c);
        Assert.Equal(NaiveDft(p, d.Generator, d.CosetGenerator), c);
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(1, 1)]
    [InlineData(2, 1)]
    [InlineData(3, 1)]
    [InlineData(4, 1)]
    [InlineData(5, 1)]
    [InlineData(7, 1)]
    [InlineData(10, 1)]
    [InlineData(11, 1)]
    [InlineData(12, 2)]
    [InlineData(13, 1)]
    [InlineData(13, 2)]
    [InlineData(15, 2)]
    [InlineData(17, 2)]
    public void Every_transform_equals_the_scalar_path_bit_for_bit(int log2, int cores)
    {
        var d = Domain.OfLog2Size(log2);
        var p = Random(d.Size, 1000 + log2);
        foreach (var transform in new Action<Fr[]>[]
                 {
                     v => d.Ntt(v, cores), v => d.InverseNtt(v, cores), v => d.CosetNtt(v, cores), v => d.CosetInverseNtt(v, cores),
                     v => d.NttToBitReversed(v, cores), v => d.InverseNttFromBitReversed(v, cores),
                 })
        {
            var vec = (Fr[])p.Clone();
            var sca = (Fr[])p.Clone();
            transform(vec);
            Scalar(() => transform(sca));
            Assert.Equal(sca, vec);
        }
    }

    [Theory]
    [InlineData(4, 1)]
    [InlineData(9, 1)]
    [InlineData(14, 2)]
    [InlineData(16, 2)]
    public void Forward_then_inverse_is_the_identity_on_both_paths(int log2, int cores)
    {
        var d = Domain.OfLog2Size(log2);
        var p = Random(d.Size, 2000 + log2);
        var x = (Fr[])p.Clone();
        d.Ntt(x, cores);
        d.InverseNtt(x, cores);
        Assert.Equal(p, x);
        d.CosetNtt(x, cores);
        d.CosetInverseNtt(x, cores);
        Assert.Equal(p, x);
        Scalar(() =>
        {
            d.Ntt(x, cores);
            d.InverseNtt(x, cores);
        });
        Assert.Equal(p, x);
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(7, 1)]
    [InlineData(8, 1)]
    [InlineData(15, 1)]
    [InlineData(16, 1)]
    [InlineData(17, 1)]
    [InlineData(100, 1)]
    [InlineData((1 << 14) + 3, 2)]
    public void Scaling_loops_equal_the_scalar_ones(int n, int cores)
    {
        var p = Random(n, 3000 + n);
        var q = Random(n, 4000 + n);
        var rng = new Random(n);
        Fr k = Fr.Random(rng), x = Fr.Random(rng), c = Fr.Random(rng);
        foreach (var op in new Action<Fr[]>[]
                 {
                     v => Polynomial.Scale(v, k, cores), v => Polynomial.ScaleByPowers(v, x, c, cores),
                     v => Polynomial.MultiplyPointwise(v, q, cores),
                 })
        {
            var vec = (Fr[])p.Clone();
            var sca = (Fr[])p.Clone();
            op(vec);
            Scalar(() => op(sca));
            Assert.Equal(sca, vec);
        }
        // And against the definition: p_i·c·x^i.
        var powers = (Fr[])p.Clone();
        Polynomial.ScaleByPowers(powers, x, c, cores);
        Fr w = c;
        for (int i = 0; i < n; i++, w *= x) Assert.Equal(p[i] * w, powers[i]);
    }
}
