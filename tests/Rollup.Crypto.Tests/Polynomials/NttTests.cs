using Rollup.Crypto.Bn254.Fields;
using Rollup.Crypto.Polynomials;

namespace Rollup.Crypto.Tests.Polynomials;

public class NttTests
{
    private static Fr[] Random(int n, int seed)
    {
        var rng = new Random(seed);
        var a = new Fr[n];
        for (int i = 0; i < n; i++) a[i] = Fr.Random(rng);
        return a;
    }

    private static Fr Horner(ReadOnlySpan<Fr> p, Fr z)
    {
        Fr acc = Fr.Zero;
        for (int i = p.Length - 1; i >= 0; i--) acc = acc * z + p[i];
        return acc;
    }

    private static int Reverse(int x, int bits)
    {
        int r = 0;
        for (int b = 0; b < bits; b++) r |= ((x >> b) & 1) << (bits - 1 - b);
        return r;
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(6)]
    [InlineData(9)]
    [InlineData(11)]
    public void Forward_equals_naive_evaluation_at_the_roots(int log2)
    {
        var d = Domain.OfLog2Size(log2);
        var p = Random(d.Size, log2);
        var evals = (Fr[])p.Clone();
        d.Ntt(evals);
        Fr w = Fr.One;
        for (int i = 0; i < d.Size; i++, w *= d.Generator) Assert.Equal(Horner(p, w), evals[i]);
    }

    [Theory]
    [InlineData(13, 1)]
    [InlineData(13, 2)]
    [InlineData(16, 2)]
    [InlineData(18, 2)]
    public void Large_forward_matches_at_sampled_roots_and_inverse_round_trips(int log2, int cores)
    {
        var d = Domain.OfLog2Size(log2);
        var p = Random(d.Size, log2 + 100);
        var evals = (Fr[])p.Clone();
        d.Ntt(evals, cores);
        var rng = new Random(log2);
        for (int s = 0; s < 6; s++)
        {
            int i = rng.Next(d.Size);
            Assert.Equal(Horner(p, d.Element(i)), evals[i]);
        }
        d.InverseNtt(evals, cores);
        Assert.Equal(p, evals);
    }

    [Fact]
    public void Inverse_after_forward_is_identity_for_every_small_size()
    {
        for (int log2 = 0; log2 <= 12; log2++)
        {
            var d = Domain.OfLog2Size(log2);
            var p = Random(d.Size, log2);
            var x = (Fr[])p.Clone();
            d.Ntt(x);
            d.InverseNtt(x);
            Assert.Equal(p, x);
        }
    }

    [Fact]
    public void One_core_and_all_cores_agree()
    {
        var d = Domain.OfLog2Size(15);
        var p = Random(d.Size, 15);
        var a = (Fr[])p.Clone();
        var b = (Fr[])p.Clone();
        d.Ntt(a, 1);
        d.Ntt(b);
        Assert.Equal(a, b);
        d.CosetInverseNtt(a, 1);
        d.CosetInverseNtt(b);
        Assert.Equal(a, b);
    }

    [Theory]
    [InlineData(4)]
    [InlineData(10)]
    [InlineData(14)]
    public void Bit_reversed_variants_hold_evaluation_at_the_reversed_index(int log2)
    {
        var d = Domain.OfLog2Size(log2);
        var p = Random(d.Size, 7);
        var x = (Fr[])p.Clone();
        d.NttToBitReversed(x);
        foreach (int j in new[] { 0, 1, 2, d.Size / 3, d.Size - 1 })
            Assert.Equal(Horner(p, d.Element(Reverse(j, log2))), x[j]);
        d.InverseNttFromBitReversed(x);
        Assert.Equal(p, x);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(3)]
    [InlineData(8)]
    [InlineData(14)]
    public void Coset_transforms_evaluate_on_g_times_H_and_round_trip(int log2)
    {
        var d = Domain.OfLog2Size(log2);
        var p = Random(d.Size, 9);
        var x = (Fr[])p.Clone();
        d.CosetNtt(x);
        var rng = new Random(3);
        for (int s = 0; s < 8; s++)
        {
            int i = rng.Next(d.Size);
            Assert.Equal(Horner(p, d.CosetGenerator * d.Element(i)), x[i]);
        }
        d.CosetInverseNtt(x);
        Assert.Equal(p, x);
    }

    [Fact]
    public void Domain_constants_are_consistent()
    {
        for (int log2 = 0; log2 <= Fr.TwoAdicity; log2++)
        {
            var d = Domain.OfLog2Size(log2);
            Assert.Same(d, Domain.OfSize(1 << log2));
            Assert.True(d.Generator * d.GeneratorInverse == Fr.One);
            Assert.True(d.SizeInverse * Fr.FromUInt64((ulong)d.Size) == Fr.One);
            Assert.True(d.EvaluateVanishing(d.Generator).IsZero);
            if (log2 > 0) Assert.Equal(-Fr.One, d.Element(d.Size / 2));
            Assert.False(d.EvaluateVanishing(d.CosetGenerator).IsZero);
        }
        Assert.Equal(Domain.OfLog2Size(5), Domain.AtLeast(17));
        Assert.Throws<ArgumentException>(() => Domain.OfSize(12));
        Assert.Throws<ArgumentException>(() => Domain.OfLog2Size(3).Ntt(new Fr[7]));
    }

    [Fact]
    public void Twiddle_table_holds_bit_reversed_powers()
    {
        const int Log2 = 10;
        var tw = Twiddles.Forward(Log2);
        var inv = Twiddles.Inverse(Log2);
        var w = Fr.RootOfUnity(Log2);
        for (int k = 0; k < 1 << (Log2 - 1); k++)
        {
            Fr expected = w.Pow((ulong)Reverse(k, Log2 - 1));
            Assert.Equal(expected, tw[k]);
            Assert.Equal(expected.Inverse(), inv[k]);
        }
    }
}
