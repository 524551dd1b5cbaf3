using Rollup.Core.Encoding;
using Rollup.Core.Rlp;

namespace Rollup.Core.Tests.Rlp;

/// <summary>One or more inputs for every <see cref="RlpError"/> kind, checking the kind and the offset reported.</summary>
public class RlpReaderErrorTests
{
    private delegate void Read(ref RlpReader reader);

    private static RlpException Reject(string hex, Read read)
    {
        var data = Hex.Parse(hex);
        return Assert.Throws<RlpException>(() =>
        {
            var reader = new RlpReader(data);
            read(ref reader);
        });
    }

    private static void Bytes(ref RlpReader r) { r.ReadBytes(); r.EnsureEnd(); }
    private static void Raw(ref RlpReader r) { r.ReadRawItem(); r.EnsureEnd(); }

    [Theory]
    [InlineData("", 0)]            // empty input
    [InlineData("b9", 0)]          // long string header without its two length bytes
    [InlineData("b901", 0)]
    [InlineData("f8", 0)]
    public void Truncated(string hex, int offset)
    {
        var e = Reject(hex, Raw);
        Assert.Equal(RlpError.Truncated, e.Error);
        Assert.Equal(offset, e.Offset);
    }

    [Fact]
    public void Truncated_when_a_list_has_fewer_items_than_read()
    {
        var e = Reject("c101", (ref RlpReader r) => { var list = r.ReadList(); list.ReadUInt64(); list.ReadUInt64(); });
        Assert.Equal(RlpError.Truncated, e.Error);
        Assert.Equal(2, e.Offset);
        Assert.Contains("enclosing list", e.Message);
    }

    [Theory]
    [InlineData("81")]
    [InlineData("83646f")]
    [InlineData("c5010203")]
    [InlineData("b838" + "00")]
    [InlineData("f90180")]
    public void Length_beyond_the_input(string hex)
    {
        var e = Reject(hex, Raw);
        Assert.Equal(RlpError.LengthBeyondEnd, e.Error);
        Assert.Contains("input", e.Message);
    }

    [Fact]
    public void Length_beyond_the_enclosing_list()
    {
        // The list holds 2 bytes; its item claims 3 although the input itself has enough bytes after it.
        var e = Reject("c283646f67", (ref RlpReader r) => { var list = r.ReadList(); list.ReadBytes(); });
        Assert.Equal(RlpError.LengthBeyondEnd, e.Error);
        Assert.Equal(1, e.Offset);
        Assert.Contains("enclosing list", e.Message);
    }

    [Theory]
    [InlineData("bf0f000000000000021111")]
    [InlineData("ff0f000000000000021111")]
    [InlineData("ffffffffffffffffff0001020304050607")]
    [InlineData("bb80000000")]
    public void Length_overflow(string hex) => Assert.Equal(RlpError.LengthOverflow, Reject(hex, Raw).Error);

    [Theory]
    [InlineData("8100")]
    [InlineData("8101")]
    [InlineData("817f")]
    public void Single_byte_wrapped_as_a_string(string hex) => Assert.Equal(RlpError.NonCanonicalSingleByte, Reject(hex, Raw).Error);

    [Theory]
    [InlineData("b801ff")]
    [InlineData("b837" + "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff0011223344556677")]
    [InlineData("f803112233")]
    public void Long_form_for_a_short_length(string hex) => Assert.Equal(RlpError.NonCanonicalLongLength, Reject(hex, Raw).Error);

    [Theory]
    [InlineData("b800")]
    [InlineData("f800")]
    [InlineData("b90040")]
    public void Leading_zero_in_a_length(string hex) => Assert.Equal(RlpError.LengthLeadingZero, Reject(hex, Raw).Error);

    [Theory]
    [InlineData("00")]       // zero must be 0x80
    [InlineData("820001")]
    public void Leading_zero_in_an_integer(string hex)
    {
        Assert.Equal(RlpError.IntegerLeadingZero, Reject(hex, (ref RlpReader r) => r.ReadUInt64()).Error);
        Assert.Equal(RlpError.IntegerLeadingZero, Reject(hex, (ref RlpReader r) => r.ReadBigInteger()).Error);
    }

    [Fact]
    public void Integer_too_large()
    {
        Assert.Equal(RlpError.IntegerTooLarge, Reject("89010000000000000000", (ref RlpReader r) => r.ReadUInt64()).Error);
        Assert.Equal(RlpError.IntegerTooLarge, Reject("8301ffff", (ref RlpReader r) => r.ReadUnsignedBytes(2)).Error);
    }

    [Fact]
    public void Trailing_bytes_after_the_top_level_item()
    {
        var e = Reject("8001", Bytes);
        Assert.Equal(RlpError.TrailingBytes, e.Error);
        Assert.Equal(1, e.Offset);
    }

    [Fact]
    public void Trailing_items_in_a_list()
    {
        var e = Reject("c20102", (ref RlpReader r) => { var list = r.ReadList(); list.ReadUInt64(); list.EnsureEnd(); });
        Assert.Equal(RlpError.TrailingBytes, e.Error);
        Assert.Equal(2, e.Offset);
    }

    [Fact]
    public void Unexpected_kinds_and_lengths()
    {
        Assert.Equal(RlpError.UnexpectedList, Reject("c0", (ref RlpReader r) => r.ReadBytes()).Error);
        Assert.Equal(RlpError.UnexpectedList, Reject("c0", (ref RlpReader r) => r.ReadUInt64()).Error);
        Assert.Equal(RlpError.UnexpectedString, Reject("80", (ref RlpReader r) => r.ReadList()).Error);
        Assert.Equal(RlpError.UnexpectedLength, Reject("83646f67", (ref RlpReader r) => r.ReadBytes(20)).Error);
    }

    [Fact]
    public void Every_error_kind_is_covered_here()
    {
        var covered = typeof(RlpReaderErrorTests).GetMethods().Select(m => m.Name).ToHashSet();
        string[] tests = ["Truncated", "Length_beyond_the_input", "Length_overflow", "Single_byte_wrapped_as_a_string",
            "Long_form_for_a_short_length", "Leading_zero_in_a_length", "Leading_zero_in_an_integer", "Integer_too_large",
            "Trailing_bytes_after_the_top_level_item", "Unexpected_kinds_and_lengths"];
        Assert.All(tests, t => Assert.Contains(t, covered));
        Assert.Equal(12, Enum.GetValues<RlpError>().Length); // a new kind needs a test above
    }
}
