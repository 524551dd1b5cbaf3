using Rollup.Core.Numerics;
using Rollup.Crypto.Bn254.Fields;
using Rollup.Crypto.Hashing;

namespace Rollup.State.Leaves;

/// <summary>A storage slot's leaf: value hash Poseidon(value_lo, value_hi). Zero values have no leaf (writing zero
/// deletes the slot), so every stored value is non-zero.</summary>
public static class StorageLeaf
{
    /// <summary>Stored preimage: slot 32 ‖ value 32 (big-endian).</summary>
    public const int PayloadSize = 64;

    public static Fr ValueHash(in UInt256 value) => Poseidon.Hash2(FieldEncoding.Lo(value), FieldEncoding.Hi(value));

    public static byte[] EncodePayload(in UInt256 slot, in UInt256 value)
    {
        var b = new byte[PayloadSize];
        slot.WriteBigEndian(b.AsSpan(0, 32));
        value.WriteBigEndian(b.AsSpan(32, 32));
        return b;
    }

    public static UInt256 DecodeValue(ReadOnlySpan<byte> payload)
    {
        if (payload.Length != PayloadSize) throw new FormatException($"storage leaf payload of {payload.Length} bytes");
        return new UInt256(payload.Slice(32, 32));
    }

    public static UInt256 DecodeSlot(ReadOnlySpan<byte> payload) => new(payload[..32]);
}
