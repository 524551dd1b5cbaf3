using System.Globalization;
using System.Numerics;
using Rollup.Core.Numerics;
using static Rollup.Core.Tests.Numerics.Ref;

namespace Rollup.Core.Tests.Numerics;

public class UInt256ParsingTests
{
    [Fact]
    public void Formats_decimal_and_quantity_hex_like_BigInteger() => Property.Run(61, (g, i) =>
    {
        UInt256 a = g.Next();
        BigInteger x = Big(a);
        Property.Equal(g, i, x.ToString(CultureInfo.InvariantCulture), a.ToString(), "ToString", a);
        // BigInteger's "x" format pads a leading 0 to keep the sign bit clear; a quantity has none.
        string hex = x.ToString("x", CultureInfo.InvariantCulture).TrimStart('0');
        Property.Equal(g, i, "0x" + (hex.Length == 0 ? "0" : hex), a.ToHexString(), "ToHexString", a);
    });

    [Fact]
    public void Parses_what_it_formats_and_what_BigInteger_formats() => Property.Run(62, (g, i) =>
    {
        UInt256 a = g.Next();
        BigInteger x = Big(a);
        Property.Equal(g, i, x, UInt256.Parse(x.ToString(CultureInfo.InvariantCulture)), "Parse decimal", a);
        Property.Equal(g, i, x, UInt256.Parse(a.ToHexString()), "Parse hex", a);
        // Upper case, a 0X prefix and leading zeros beyond 64 digits are all accepted.
        string zeros = new('0', g.Int(70));
        Property.Equal(g, i, x, UInt256.Parse("0X" + zeros + x.ToString("X", CultureInfo.InvariantCulture)), "Parse HEX", a);
        Property.Equal(g, i, x, UInt256.Parse(zeros + x.ToString(CultureInfo.InvariantCulture)), "Parse padded decimal", a);
        Property.Equal(g, i, true, UInt256.TryParse(x.ToString(CultureInfo.InvariantCulture), out UInt256 parsed), "TryParse", a);
        Property.Equal(g, i, x, parsed, "TryParse value", a);
    });

    [Theory]
    [InlineData("0", "0x0")]
    [InlineData("1", "0x1")]
    [InlineData("255", "0xff")]
    [InlineData("18446744073709551616", "0x10000000000000000")]
    [InlineData("115792089237316195423570985008687907853269984665640564039457584007913129639935",
        "0xffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff")]
    [InlineData("10000000000000000000000000000000000000", "0x785ee10d5da46d900f436a000000000")]
    public void Known_decimal_and_hex_forms(string dec, string hex)
    {
        UInt256 a = UInt256.Parse(dec);
        Assert.Equal(dec, a.ToString());
        Assert.Equal(hex, a.ToHexString());
        Assert.Equal(a, UInt256.Parse(hex));
    }

    [Theory]
    [InlineData("")]
    [InlineData("0x")]
    [InlineData("0X")]
    [InlineData("x1")]
    [InlineData("-1")]
    [InlineData("+1")]
    [InlineData(" 1")]
    [InlineData("1 ")]
    [InlineData("1_000")]
    [InlineData("1,000")]
    [InlineData("12a")]
    [InlineData("0x1g")]
    [InlineData("0x-1")]
    [InlineData("0x 1")]
    [InlineData("00x1")]
    [InlineData("1e3")]
    [InlineData("٣")] // a non-ASCII digit
    public void Rejects_junk(string text)
    {
        Assert.False(UInt256.TryParse(text, out UInt256 value));
        Assert.True(value.IsZero);
        Assert.Throws<FormatException>(() => UInt256.Parse(text));
    }

    [Theory]
    [InlineData("115792089237316195423570985008687907853269984665640564039457584007913129639936")] // 2^256
    [InlineData("200000000000000000000000000000000000000000000000000000000000000000000000000000")]
    [InlineData("1000000000000000000000000000000000000000000000000000000000000000000000000000000000")]
    [InlineData("0x10000000000000000000000000000000000000000000000000000000000000000")] // 2^256
    [InlineData("0x00ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff0")]
    public void Rejects_values_of_2_256_and_more(string text)
    {
        Assert.False(UInt256.TryParse(text, out _));
        Assert.Throws<OverflowException>(() => UInt256.Parse(text));
    }

    [Fact]
    public void Null_is_rejected()
    {
        Assert.False(UInt256.TryParse(null, out _));
        Assert.Throws<ArgumentNullException>(() => UInt256.Parse(null!));
    }

    [Fact]
    public void Random_decimal_strings_of_every_length() => Property.Run(63, (g, i) =>
    {
        int length = g.Int(80) + 1;
        var digits = new char[length];
        for (int k = 0; k < length; k++) digits[k] = (char)('0' + g.Int(10));
        string text = new(digits);
        BigInteger x = BigInteger.Parse(text, CultureInfo.InvariantCulture);
        bool ok = UInt256.TryParse(text, out UInt256 value);
        Property.Equal(g, i, x < Modulus, ok, $"TryParse(\"{text}\") success");
        if (ok) Property.Equal(g, i, x, value, $"TryParse(\"{text}\")");
    });
}
