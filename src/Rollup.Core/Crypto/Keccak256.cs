using System.Buffers.Binary;
using Rollup.Core.Types;

namespace Rollup.Core.Crypto;

/// <summary>Keccak-256 as Ethereum uses it: the original Keccak padding (first pad byte 0x01), not the
/// FIPS-202 SHA3-256 padding (0x06), so the two give different digests for the same input.</summary>
public static class Keccak256
{
    public const int Size = 32;

    /// <summary>The digest of <paramref name="data"/>.</summary>
    public static Hash256 Hash(ReadOnlySpan<byte> data)
    {
        Span<byte> digest = stackalloc byte[Size];
        Hash(data, digest);
        return new Hash256(digest);
    }

    /// <summary>Writes the digest of <paramref name="data"/> into the first 32 bytes of <paramref name="output32"/>.</summary>
    public static void Hash(ReadOnlySpan<byte> data, Span<byte> output32)
    {
        CheckOutput(output32);
        KeccakState state = default;
        int whole = data.Length - data.Length % KeccakF1600.Rate;
        if (whole > 0) KeccakF1600.Absorb(ref state, data[..whole]);
        AbsorbLast(ref state, data[whole..]);
        Squeeze(ref state, output32);
    }

    /// <summary>Pads the final partial block (possibly empty) and absorbs it. Keccak's multi-rate padding:
    /// 0x01 after the message, 0x80 in the block's last byte (both in the same byte when they meet).</summary>
    internal static void AbsorbLast(ref KeccakState state, ReadOnlySpan<byte> tail)
    {
        KeccakBlock block = default;
        Span<byte> bytes = block;
        tail.CopyTo(bytes);
        bytes[tail.Length] ^= 0x01;
        bytes[KeccakF1600.Rate - 1] ^= 0x80;
        KeccakF1600.Absorb(ref state, bytes);
    }

    /// <summary>The digest is the first four lanes, little-endian; 32 bytes is less than the rate, so no
    /// further permutation is needed.</summary>
    internal static void Squeeze(ref KeccakState state, Span<byte> output32)
    {
        BinaryPrimitives.WriteUInt64LittleEndian(output32, state[0]);
        BinaryPrimitives.WriteUInt64LittleEndian(output32[8..], state[1]);
        BinaryPrimitives.WriteUInt64LittleEndian(output32[16..], state[2]);
        BinaryPrimitives.WriteUInt64LittleEndian(output32[24..], state[3]);
    }

    internal static void CheckOutput(Span<byte> output32)
    {
        if (output32.Length < Size)
            throw new ArgumentException($"a Keccak-256 digest needs {Size} bytes of output, got {output32.Length}", nameof(output32));
    }
}
