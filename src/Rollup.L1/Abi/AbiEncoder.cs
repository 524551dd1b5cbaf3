using System.Collections;
using System.Numerics;
using System.Text;
using Rollup.Core.Numerics;
using Rollup.Core.Types;

namespace Rollup.L1.Abi;

/// <summary>The Solidity contract ABI encoding (head/tail): what calldata, constructor arguments, return data and
/// event data are made of. Values are the CLR types <see cref="AbiType"/> lists; a value of the wrong type or out of
/// range for its type throws <see cref="ArgumentException"/> naming both.</summary>
public static class AbiEncoder
{
    /// <summary>The values as one tuple: how function arguments and return values are encoded.</summary>
    public static byte[] Encode(IReadOnlyList<AbiType> types, IReadOnlyList<object?> values)
    {
        if (types.Count != values.Count) throw new ArgumentException($"{types.Count} ABI types but {values.Count} values");
        var buffer = new MemoryStream();
        EncodeSequence(buffer, types, values);
        return buffer.ToArray();
    }

    /// <summary>Calldata: the 4-byte selector, then the arguments.</summary>
    public static byte[] EncodeCall(ReadOnlySpan<byte> selector, IReadOnlyList<AbiType> types, IReadOnlyList<object?> values)
    {
        var args = Encode(types, values);
        var call = new byte[selector.Length + args.Length];
        selector.CopyTo(call);
        args.CopyTo(call, selector.Length);
        return call;
    }

    /// <summary>One value as it stands alone (a static value's inline words, a dynamic value's tail content): the
    /// form an indexed event topic holds for a static type.</summary>
    public static byte[] EncodeValue(AbiType type, object? value)
    {
        var buffer = new MemoryStream();
        EncodeOne(buffer, type, value);
        return buffer.ToArray();
    }

    private static void EncodeSequence(MemoryStream output, IReadOnlyList<AbiType> types, IReadOnlyList<object?> values)
    {
        int headSize = types.Sum(t => t.HeadSize);
        var tails = new MemoryStream();
        for (int i = 0; i < types.Count; i++)
        {
            if (types[i].IsDynamic)
            {
                WriteWord(output, new UInt256((ulong)(headSize + tails.Length)));
                EncodeOne(tails, types[i], values[i]);
            }
            else
            {
                EncodeOne(output, types[i], values[i]);
            }
        }
        tails.Position = 0;
        tails.CopyTo(output);
    }

    private static void EncodeOne(MemoryStream output, AbiType type, object? value)
    {
        switch (type)
        {
            case UIntType u:
                WriteWord(output, AbiValues.ToUInt(value, u));
                break;
            case IntType s:
                WriteSigned(output, AbiValues.ToInt(value, s));
                break;
            case AddressType:
                Span<byte> word = stackalloc byte[32];
                word.Clear();
                AbiValues.ToAddress(value).Bytes.CopyTo(word[12..]);
                output.Write(word);
                break;
            case BoolType:
                WriteWord(output, value is bool b ? (b ? UInt256.One : UInt256.Zero) : throw AbiValues.Mismatch(type, value));
                break;
            case FixedBytesType f:
                var fixedBytes = AbiValues.ToFixedBytes(value, f);
                output.Write(fixedBytes);
                output.Write(new byte[32 - fixedBytes.Length]);
                break;
            case BytesType:
                WriteBytes(output, value as byte[] ?? throw AbiValues.Mismatch(type, value));
                break;
            case StringType:
                WriteBytes(output, Encoding.UTF8.GetBytes(value as string ?? throw AbiValues.Mismatch(type, value)));
                break;
            case ArrayType a:
                var items = AbiValues.ToList(value, a);
                if (a.Length is { } k && items.Count != k) throw new ArgumentException($"{a.Name} needs {k} elements, got {items.Count}");
                if (a.Length is null) WriteWord(output, new UInt256((ulong)items.Count));
                EncodeSequence(output, Enumerable.Repeat(a.Element, items.Count).ToArray(), items);
                break;
            case TupleType t:
                var fields = AbiValues.ToList(value, t);
                if (fields.Count != t.Components.Count) throw new ArgumentException($"{t.Name} has {t.Components.Count} fields, got {fields.Count} values");
                EncodeSequence(output, t.Components.Select(c => c.Type).ToArray(), fields);
                break;
            default:
                throw new NotSupportedException($"ABI type {type.Name}");
        }
    }

    private static void WriteWord(MemoryStream output, UInt256 value)
    {
        Span<byte> word = stackalloc byte[32];
        value.WriteBigEndian(word);
        output.Write(word);
    }

    /// <summary>Two's complement in 256 bits, so negative values are sign-extended.</summary>
    private static void WriteSigned(MemoryStream output, BigInteger value)
    {
        var word = new byte[32];
        if (value.Sign < 0) word.AsSpan().Fill(0xff);
        var raw = value.ToByteArray(isUnsigned: false, isBigEndian: true);
        raw.AsSpan(Math.Max(0, raw.Length - 32)).CopyTo(word.AsSpan(32 - Math.Min(32, raw.Length)));
        output.Write(word);
    }

    /// <summary>bytes and string: the length, then the content padded with zeros to whole words.</summary>
    private static void WriteBytes(MemoryStream output, byte[] content)
    {
        WriteWord(output, new UInt256((ulong)content.Length));
        output.Write(content);
        int pad = (32 - content.Length % 32) % 32;
        output.Write(new byte[pad]);
    }
}
