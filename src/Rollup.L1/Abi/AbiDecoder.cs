using System.Numerics;
using System.Text;
using Rollup.Core.Numerics;
using Rollup.Core.Types;

namespace Rollup.L1.Abi;

/// <summary>Decodes ABI-encoded data (return values, event data, revert data) into the CLR values listed on
/// <see cref="AbiType"/>. Strict: offsets and lengths must stay inside the data and padding bits must be zero, so
/// data from an untrusted node or contract either decodes exactly or throws <see cref="AbiDecodingException"/>.</summary>
public static class AbiDecoder
{
    public static object?[] Decode(IReadOnlyList<AbiType> types, ReadOnlySpan<byte> data) => DecodeSequence(types, data, 0);

    /// <summary>One static value from its 32-byte (or inline) encoding, e.g. an indexed event topic.</summary>
    public static object? DecodeValue(AbiType type, ReadOnlySpan<byte> data) => DecodeAt(type, data, 0);

    /// <summary>The values of a tuple whose encoding starts at <paramref name="start"/>; offsets inside it are relative
    /// to that start.</summary>
    private static object?[] DecodeSequence(IReadOnlyList<AbiType> types, ReadOnlySpan<byte> data, int start)
    {
        var values = new object?[types.Count];
        int head = start;
        for (int i = 0; i < types.Count; i++)
        {
            var type = types[i];
            values[i] = type.IsDynamic ? DecodeAt(type, data, checked(start + ReadOffset(data, head))) : DecodeAt(type, data, head);
            head = checked(head + type.HeadSize);
        }
        return values;
    }

    private static object? DecodeAt(AbiType type, ReadOnlySpan<byte> data, int at)
    {
        switch (type)
        {
            case UIntType u:
                var value = ReadWord(data, at);
                if (value.BitLength > u.Bits) throw new AbiDecodingException($"{value} at byte {at} does not fit {u.Name}");
                return value;
            case IntType s:
                return ReadSigned(data, at, s);
            case AddressType:
                var word = Slice(data, at, 32);
                if (word[..12].IndexOfAnyExcept((byte)0) >= 0) throw new AbiDecodingException($"address at byte {at} has non-zero high bytes");
                return new Address(word[12..]);
            case BoolType:
                var flag = ReadWord(data, at);
                if (flag > UInt256.One) throw new AbiDecodingException($"bool at byte {at} is {flag}");
                return flag.IsOne;
            case FixedBytesType f:
                var fixedWord = Slice(data, at, 32);
                if (fixedWord[f.Size..].IndexOfAnyExcept((byte)0) >= 0) throw new AbiDecodingException($"{f.Name} at byte {at} has non-zero padding");
                return f.Size == 32 ? new Hash256(fixedWord) : fixedWord[..f.Size].ToArray();
            case BytesType:
                return ReadBytes(data, at);
            case StringType:
                return Encoding.UTF8.GetString(ReadBytes(data, at));
            case ArrayType a:
                int count = a.Length ?? ReadLength(data, at, a.Element.HeadSize);
                int elementsStart = a.Length is null ? checked(at + 32) : at;
                return DecodeSequence(Enumerable.Repeat(a.Element, count).ToArray(), data, elementsStart);
            case TupleType t:
                return DecodeSequence(t.Components.Select(c => c.Type).ToArray(), data, at);
            default:
                throw new NotSupportedException($"ABI type {type.Name}");
        }
    }

    private static byte[] ReadBytes(ReadOnlySpan<byte> data, int at)
    {
        int length = ReadLength(data, at, 1);
        var content = Slice(data, checked(at + 32), length);
        // Padding up to the next word is not read: solc pads, but some encoders end the data right after the content.
        return content.ToArray();
    }

    /// <summary>A length word, bounded by the bytes left so a hostile length cannot make us allocate gigabytes.</summary>
    private static int ReadLength(ReadOnlySpan<byte> data, int at, int bytesPerItem)
    {
        var length = ReadWord(data, at);
        long left = data.Length - (long)at - 32;
        if (!length.FitsInUlong || (ulong)length > (ulong)Math.Max(0, left / bytesPerItem))
            throw new AbiDecodingException($"length {length} at byte {at} runs past the end of {data.Length} bytes");
        return (int)(ulong)length;
    }

    private static int ReadOffset(ReadOnlySpan<byte> data, int at)
    {
        var offset = ReadWord(data, at);
        if (!offset.FitsInUlong || (ulong)offset > (ulong)data.Length)
            throw new AbiDecodingException($"offset {offset} at byte {at} points past the end of {data.Length} bytes");
        return (int)(ulong)offset;
    }

    private static UInt256 ReadWord(ReadOnlySpan<byte> data, int at) => new(Slice(data, at, 32));

    private static BigInteger ReadSigned(ReadOnlySpan<byte> data, int at, IntType type)
    {
        var value = new BigInteger(Slice(data, at, 32), isUnsigned: false, isBigEndian: true);
        var bound = BigInteger.One << (type.Bits - 1);
        if (value < -bound || value >= bound) throw new AbiDecodingException($"{value} at byte {at} does not fit {type.Name}");
        return value;
    }

    private static ReadOnlySpan<byte> Slice(ReadOnlySpan<byte> data, int at, int length)
    {
        if (at < 0 || length < 0 || (long)at + length > data.Length)
            throw new AbiDecodingException($"reading {length} bytes at byte {at} runs past the end of {data.Length} bytes");
        return data.Slice(at, length);
    }
}

public sealed class AbiDecodingException(string message) : FormatException("malformed ABI data: " + message);
