using System.Numerics;
using Rollup.Core.Encoding;
using Rollup.Core.Rlp;

namespace Rollup.Core.Tests.Rlp;

public class RlpRoundTripTests
{
    [Theory]
    [InlineData(0UL, "0x80")]
    [InlineData(1UL, "0x01")]
    [InlineData(0x7fUL, "0x7f")]
    [InlineData(0x80UL, "0x8180")]
    [InlineData(1000UL, "0x8203e8")]
    [InlineData(ulong.MaxValue, "0x88ffffffffffffffff")]
    public void Unsigned_integers_are_minimal_big_endian(ulong value, string expected)
    {
        Assert.Equal(expected, Hex.ToHex(RlpEncoding.EncodeUInt64(value)));
        Assert.Equal(RlpEncoding.LengthOfUInt64(value), RlpEncoding.EncodeUInt64(value).Length);
        var reader = new RlpReader(Hex.Parse(expected));
        Assert.Equal(value, reader.ReadUInt64());
        reader.EnsureEnd();
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(55)]
    [InlineData(56)]
    [InlineData(255)]
    [InlineData(256)]
    [InlineData(70000)]
    public void Strings_of_every_header_form_round_trip(int length)
    {
        var bytes = new byte[length];
        new Random(length).NextBytes(bytes);
        var encoded = RlpEncoding.EncodeBytes(bytes);
        Assert.Equal(RlpEncoding.LengthOfBytes(bytes), encoded.Length);
        var reader = new RlpReader(encoded);
        Assert.True(reader.ReadBytes().SequenceEqual(bytes));
        reader.EnsureEnd();
    }

    [Fact]
    public void Nested_lists_built_by_the_writer_match_the_known_encoding_and_read_back()
    {
        // [ [], [[]], [ [], [[]] ] ] from the Ethereum RLP tests, plus a long list to force a long header.
        using var w = new RlpWriter(4);
        int outer = w.StartList();
        w.EndList(w.StartList());
        int second = w.StartList(); w.EndList(w.StartList()); w.EndList(second);
        int third = w.StartList(); w.EndList(w.StartList()); int inner = w.StartList(); w.EndList(w.StartList()); w.EndList(inner); w.EndList(third);
        w.EndList(outer);
        Assert.Equal("0xc7c0c1c0c3c0c1c0", Hex.ToHex(w.ToArray()));

        w.Reset();
        int list = w.StartList();
        for (int i = 0; i < 100; i++) w.WriteUInt64((ulong)i * 1000);
        w.WriteBytes("dog"u8);
        w.WriteBigInteger(BigInteger.Pow(2, 256) - 1);
        w.WriteRaw(RlpEncoding.EncodeBytes("raw"u8));
        w.EndList(list);

        var reader = new RlpReader(w.WrittenSpan);
        var items = reader.ReadList();
        reader.EnsureEnd();
        for (int i = 0; i < 100; i++) Assert.Equal((ulong)i * 1000, items.ReadUInt64());
        Assert.True(items.ReadBytes().SequenceEqual("dog"u8));
        Assert.Equal(BigInteger.Pow(2, 256) - 1, items.ReadBigInteger());
        Assert.Equal("0x83726177", Hex.ToHex(items.ReadRawItem()));
        items.EnsureEnd();
    }

    [Fact]
    public void Reader_reports_kinds_raw_items_and_offsets()
    {
        var data = Hex.Parse("0xc6827a77c10401"); // ["zw", [4], 1]
        var reader = new RlpReader(data);
        Assert.Equal(RlpKind.List, reader.PeekKind());
        var list = reader.ReadList();
        Assert.Equal(1, list.Offset);
        Assert.Equal(RlpKind.String, list.PeekKind());
        Assert.Equal("0x827a77", Hex.ToHex(list.ReadRawItem()));
        Assert.Equal("0xc104", Hex.ToHex(list.ReadRawItem()));
        Assert.Equal(1UL, list.ReadUInt64());
        Assert.True(list.AtEnd);
        Assert.True(reader.AtEnd);
    }

    [Fact]
    public void Unsigned_writes_drop_leading_zeros()
    {
        using var w = new RlpWriter();
        w.WriteUnsigned([0, 0, 1, 2]);
        w.WriteUnsigned([0, 0]);
        Assert.Equal("0x82010280", Hex.ToHex(w.ToArray()));
    }

    [Fact]
    public void Writer_refuses_to_finish_with_an_open_list()
    {
        using var w = new RlpWriter();
        w.StartList();
        Assert.Throws<InvalidOperationException>(() => w.ToArray());
    }
}
