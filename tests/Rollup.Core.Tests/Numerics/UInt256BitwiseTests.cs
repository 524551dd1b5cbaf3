using System.Numerics;
using Rollup.Core.Numerics;
using static Rollup.Core.Tests.Numerics.Ref;

namespace Rollup.Core.Tests.Numerics;

public class UInt256BitwiseTests
{
    [Fact]
    public void And_or_xor_not_match_BigInteger() => Property.Run(31, (g, i) =>
    {
        UInt256 a = g.Next(), b = g.Next();
        BigInteger x = Big(a), y = Big(b);
        Property.Equal(g, i, x & y, a & b, "&", a, b);
        Property.Equal(g, i, x | y, a | b, "|", a, b);
        Property.Equal(g, i, x ^ y, a ^ b, "^", a, b);
        Property.Equal(g, i, Modulus - 1 - x, ~a, "~", a);
    });

    [Fact]
    public void Logical_shifts_by_int() => Property.Run(32, (g, i) =>
    {
        UInt256 a = g.Next();
        int shift = g.NextShift();
        BigInteger x = Big(a);
        BigInteger left = shift >= 256 ? 0 : Wrap(x << shift), right = shift >= 256 ? 0 : x >> shift;
        UInt256.ShiftLeft(a, shift, out UInt256 r);
        Property.Equal(g, i, left, r, $"ShiftLeft by {shift}", a);
        Property.Equal(g, i, left, a << shift, $"<< {shift}", a);
        UInt256.ShiftRight(a, shift, out r);
        Property.Equal(g, i, right, r, $"ShiftRight by {shift}", a);
        Property.Equal(g, i, right, a >> shift, $">> {shift}", a);
    });

    [Fact]
    public void Logical_shifts_by_word_as_the_EVM_pops_them() => Property.Run(33, (g, i) =>
    {
        UInt256 a = g.Next(), shift = g.NextShiftWord();
        BigInteger x = Big(a), s = Big(shift);
        UInt256.ShiftLeft(a, shift, out UInt256 r);
        Property.Equal(g, i, s >= 256 ? 0 : Wrap(x << (int)s), r, "ShiftLeft", a, shift);
        UInt256.ShiftRight(a, shift, out r);
        Property.Equal(g, i, s >= 256 ? 0 : x >> (int)s, r, "ShiftRight", a, shift);
    });

    [Fact]
    public void Negative_int_shifts_count_as_huge()
    {
        Assert.True((UInt256.MaxValue << -1).IsZero);
        Assert.True((UInt256.MaxValue >> -64).IsZero);
        UInt256.ArithmeticShiftRight(UInt256.MaxValue, -1, out UInt256 r);
        Assert.Equal(UInt256.MaxValue, r);
    }

    [Fact]
    public void Byte_counts_from_the_most_significant() => Property.Run(34, (g, i) =>
    {
        UInt256 a = g.Next();
        UInt256 index = g.Int(4) == 0 ? g.NextShiftWord() : new UInt256((ulong)g.Int(34));
        BigInteger n = Big(index);
        BigInteger expected = n >= 32 ? 0 : (Big(a) >> (8 * (31 - (int)n))) & 0xff;
        UInt256.Byte(index, a, out UInt256 r);
        Property.Equal(g, i, expected, r, "Byte", index, a);
        if (n <= int.MaxValue)
            Property.Equal(g, i, (byte)expected, UInt256.Byte((int)n, a), "Byte(int)", index, a);
    });

    [Fact]
    public void Byte_agrees_with_the_big_endian_encoding()
    {
        UInt256 a = UInt256.Parse("0x0102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f20");
        byte[] bytes = a.ToBigEndian();
        for (int k = 0; k < 32; k++) Assert.Equal(bytes[k], UInt256.Byte(k, a));
        Assert.Equal(0, UInt256.Byte(32, a));
        Assert.Equal(0, UInt256.Byte(-1, a));
    }
}
