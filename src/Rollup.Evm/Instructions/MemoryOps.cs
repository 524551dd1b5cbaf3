using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using Rollup.Core.Numerics;
using Rollup.Evm.Execution;

namespace Rollup.Evm.Instructions;

/// <summary>MLOAD, MSTORE, MSTORE8, MCOPY and the memory-expansion charge every memory-touching instruction pays.
/// Gas is passed and returned by value (negative = out of gas) so the interpreter's gas local never has its
/// address taken, which would keep it out of a register for the whole loop.</summary>
internal static unsafe class MemoryOps
{
    /// <summary>Charges for growing memory to cover [offset, offset + length) and grows it. Returns the gas left,
    /// negative when it does not suffice (or the region is beyond any affordable size).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static long Expand(CallFrame f, long gas, in UInt256 offset, in UInt256 length, out ulong off, out ulong len)
    {
        off = 0; len = 0;
        if (length.IsZero) return gas; // a zero-length access touches no memory, whatever its offset
        if (!EvmWord.TryGetSize(offset, out off) || !EvmWord.TryGetSize(length, out len)) return -1;
        ulong end = off + len;
        return end <= f.Memory.Size ? gas : Grow(f, gas, end);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static long Grow(CallFrame f, long gas, ulong end)
    {
        long cost = EvmMemory.GasCost(EvmWord.Words(end));
        gas -= cost - f.Memory.Cost;
        if (gas >= 0) f.Memory.Grow(end, cost);
        return gas;
    }

    /// <summary>Charges and grows memory for a fixed-size access at the offset on top of the stack. Returns the gas
    /// left (negative: out of gas). The caller re-reads the offset from the stack afterwards rather than take it from
    /// here: a value kept across the <see cref="Grow"/> call would need a callee-saved register in the interpreter
    /// loop, which then evicts gas from its own.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static long ChargeFixed(CallFrame f, UInt256* sp, long gas, ulong size)
    {
        ref readonly var offset = ref sp[-1];
        if ((offset.U1 | offset.U2 | offset.U3) != 0 || offset.U0 > uint.MaxValue) return -1;
        ulong end = offset.U0 + size;
        return end <= f.Memory.Size ? gas : Grow(f, gas, end);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static long MLoad(CallFrame f, UInt256* sp, long gas)
    {
        gas = ChargeFixed(f, sp, gas, 32);
        if (gas >= 0)
        {
            ref byte word = ref f.Memory.At(sp[-1].U0);
            sp[-1] = new UInt256(
                BinaryPrimitives.ReverseEndianness(Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref word, 24))),
                BinaryPrimitives.ReverseEndianness(Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref word, 16))),
                BinaryPrimitives.ReverseEndianness(Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref word, 8))),
                BinaryPrimitives.ReverseEndianness(Unsafe.ReadUnaligned<ulong>(ref word)));
        }
        return gas;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static long MStore(CallFrame f, UInt256* sp, long gas)
    {
        gas = ChargeFixed(f, sp, gas, 32);
        if (gas >= 0)
        {
            ref byte word = ref f.Memory.At(sp[-1].U0);
            ref readonly var value = ref sp[-2];
            Unsafe.WriteUnaligned(ref word, BinaryPrimitives.ReverseEndianness(value.U3));
            Unsafe.WriteUnaligned(ref Unsafe.Add(ref word, 8), BinaryPrimitives.ReverseEndianness(value.U2));
            Unsafe.WriteUnaligned(ref Unsafe.Add(ref word, 16), BinaryPrimitives.ReverseEndianness(value.U1));
            Unsafe.WriteUnaligned(ref Unsafe.Add(ref word, 24), BinaryPrimitives.ReverseEndianness(value.U0));
        }
        return gas;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static long MStore8(CallFrame f, UInt256* sp, long gas)
    {
        gas = ChargeFixed(f, sp, gas, 1);
        if (gas >= 0) f.Memory.At(sp[-1].U0) = (byte)sp[-2].U0;
        return gas;
    }

    /// <summary>MCOPY(dst, src, length): EIP-5656. Memory grows to cover both regions; 3 gas per word copied.</summary>
    public static ExitReason MCopy(CallFrame f)
    {
        UInt256* sp = f.StackPointer + f.StackSize;
        f.StackSize -= 3;
        ref readonly var dst = ref sp[-1];
        ref readonly var src = ref sp[-2];
        ref readonly var length = ref sp[-3];
        if (length.IsZero) return ExitReason.Running;
        if (!EvmWord.TryGetSize(length, out ulong len)) return ExitReason.OutOfGas;
        long gas = f.Gas - 3 * (long)EvmWord.Words(len);
        var far = dst > src ? dst : src;
        gas = Expand(f, gas, in far, in length, out _, out _);
        if (gas < 0) return ExitReason.OutOfGas;
        f.Gas = gas;
        ulong d = dst.U0, s = src.U0;
        f.Memory.Slice(s, len).CopyTo(f.Memory.Slice(d, len)); // Span.CopyTo handles overlap like memmove
        return ExitReason.Running;
    }

    /// <summary>Copies <paramref name="source"/> from <paramref name="sourceOffset"/> into <paramref name="destination"/>,
    /// filling with zeros past the source's end (CALLDATACOPY, CODECOPY, EXTCODECOPY semantics).</summary>
    public static void CopyPadded(Span<byte> destination, ReadOnlySpan<byte> source, in UInt256 sourceOffset)
    {
        int copied = 0;
        if (sourceOffset < (ulong)source.Length)
        {
            var tail = source[(int)sourceOffset.U0..];
            copied = Math.Min(tail.Length, destination.Length);
            tail[..copied].CopyTo(destination);
        }
        destination[copied..].Clear();
    }

    /// <summary>The shared shape of CALLDATACOPY, CODECOPY and RETURNDATACOPY-like copies: pops (memOffset,
    /// sourceOffset, length), charges memory and 3 gas per word, and copies with zero padding.</summary>
    public static ExitReason CopyToMemory(CallFrame f, ReadOnlySpan<byte> source)
    {
        UInt256* sp = f.StackPointer + f.StackSize;
        f.StackSize -= 3;
        return CopyToMemory(f, source, in sp[-1], in sp[-2], in sp[-3]);
    }

    public static ExitReason CopyToMemory(CallFrame f, ReadOnlySpan<byte> source, in UInt256 memOffset, in UInt256 sourceOffset, in UInt256 length)
    {
        long gas = Expand(f, f.Gas, in memOffset, in length, out ulong off, out ulong len);
        if (gas < 0) return ExitReason.OutOfGas;
        gas -= 3 * (long)EvmWord.Words(len);
        if (gas < 0) return ExitReason.OutOfGas;
        f.Gas = gas;
        if (len > 0) CopyPadded(f.Memory.Slice(off, len), source, sourceOffset);
        return ExitReason.Running;
    }
}
