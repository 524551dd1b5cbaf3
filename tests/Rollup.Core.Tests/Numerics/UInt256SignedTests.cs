using System.Numerics;
using Rollup.Core.Numerics;
using static Rollup.Core.Tests.Numerics.Ref;

namespace Rollup.Core.Tests.Numerics;

// Expected values come from the two's complement reading done by hand in Ref.Signed and Ref.Wrap:
// the word x stands for x - 2^256 when bit 255 is set.
public class UInt256SignedTests
{
    [Fact]
    public void SignedDivide_truncates_toward_zero() => Property.Run(21, (g, i) =>
    {
        UInt256 a = g.NextSigned(), b = g.Int(8) == 0 ? g.NextDivisor() : g.NextSigned();
        BigInteger x = Signed(a), y = Signed(b);
        // BigInteger.Divide truncates toward zero, as SDIV does; -2^255 / -1 = 2^255 wraps to -2^255.
        BigInteger expected = y.IsZero ? 0 : Wrap(BigInteger.Divide(x, y));
        UInt256.SignedDivide(a, b, out UInt256 r);
        Property.Equal(g, i, expected, r, "SignedDivide", a, b);
    });

    [Fact]
    public void SignedMod_takes_the_sign_of_the_dividend() => Property.Run(22, (g, i) =>
    {
        UInt256 a = g.NextSigned(), b = g.Int(8) == 0 ? g.NextDivisor() : g.NextSigned();
        BigInteger x = Signed(a), y = Signed(b);
        BigInteger expected = y.IsZero ? 0 : Wrap(BigInteger.Remainder(x, y));
        UInt256.SignedMod(a, b, out UInt256 r);
        Property.Equal(g, i, expected, r, "SignedMod", a, b);
    });

    [Fact]
    public void SDIV_and_SMOD_corner_cases()
    {
        UInt256 minInt = new(0, 0, 0, 1UL << 63), minusOne = UInt256.MaxValue;
        UInt256.SignedDivide(minInt, minusOne, out UInt256 q);
        Assert.Equal(minInt, q);
        UInt256.SignedMod(minInt, minusOne, out UInt256 r);
        Assert.True(r.IsZero);
        UInt256.SignedDivide(minusOne, UInt256.Zero, out q);
        Assert.True(q.IsZero);
        UInt256.SignedMod(Word(-7), new UInt256(3), out r);
        Assert.Equal(Word(-1), r);
        UInt256.SignedMod(new UInt256(7), Word(-3), out r);
        Assert.Equal(new UInt256(1), r);
    }

    [Fact]
    public void Signed_comparisons_and_sign() => Property.Run(23, (g, i) =>
    {
        UInt256 a = g.NextSigned(), b = g.Int(10) == 0 ? a : g.NextSigned();
        BigInteger x = Signed(a), y = Signed(b);
        Property.Equal(g, i, x < y, UInt256.SignedLessThan(a, b), "SignedLessThan", a, b);
        Property.Equal(g, i, x > y, UInt256.SignedGreaterThan(a, b), "SignedGreaterThan", a, b);
        Property.Equal(g, i, x.Sign < 0, a.IsNegative, "IsNegative", a);
    });

    [Fact]
    public void ArithmeticShiftRight_floors_and_saturates_by_sign() => Property.Run(24, (g, i) =>
    {
        UInt256 a = g.NextSigned();
        int shift = g.NextShift();
        BigInteger x = Signed(a);
        // BigInteger's >> on a negative number rounds toward minus infinity, exactly SAR.
        BigInteger expected = Wrap(shift >= 256 ? (x.Sign < 0 ? -1 : 0) : x >> shift);
        UInt256.ArithmeticShiftRight(a, shift, out UInt256 r);
        Property.Equal(g, i, expected, r, $"ArithmeticShiftRight by {shift}", a);

        UInt256 shiftWord = g.NextShiftWord();
        BigInteger s = Big(shiftWord);
        expected = Wrap(s >= 256 ? (x.Sign < 0 ? -1 : 0) : x >> (int)s);
        UInt256.ArithmeticShiftRight(a, shiftWord, out r);
        Property.Equal(g, i, expected, r, "ArithmeticShiftRight", a, shiftWord);
    });

    [Fact]
    public void SignExtend_extends_bit_8b_plus_7() => Property.Run(25, (g, i) =>
    {
        UInt256 value = g.NextSigned();
        UInt256 index = g.Int(3) == 0 ? g.NextShiftWord() : new UInt256((ulong)g.Int(34));
        BigInteger b = Big(index), x = Big(value), expected;
        if (b >= 31)
        {
            expected = x;
        }
        else
        {
            int bits = 8 * ((int)b + 1);
            BigInteger low = x & (Pow2(bits) - 1);
            bool signSet = !(low >> (bits - 1)).IsZero;
            expected = signSet ? Modulus - Pow2(bits) + low : low;
        }
        UInt256.SignExtend(index, value, out UInt256 r);
        Property.Equal(g, i, expected, r, "SignExtend", index, value);
        if (b < int.MaxValue)
        {
            UInt256.SignExtend((int)b, value, out r);
            Property.Equal(g, i, expected, r, "SignExtend(int)", index, value);
        }
    });

    [Theory]
    [InlineData(0, "0xff", "0xffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff")]
    [InlineData(0, "0x7f", "0x7f")]
    [InlineData(1, "0x12ff80", "0xffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff80")]
    [InlineData(30, "0x0080000000000000000000000000000000000000000000000000000000000001",
        "0xff80000000000000000000000000000000000000000000000000000000000001")]
    [InlineData(31, "0x80", "0x80")]
    public void SignExtend_known_values(int index, string value, string expected)
    {
        UInt256.SignExtend(new UInt256((ulong)index), UInt256.Parse(value), out UInt256 r);
        Assert.Equal(UInt256.Parse(expected), r);
    }
}
