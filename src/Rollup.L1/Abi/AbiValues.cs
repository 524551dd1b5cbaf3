using System.Collections;
using System.Numerics;
using Rollup.Core.Numerics;
using Rollup.Core.Types;

namespace Rollup.L1.Abi;

/// <summary>Converts the CLR values callers hand the encoder into what each ABI type needs, accepting the obvious
/// alternatives (a ulong or an enum for a uint, a Hash256 or 32 bytes for bytes32, any list for an array) and
/// rejecting values that do not fit.</summary>
internal static class AbiValues
{
    public static UInt256 ToUInt(object? value, UIntType type)
    {
        UInt256 v = value switch
        {
            UInt256 u => u,
            ulong u => u,
            uint u => u,
            ushort u => (uint)u,
            byte u => (uint)u,
            long l when l >= 0 => (ulong)l,
            int i when i >= 0 => (ulong)i,
            BigInteger b when b.Sign >= 0 && b.GetBitLength() <= 256 => UInt256.FromBigInteger(b),
            Enum e => Convert.ToUInt64(e, System.Globalization.CultureInfo.InvariantCulture),
            _ => throw Mismatch(type, value),
        };
        if (v.BitLength > type.Bits) throw new ArgumentException($"{v} does not fit {type.Name}");
        return v;
    }

    public static BigInteger ToInt(object? value, IntType type)
    {
        BigInteger v = value switch
        {
            BigInteger b => b,
            long l => l,
            int i => i,
            ulong u => u,
            UInt256 u => u.ToBigInteger(),
            _ => throw Mismatch(type, value),
        };
        var bound = BigInteger.One << (type.Bits - 1);
        if (v < -bound || v >= bound) throw new ArgumentException($"{v} does not fit {type.Name}");
        return v;
    }

    public static Address ToAddress(object? value) => value switch
    {
        Address a => a,
        string s => Address.Parse(s),
        _ => throw Mismatch(AddressType.Instance, value),
    };

    public static byte[] ToFixedBytes(object? value, FixedBytesType type)
    {
        byte[] bytes = value switch
        {
            Hash256 h when type.Size == 32 => h.ToArray(),
            byte[] b => b,
            _ => throw Mismatch(type, value),
        };
        if (bytes.Length != type.Size) throw new ArgumentException($"{type.Name} needs {type.Size} bytes, got {bytes.Length}");
        return bytes;
    }

    public static IReadOnlyList<object?> ToList(object? value, AbiType type) => value switch
    {
        IReadOnlyList<object?> list => list,
        IList list => list.Cast<object?>().ToArray(),
        _ => throw Mismatch(type, value),
    };

    public static ArgumentException Mismatch(AbiType type, object? value) =>
        new($"cannot encode {(value is null ? "null" : value.GetType().Name)} as {type.Name}");
}
