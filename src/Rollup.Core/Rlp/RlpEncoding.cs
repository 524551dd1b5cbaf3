using System.Buffers.Binary;
using System.Numerics;

namespace Rollup.Core.Rlp;

/// <summary>The RLP encoding rules, as lengths and writes into caller-provided spans. Code that knows
/// its shape up front (trie nodes, transactions) computes the total length, allocates once and writes;
/// <see cref="RlpWriter"/> builds on the same primitives when the shape is not known in advance.</summary>
public static class RlpEncoding
{
    /// <summary>Payloads shorter than this take a one-byte header; longer ones a header carrying the length.</summary>
    public const int ShortLimit = 56;
    public const byte EmptyString = 0x80;
    public const byte EmptyList = 0xc0;

    // ---- lengths ----

    public static int LengthOfBytes(ReadOnlySpan<byte> bytes) =>
        bytes.Length == 1 && bytes[0] < 0x80 ? 1 : HeaderLength(bytes.Length) + bytes.Length;

    public static int LengthOfList(int payloadLength) => HeaderLength(payloadLength) + payloadLength;

    /// <summary>An unsigned integer as RLP: its minimal big-endian bytes (none for zero) as a string.</summary>
    public static int LengthOfUInt64(ulong value) => value < 0x80 ? 1 : 1 + ByteCount(value);

    /// <summary>Like <see cref="LengthOfUInt64"/> for a big-endian number of any size; leading zeros do not count.</summary>
    public static int LengthOfUnsigned(ReadOnlySpan<byte> bigEndian) => LengthOfBytes(TrimLeadingZeros(bigEndian));

    /// <summary>Header size for a string or list payload of this length: 1, or 1 plus the bytes of the length.</summary>
    public static int HeaderLength(int payloadLength) => payloadLength < ShortLimit ? 1 : 1 + ByteCount((ulong)payloadLength);

    // ---- writes; each returns the number of bytes written ----

    public static int WriteBytes(Span<byte> destination, ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length == 1 && bytes[0] < 0x80)
        {
            destination[0] = bytes[0];
            return 1;
        }
        int header = WriteHeader(destination, 0x80, bytes.Length);
        bytes.CopyTo(destination[header..]);
        return header + bytes.Length;
    }

    public static int WriteListHeader(Span<byte> destination, int payloadLength) => WriteHeader(destination, 0xc0, payloadLength);

    public static int WriteUInt64(Span<byte> destination, ulong value)
    {
        if (value < 0x80)
        {
            destination[0] = value == 0 ? EmptyString : (byte)value;
            return 1;
        }
        int n = ByteCount(value);
        destination[0] = (byte)(0x80 + n);
        WriteBigEndian(destination.Slice(1, n), value);
        return 1 + n;
    }

    public static int WriteUnsigned(Span<byte> destination, ReadOnlySpan<byte> bigEndian) =>
        WriteBytes(destination, TrimLeadingZeros(bigEndian));

    // ---- whole items as arrays, for convenience ----

    public static byte[] EncodeBytes(ReadOnlySpan<byte> bytes)
    {
        var result = new byte[LengthOfBytes(bytes)];
        WriteBytes(result, bytes);
        return result;
    }

    public static byte[] EncodeUInt64(ulong value)
    {
        var result = new byte[LengthOfUInt64(value)];
        WriteUInt64(result, value);
        return result;
    }

    /// <summary>The minimal big-endian bytes of a non-negative integer (empty for zero).</summary>
    public static byte[] UnsignedBytes(BigInteger value)
    {
        if (value.Sign < 0) throw new ArgumentOutOfRangeException(nameof(value), value, "RLP integers are unsigned");
        return value.IsZero ? [] : value.ToByteArray(isUnsigned: true, isBigEndian: true);
    }

    public static ReadOnlySpan<byte> TrimLeadingZeros(ReadOnlySpan<byte> bigEndian)
    {
        int i = bigEndian.IndexOfAnyExcept((byte)0);
        return i < 0 ? [] : bigEndian[i..];
    }

    /// <summary>Bytes needed for the value in big-endian with no leading zeros (0 for zero).</summary>
    internal static int ByteCount(ulong value) => (64 - BitOperations.LeadingZeroCount(value) + 7) / 8;

    private static int WriteHeader(Span<byte> destination, byte offset, int payloadLength)
    {
        if (payloadLength < ShortLimit)
        {
            destination[0] = (byte)(offset + payloadLength);
            return 1;
        }
        int n = ByteCount((ulong)payloadLength);
        destination[0] = (byte)(offset + 55 + n);
        WriteBigEndian(destination.Slice(1, n), (ulong)payloadLength);
        return 1 + n;
    }

    /// <summary>The low destination.Length bytes of the value, big-endian.</summary>
    private static void WriteBigEndian(Span<byte> destination, ulong value)
    {
        Span<byte> all = stackalloc byte[8];
        BinaryPrimitives.WriteUInt64BigEndian(all, value);
        all[(8 - destination.Length)..].CopyTo(destination);
    }
}
