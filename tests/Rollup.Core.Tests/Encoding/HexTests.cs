using Rollup.Core.Encoding;
using Rollup.Core.Types;

namespace Rollup.Core.Tests.Encoding;

public class HexTests
{
    [Theory]
    [InlineData("0x", new byte[0])]
    [InlineData("", new byte[0])]
    [InlineData("0x00ff10", new byte[] { 0x00, 0xff, 0x10 })]
    [InlineData("0XAbC", new byte[] { 0x0a, 0xbc })]
    [InlineData("1", new byte[] { 0x01 })]
    public void Parses_with_or_without_prefix_and_odd_length(string text, byte[] expected) =>
        Assert.Equal(expected, Hex.Parse(text));

    [Theory]
    [InlineData("0xzz")]
    [InlineData("0x0g")]
    [InlineData("0x 1")]
    public void Rejects_non_hex_digits(string text) => Assert.Throws<FormatException>(() => Hex.Parse(text));

    [Fact]
    public void Round_trips_every_byte_value()
    {
        var all = Enumerable.Range(0, 256).Select(i => (byte)i).ToArray();
        Assert.Equal(all, Hex.Parse(Hex.ToHex(all)));
        Assert.Equal(Convert.ToHexString(all).ToLowerInvariant(), Hex.ToHex(all, prefix: false));
    }

    [Fact]
    public void ParseInto_left_pads_and_rejects_overflow()
    {
        var buf = new byte[4];
        Hex.ParseInto("0x0102", buf);
        Assert.Equal(new byte[] { 0, 0, 1, 2 }, buf);
        Assert.Throws<FormatException>(() => Hex.ParseInto("0x0102030405", buf));
    }

    [Fact]
    public void Address_and_hash_parse_format_and_compare_by_value()
    {
        var a = Address.Parse("0xA94F5374FCE5EDBC8E2A8697C15331677E6EBF0B");
        Assert.Equal("0xa94f5374fce5edbc8e2a8697c15331677e6ebf0b", a.ToString());
        Assert.Equal(a, Address.Parse(a.ToString()));
        Assert.NotEqual(a, Address.Zero);
        Assert.Throws<FormatException>(() => Address.Parse("0x01"));

        var h = Hash256.Parse("0x56e81f171bcc55a6ff8345e692c0f86e5b48e01b996cadc001622fb5e363b421");
        Assert.Equal(32, h.Bytes.Length);
        Assert.Equal(0x56, h.Bytes[0]);
        Assert.Equal(0x21, h.Bytes[31]);
        Assert.Equal(h, new Hash256(h.ToArray()));
        Assert.Equal(h.GetHashCode(), Hash256.Parse(h.ToString()).GetHashCode());
    }
}
