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
        *sp = new UInt256(raw >> (64 - 8 * n));
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
    public static UInt256* Push0(UInt256* sp) { *sp = default; return sp + 1; }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static UInt256* Dup(UInt256* sp, int n)
    {
        Vector256.Load((byte*)(sp - n)).Store((byte*)sp);
        return sp + 1;
    }

    /// <summary>Exchanges the top with the item n below it, as two 32-byte vector moves each way.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Swap(UInt256* sp, int n)
    {
        var top = Vector256.Load((byte*)(sp - 1));
        var other = Vector256.Load((byte*)(sp - 1 - n));
        other.Store((byte*)(sp - 1));
        top.Store((byte*)(sp - 1 - n));
    }
}
