using Rollup.Core.Numerics;

namespace Rollup.Core.Rlp;

/// <summary>RLP for the 256-bit word: minimal big-endian bytes, zero as the empty string.</summary>
public static class RlpUInt256
{
    public static void WriteUInt256(this RlpWriter writer, in UInt256 value)
    {
        Span<byte> bytes = stackalloc byte[32];
        value.WriteBigEndian(bytes);
        writer.WriteUnsigned(bytes);
    }

    /// <summary>Reads an integer of at most 32 bytes without leading zeros.</summary>
    public static UInt256 ReadUInt256(this ref RlpReader reader) => UInt256.FromBigEndian(reader.ReadUnsignedBytes(32));
}
