using System.Buffers.Binary;
using System.Runtime.CompilerServices;

namespace Rollup.Core.Numerics;

// The EVM's byte order is big-endian (stack words in memory, storage, calldata, RLP); the limbs are
// little-endian, so each conversion is four 64-bit byte swaps, which the JIT emits as MOVBE/BSWAP.
public readonly partial struct UInt256
{
    /// <summary>Reads 0..32 big-endian bytes; fewer than 32 are taken as left-padded with zeros.</summary>
    /// <exception cref="ArgumentException">when <paramref name="bigEndian"/> is longer than 32 bytes.</exception>
    [SkipLocalsInit]
    public UInt256(ReadOnlySpan<byte> bigEndian)
    {
        if (bigEndian.Length == 32)
        {
            this = ReadFull(bigEndian);
            return;
        }
        if (bigEndian.Length > 32) ThrowTooLong(bigEndian.Length);
        Span<byte> padded = stackalloc byte[32];
        int pad = 32 - bigEndian.Length;
        padded[..pad].Clear();
        bigEndian.CopyTo(padded[pad..]);
        this = ReadFull(padded);
    }

    /// <inheritdoc cref="UInt256(ReadOnlySpan{byte})"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static UInt256 FromBigEndian(ReadOnlySpan<byte> bigEndian) => new(bigEndian);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static UInt256 ReadFull(ReadOnlySpan<byte> bytes) => new(
        BinaryPrimitives.ReadUInt64BigEndian(bytes[24..]),
        BinaryPrimitives.ReadUInt64BigEndian(bytes[16..]),
        BinaryPrimitives.ReadUInt64BigEndian(bytes[8..]),
        BinaryPrimitives.ReadUInt64BigEndian(bytes));

    /// <summary>Writes exactly 32 big-endian bytes.</summary>
    /// <exception cref="ArgumentException">when <paramref name="destination32"/> is not 32 bytes long.</exception>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void WriteBigEndian(Span<byte> destination32)
    {
        if (destination32.Length != 32) ThrowNot32(destination32.Length);
        BinaryPrimitives.WriteUInt64BigEndian(destination32, U3);
        BinaryPrimitives.WriteUInt64BigEndian(destination32[8..], U2);
        BinaryPrimitives.WriteUInt64BigEndian(destination32[16..], U1);
        BinaryPrimitives.WriteUInt64BigEndian(destination32[24..], U0);
    }

    /// <summary>The 32-byte big-endian form.</summary>
    public byte[] ToBigEndian()
    {
        byte[] bytes = new byte[32];
        WriteBigEndian(bytes);
        return bytes;
    }

    /// <summary>The minimal big-endian form (no leading zero bytes); empty for zero, as RLP wants.</summary>
    [SkipLocalsInit]
    public byte[] ToBigEndianTrimmed()
    {
        int length = ByteLength;
        if (length == 0) return [];
        Span<byte> full = stackalloc byte[32];
        WriteBigEndian(full);
        return full[(32 - length)..].ToArray();
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ThrowTooLong(int length) =>
        throw new ArgumentException($"a UInt256 holds at most 32 bytes, got {length}", "bigEndian");

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ThrowNot32(int length) =>
        throw new ArgumentException($"destination must be exactly 32 bytes, got {length}", "destination32");
}
