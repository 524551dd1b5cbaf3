using Rollup.Core.Numerics;
using Rollup.Core.Rlp;
using Rollup.Core.Types;

namespace Rollup.Core.Blocks;

/// <summary>Reads the typed fields of headers, withdrawals and bodies from RLP and names what is wrong with a bad one
/// as a <see cref="BlockError"/>: an oversized 64-bit integer and a wrong-sized address are rules of their own, any
/// other malformation is <see cref="BlockError.MalformedRlp"/>.</summary>
internal static class BlockFieldReader
{
    public static ulong ReadUInt64(ref RlpReader reader, string field)
    {
        var bytes = ReadString(ref reader, field);
        if (bytes.Length > 8) throw new BlockException(BlockError.FieldOverflow64, $"{field} has {bytes.Length} bytes, at most 8");
        if (bytes.Length > 0 && bytes[0] == 0) throw new BlockException(BlockError.MalformedRlp, $"{field} has a leading zero byte");
        ulong value = 0;
        foreach (byte b in bytes) value = value << 8 | b;
        return value;
    }

    public static UInt256 ReadUInt256(ref RlpReader reader, string field)
    {
        var bytes = ReadString(ref reader, field);
        if (bytes.Length > 32) throw new BlockException(BlockError.MalformedRlp, $"{field} has {bytes.Length} bytes, at most 32");
        if (bytes.Length > 0 && bytes[0] == 0) throw new BlockException(BlockError.MalformedRlp, $"{field} has a leading zero byte");
        return UInt256.FromBigEndian(bytes);
    }

    public static Hash256 ReadHash(ref RlpReader reader, string field) => new(ReadFixed(ref reader, field, Hash256.Size));

    public static Address ReadAddress(ref RlpReader reader, string field)
    {
        var bytes = ReadString(ref reader, field);
        if (bytes.Length != Address.Size) throw new BlockException(BlockError.InvalidAddress, $"{field} has {bytes.Length} bytes, expected {Address.Size}");
        return new Address(bytes);
    }

    public static ReadOnlySpan<byte> ReadFixed(ref RlpReader reader, string field, int length)
    {
        var bytes = ReadString(ref reader, field);
        if (bytes.Length != length) throw new BlockException(BlockError.MalformedRlp, $"{field} has {bytes.Length} bytes, expected {length}");
        return bytes;
    }

    public static ReadOnlySpan<byte> ReadString(ref RlpReader reader, string field)
    {
        if (reader.AtEnd) throw new BlockException(BlockError.MalformedRlp, $"the list ends before {field}");
        if (reader.PeekKind() == RlpKind.List) throw new BlockException(BlockError.MalformedRlp, $"{field} must be a byte string, found a list");
        return reader.ReadBytes();
    }

    public static RlpReader ReadList(ref RlpReader reader, string field)
    {
        if (reader.AtEnd) throw new BlockException(BlockError.MalformedRlp, $"the list ends before {field}");
        if (reader.PeekKind() != RlpKind.List) throw new BlockException(BlockError.MalformedRlp, $"{field} must be a list, found a byte string");
        return reader.ReadList();
    }

    /// <summary>Runs a decoder and turns a structural RLP failure into <see cref="BlockError.MalformedRlp"/>.</summary>
    public static T Strict<T>(ReadOnlySpan<byte> encoded, Decoder<T> decode, string what)
    {
        try
        {
            var reader = new RlpReader(encoded);
            var result = decode(ref reader);
            reader.EnsureEnd();
            return result;
        }
        catch (RlpException e)
        {
            throw new BlockException(BlockError.MalformedRlp, $"malformed {what}: {e.Message}");
        }
    }

    public delegate T Decoder<out T>(ref RlpReader reader);
}
