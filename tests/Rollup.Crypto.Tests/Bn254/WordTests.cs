using Rollup.Crypto.Bn254.Fields;

namespace Rollup.Crypto.Tests.Bn254;

/// <summary>The 64×64→128 multiply-accumulate helpers every product is built from, against UInt128.</summary>
public class WordTests
{
    private static IEnumerable<ulong> Words()
    {
        ulong[] edges = [0, 1, 2, 0x7fff_ffff_ffff_ffff, 0x8000_0000_0000_0000, ulong.MaxValue - 1, ulong.MaxValue, 0xffff_ffff, 0x1_0000_0000];
        foreach (var e in edges) yield return e;
        var rng = new Random(61);
        for (int i = 0; i < 40; i++) yield return (ulong)rng.NextInt64() ^ ((ulong)rng.Next(2) << 63);
    }

    [Fact]
    public void MulAdd_and_MulAdd2_match_UInt128_including_the_all_ones_maximum()
    {
        ulong[] w = Words().ToArray();
        foreach (ulong a in w)
            foreach (ulong b in w)
            {
                ulong c = a ^ (b >> 1), d = ~b;
                UInt128 want1 = (UInt128)a * b + c;
                ulong hi = Word.MulAdd(a, b, c, out ulong lo);
                Assert.Equal(want1, ((UInt128)hi << 64) | lo);

                UInt128 want2 = (UInt128)a * b + c + d;
                hi = Word.MulAdd2(a, b, c, d, out lo);
                Assert.Equal(want2, ((UInt128)hi << 64) | lo);
            }
        // (2^64-1)^2 + 2(2^64-1) = 2^128 - 1: the largest value MulAdd2 is specified for.
        ulong h = Word.MulAdd2(ulong.MaxValue, ulong.MaxValue, ulong.MaxValue, ulong.MaxValue, out ulong l);
        Assert.Equal(UInt128.MaxValue, ((UInt128)h << 64) | l);
    }
}
