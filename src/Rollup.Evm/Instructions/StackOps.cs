using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using Rollup.Core.Numerics;

namespace Rollup.Evm.Instructions;

/// <summary>PUSH0..PUSH32, DUP1..DUP16, SWAP1..SWAP16, POP.</summary>
internal static unsafe class StackOps
{
    /// <summary>Pushes the <paramref name="n"/>-byte (1..8) big-endian immediate that starts at
    /// <paramref name="immediate"/>. The code buffer has 33 zero bytes after the code, so reading 8 bytes from any
    /// immediate stays inside it and a truncated PUSH at the end of the code reads zeros, as the EVM requires.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static UInt256* PushNarrow(UInt256* sp, byte* immediate, int n)
    {
        ulong raw = BinaryPrimitives.ReverseEndianness(Unsafe.ReadUnaligned<ulong>(immediate));
        return PushSmall(sp, raw >> (64 - 8 * n));
    }

    /// <summary>Pushes a one-limb value as one 32-byte store instead of four 8-byte ones (stores are what the
    /// tight loops run out of first); 8-byte loads of it later still forward from the wide store.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static UInt256* PushSmall(UInt256* sp, ulong value)
    {
        Vector256.CreateScalar(value).Store((ulong*)sp);
        return sp + 1;
    }

    /// <summary>PUSH9..PUSH32 at <paramref name="ip"/>: writes the immediate to <paramref name="slot"/>. Out of line
    /// so the interpreter loop keeps no extra value alive across a call.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static void PushWide(UInt256* slot, byte* ip)
    {
        int n = *ip - 0x5f;
        byte* immediate = ip + 1;
        // Load 32 bytes as a big-endian word (the immediate followed by whatever comes next), then shift the bytes
        // that are not part of the immediate out.
        var word = new UInt256(
            BinaryPrimitives.ReverseEndianness(Unsafe.ReadUnaligned<ulong>(immediate + 24)),
            BinaryPrimitives.ReverseEndianness(Unsafe.ReadUnaligned<ulong>(immediate + 16)),
            BinaryPrimitives.ReverseEndianness(Unsafe.ReadUnaligned<ulong>(immediate + 8)),
            BinaryPrimitives.ReverseEndianness(Unsafe.ReadUnaligned<ulong>(immediate)));
        if (n == 32) *slot = word; else UInt256.ShiftRight(in word, 8 * (32 - n), out *slot);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static UInt256* Push0(UInt256* sp) { Vector256<ulong>.Zero.Store((ulong*)sp); return sp + 1; }

    // DUP and SWAP move words as four 8-byte limbs, not one 32-byte vector: most stack writes (PUSH, arithmetic,
    // MLOAD) are four 8-byte stores, and a 32-byte load of a word still in the store buffer cannot be forwarded from
    // them, so it waits for the stores to retire (the profile put a third of workload d's time on those two loads).

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static UInt256* Dup(UInt256* sp, int n)
    {
        ulong* from = (ulong*)(sp - n), to = (ulong*)sp;
        to[0] = from[0]; to[1] = from[1]; to[2] = from[2]; to[3] = from[3];
        return sp + 1;
    }

    /// <summary>Exchanges the top with the item n below it, limb by limb.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Swap(UInt256* sp, int n)
    {
        ulong* top = (ulong*)(sp - 1), other = (ulong*)(sp - 1 - n);
        ulong t0 = top[0], t1 = top[1], t2 = top[2], t3 = top[3];
        top[0] = other[0]; top[1] = other[1]; top[2] = other[2]; top[3] = other[3];
        other[0] = t0; other[1] = t1; other[2] = t2; other[3] = t3;
    }
}
