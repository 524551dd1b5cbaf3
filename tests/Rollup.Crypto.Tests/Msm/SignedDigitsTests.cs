using System.Numerics;
using Rollup.Crypto.Bn254.Curves;
using Rollup.Crypto.Bn254.Fields;
using Rollup.Crypto.Msm;

namespace Rollup.Crypto.Tests.Msm;

public class SignedDigitsTests
{
    [Fact]
    public void Digits_recompose_the_scalar_and_stay_within_the_buckets()
    {
        var rng = new Random(5);
        var scalars = new List<Fr> { Fr.Zero, Fr.One, -Fr.One, Fr.FromUInt64(ulong.MaxValue), -Fr.FromUInt64(2) };
        for (int i = 0; i < 40; i++) scalars.Add(Fr.Random(rng));
        var arr = scalars.ToArray();
        var bases = Enumerable.Repeat(G1Affine.Generator, arr.Length).ToArray();
        for (int c = 1; c <= SignedDigits.MaxWindowBits; c++)
        {
            int n = arr.Length, windows = SignedDigits.WindowCount(c);
            var digits = new short[windows * n];
            SignedDigits.Compute(arr, bases, c, digits, 0, n);
            for (int i = 0; i < n; i++)
            {
                BigInteger sum = 0;
                for (int w = 0; w < windows; w++)
                {
                    int d = digits[w * n + i];
                    Assert.InRange(d, -(1 << (c - 1)), 1 << (c - 1));
                    sum += (BigInteger)d << (w * c);
                }
                Assert.Equal(arr[i].ToBigInteger(), sum);
            }
        }
    }

    [Fact]
    public void Points_at_infinity_get_zero_digits()
    {
        Fr[] scalars = [Fr.FromUInt64(12345), Fr.FromUInt64(7)];
        G1Affine[] bases = [G1Affine.Infinity, G1Affine.Generator];
        var digits = new short[SignedDigits.WindowCount(4) * 2];
        SignedDigits.Compute(scalars, bases, 4, digits, 0, 2);
        for (int w = 0; w < SignedDigits.WindowCount(4); w++) Assert.Equal(0, digits[w * 2]);
        Assert.Equal(7, digits[1]);
    }
}
