using System.Buffers.Binary;
using System.Numerics;

namespace Rollup.Core.Rlp;

/// <summary>A strict, allocation-free RLP decoder: reads items one after another from a span, handing
/// out payloads as slices of the input. Rejects every non-canonical form with an <see cref="RlpException"/>.</summary>
/// <remarks>
/// A list is read as a sub-reader over its payload, so nothing inside it can reach past its end. Decoding a
/// whole input is <c>var r = new RlpReader(data); ... read the item ...; r.EnsureEnd();</c>; the same
/// EnsureEnd on a sub-reader checks that a list holds no more items than expected.
/// </remarks>
public ref struct RlpReader
{
    private readonly ReadOnlySpan<byte> _data;
    private readonly int _origin;      // offset of _data[0] in the outermost input, for error messages
    private readonly bool _isList;     // whether _data is a list payload rather than the whole input
    private int _position;

    public RlpReader(ReadOnlySpan<byte> data) : this(data, 0, isList: false) { }

    private RlpReader(ReadOnlySpan<byte> data, int origin, bool isList)
    {
        _data = data;
        _origin = origin;
        _isList = isList;
    }

    public readonly bool AtEnd => _position == _data.Length;

    /// <summary>Bytes not yet read.</summary>
    public readonly int Remaining => _data.Length - _position;

    /// <summary>Offset of the next item in the outermost input.</summary>
    public readonly int Offset => _origin + _position;

    /// <summary>The kind of the next item, from its first byte (the item itself is not checked yet).</summary>
    public readonly RlpKind PeekKind()
    {
        if (AtEnd) throw Error(RlpError.Truncated, _position, $"expected an item, but the {Container} ends here");
        return _data[_position] >= 0xc0 ? RlpKind.List : RlpKind.String;
    }

    /// <summary>The next item, which must be a string; returns its payload.</summary>
    public ReadOnlySpan<byte> ReadBytes()
    {
        var item = ReadHeader();
        if (item.Kind == RlpKind.List) throw Error(RlpError.UnexpectedList, item.Start, "expected a string, found a list");
        return Take(item);
    }

    /// <summary>The next item, which must be a string of exactly <paramref name="length"/> bytes (a hash, an address).</summary>
    public ReadOnlySpan<byte> ReadBytes(int length)
    {
        int start = _position;
        var bytes = ReadBytes();
        if (bytes.Length != length)
            throw Error(RlpError.UnexpectedLength, start, $"expected a string of {length} bytes, found {bytes.Length}");
        return bytes;
    }

    /// <summary>The next item, which must be a list; returns a reader over its payload.</summary>
    public RlpReader ReadList()
    {
        var item = ReadHeader();
        if (item.Kind == RlpKind.String) throw Error(RlpError.UnexpectedString, item.Start, "expected a list, found a string");
        int payloadAt = _origin + item.PayloadStart;
        return new RlpReader(Take(item), payloadAt, isList: true);
    }

    /// <summary>The next item whole, header included (to hash it, or to keep it encoded).</summary>
    public ReadOnlySpan<byte> ReadRawItem()
    {
        var item = ReadHeader();
        Take(item);
        return _data[item.Start..(item.PayloadStart + item.PayloadLength)];
    }

    /// <summary>Skips the next item, checking its header.</summary>
    public void Skip() => ReadRawItem();

    public ulong ReadUInt64()
    {
        int start = _position;
        var bytes = ReadUnsignedBytes(8, start);
        ulong value = 0;
        foreach (byte b in bytes) value = value << 8 | b;
        return value;
    }

    /// <summary>An unsigned integer of at most <paramref name="maxBytes"/> bytes, as its minimal big-endian
    /// bytes (empty for zero). Leading zeros are rejected.</summary>
    public ReadOnlySpan<byte> ReadUnsignedBytes(int maxBytes = 32) => ReadUnsignedBytes(maxBytes, _position);

    /// <summary>An unsigned integer of any size (fixtures, tests); production code reads fixed-size types.</summary>
    public BigInteger ReadBigInteger() => new(ReadUnsignedBytes(int.MaxValue), isUnsigned: true, isBigEndian: true);

    /// <summary>Throws unless every byte has been read: after the top-level item there must be nothing,
    /// and a list must hold no more items than the caller expected.</summary>
    public readonly void EnsureEnd()
    {
        if (!AtEnd) throw Error(RlpError.TrailingBytes, _position, $"{Remaining} byte(s) left after the last item of the {Container}");
    }

    private ReadOnlySpan<byte> ReadUnsignedBytes(int maxBytes, int start)
    {
        var bytes = ReadBytes();
        if (bytes.Length > maxBytes)
            throw Error(RlpError.IntegerTooLarge, start, $"integer of {bytes.Length} bytes, at most {maxBytes} allowed");
        if (bytes.Length > 0 && bytes[0] == 0)
            throw Error(RlpError.IntegerLeadingZero, start, "integer with a leading zero byte (zero is encoded as 0x80)");
        return bytes;
    }

    private readonly record struct Item(RlpKind Kind, int Start, int PayloadStart, int PayloadLength);

    /// <summary>Parses and checks the header at the current position, without consuming anything.</summary>
    private readonly Item ReadHeader()
    {
        int start = _position;
        if (AtEnd) throw Error(RlpError.Truncated, start, $"expected an item, but the {Container} ends here");
        byte first = _data[start];

        if (first < 0x80) return new Item(RlpKind.String, start, start, 1); // the byte is its own encoding

        var kind = first < 0xc0 ? RlpKind.String : RlpKind.List;
        int shortBase = kind == RlpKind.String ? 0x80 : 0xc0;
        string what = kind == RlpKind.String ? "string" : "list";
        int remaining = _data.Length - start - 1;
        int length;
        int headerLength;

        if (first - shortBase < RlpEncoding.ShortLimit)
        {
            length = first - shortBase;
            headerLength = 1;
            if (length > remaining) throw BeyondEnd(start, what, length, remaining);
            if (kind == RlpKind.String && length == 1 && _data[start + 1] < 0x80)
                throw Error(RlpError.NonCanonicalSingleByte, start, $"single byte 0x{_data[start + 1]:x2} wrapped as a one-byte string; it must be encoded as itself");
        }
        else
        {
            int lengthOfLength = first - shortBase - (RlpEncoding.ShortLimit - 1);
            if (lengthOfLength > remaining)
                throw Error(RlpError.Truncated, start, $"{what} header needs {lengthOfLength} length byte(s), only {remaining} left in the {Container}");
            var lengthBytes = _data.Slice(start + 1, lengthOfLength);
            if (lengthBytes[0] == 0) throw Error(RlpError.LengthLeadingZero, start, $"{what} length 0x{Convert.ToHexStringLower(lengthBytes)} has a leading zero byte");
            Span<byte> padded = stackalloc byte[8];
            padded.Clear();
            lengthBytes.CopyTo(padded[(8 - lengthOfLength)..]);
            ulong declared = BinaryPrimitives.ReadUInt64BigEndian(padded);
            if (declared > int.MaxValue) throw Error(RlpError.LengthOverflow, start, $"{what} length {declared} is too large");
            length = (int)declared;
            if (length < RlpEncoding.ShortLimit)
                throw Error(RlpError.NonCanonicalLongLength, start, $"{what} of length {length} uses the long header form; below {RlpEncoding.ShortLimit} the short form is required");
            headerLength = 1 + lengthOfLength;
            remaining -= lengthOfLength;
            if (length > remaining) throw BeyondEnd(start, what, length, remaining);
        }
        return new Item(kind, start, start + headerLength, length);
    }

    /// <summary>Consumes a checked item and returns its payload.</summary>
    private ReadOnlySpan<byte> Take(Item item)
    {
        _position = item.PayloadStart + item.PayloadLength;
        return _data.Slice(item.PayloadStart, item.PayloadLength);
    }

    private readonly string Container => _isList ? "enclosing list" : "input";

    private readonly RlpException BeyondEnd(int start, string what, int length, int remaining) =>
        Error(RlpError.LengthBeyondEnd, start, $"{what} declares {length} byte(s) of payload, only {remaining} left in the {Container}");

    private readonly RlpException Error(RlpError error, int position, string message) => new(error, _origin + position, message);
}
