using System.Runtime.CompilerServices;
using Rollup.Core.Numerics;
using Rollup.Core.Types;

namespace Rollup.Evm;

/// <summary>Conversions between stack words and the byte-oriented types the state uses.</summary>
public static class EvmWord
{
    /// <summary>The low 160 bits of a word as an address (how CALL, BALANCE and friends read their address operand).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Address ToAddress(in UInt256 word)
    {
        Span<byte> bytes = stackalloc byte[32];
        word.WriteBigEndian(bytes);
        return new Address(bytes[12..]);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static UInt256 FromAddress(in Address address) => new(address.Bytes);

    public static UInt256 FromHash(in Hash256 hash) => new(hash.Bytes);

    public static Hash256 ToHash(in UInt256 word)
    {
        Span<byte> bytes = stackalloc byte[32];
        word.WriteBigEndian(bytes);
        return new Hash256(bytes);
    }

    /// <summary>A word as a memory offset or length if it is below 2^32; otherwise false (more memory than gas can buy).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool TryGetSize(in UInt256 word, out ulong value)
    {
        value = word.U0;
        return (word.U1 | word.U2 | word.U3) == 0 && value <= uint.MaxValue;
    }

    /// <summary>The number of 32-byte words needed for a byte length.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Words(ulong bytes) => (bytes + 31) >> 5;
}
