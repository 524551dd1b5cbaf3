using Rollup.Core.Numerics;

namespace Rollup.Evm.Tracing.Zk;

/// <summary>The memory bytes an instruction reads and writes, worked out from its opcode and stack before it runs.
/// Regions beyond 4 GiB are reported empty: no gas limit can pay for them, so the instruction halts first.
/// The log records memory in 32-byte words at 32-aligned addresses (<see cref="Words"/>, <see cref="WordAt"/>): a region
/// is logged as every word it overlaps, keyed by word index (byte address / 32).</summary>
internal readonly unsafe struct MemoryAccess
{
    public ulong ReadOffset { get; init; }
    public ulong ReadLength { get; init; }
    public ulong WriteOffset { get; init; }
    public ulong WriteLength { get; init; }
    /// <summary>A region of non-zero length lies (partly) beyond 4 GiB: the instruction cannot pay for it and halts out
    /// of gas before it touches memory (its regions are reported empty).</summary>
    public bool BeyondLimit { get; init; }

    private const ulong Limit = 1UL << 32;

    /// <param name="stack">The stack bottom; <paramref name="sp"/> items are on it.</param>
    public static MemoryAccess Of(byte opcode, UInt256* stack, int sp)
    {
        switch (opcode)
        {
            case 0x51: return Fixed(stack, sp, write: false, 32);             // MLOAD
            case 0x52: return Fixed(stack, sp, write: true, 32);              // MSTORE
            case 0x53: return Fixed(stack, sp, write: true, 1);               // MSTORE8
            case 0x20: return Region(stack, sp, 0, 1, -1, -1);                // KECCAK256
            case 0x37 or 0x39 or 0x3e: return Region(stack, sp, -1, -1, 0, 2); // CALLDATACOPY, CODECOPY, RETURNDATACOPY
            case 0x3c: return Region(stack, sp, -1, -1, 1, 3);                // EXTCODECOPY
            case 0x5e: return Region(stack, sp, 1, 2, 0, 2);                  // MCOPY: reads src, writes dst
            case >= 0xa0 and <= 0xa4: return Region(stack, sp, 0, 1, -1, -1); // LOGn
            case 0xf3 or 0xfd: return Region(stack, sp, 0, 1, -1, -1);        // RETURN, REVERT
            case 0xf0 or 0xf5: return Region(stack, sp, 1, 2, -1, -1);        // CREATE, CREATE2
            case 0xf1 or 0xf2: return Region(stack, sp, 3, 4, 5, 6);          // CALL, CALLCODE
            case 0xf4 or 0xfa: return Region(stack, sp, 2, 3, 4, 5);          // DELEGATECALL, STATICCALL
            default: return default;
        }
    }

    /// <summary>The indices (byte address / 32) of the words a non-empty region [offset, offset + length) overlaps.</summary>
    public static IEnumerable<ulong> Words(ulong offset, ulong length)
    {
        for (ulong w = offset / 32; w <= (offset + length - 1) / 32; w++) yield return w;
    }

    /// <summary>Word <paramref name="wordIndex"/> of <paramref name="memory"/> as a big-endian number (memory order: the
    /// byte at the lower address is the more significant); bytes past the memory's end read as zero.</summary>
    public static UInt256 WordAt(ReadOnlySpan<byte> memory, ulong wordIndex)
    {
        Span<byte> word = stackalloc byte[32];
        ulong start = wordIndex * 32;
        for (int i = 0; i < 32; i++)
            word[i] = start + (ulong)i < (ulong)memory.Length ? memory[(int)start + i] : (byte)0;
        return UInt256.FromBigEndian(word);
    }

    /// <summary>Whether <paramref name="gas"/> (after the static cost) pays for growing memory to cover both regions and
    /// for the per-word (or per-byte) cost an instruction charges with it: KECCAK256 6 per word, MCOPY 3 per word, LOGn
    /// 8 per byte. The EVM charges these before it reads memory, so an instruction that cannot pay reads none.
    /// (CALL and CREATE charge more before they read their input: cold access, value transfer; not counted here.)</summary>
    public bool Affordable(byte opcode, long gas, ulong memorySize, long memoryCost)
    {
        if (BeyondLimit) return false;
        ulong end = Math.Max(ReadLength > 0 ? ReadOffset + ReadLength : 0, WriteLength > 0 ? WriteOffset + WriteLength : 0);
        long expansion = end <= memorySize ? 0 : Execution.EvmMemory.GasCost(EvmWord.Words(end)) - memoryCost;
        long extra = opcode switch
        {
            0x20 => Gas.GasCosts.Keccak256Word * (long)EvmWord.Words(ReadLength),
            0x5e => Gas.GasCosts.Copy * (long)EvmWord.Words(ReadLength),
            >= 0xa0 and <= 0xa4 => Gas.GasCosts.LogData * (long)ReadLength,
            _ => 0,
        };
        return gas - extra - expansion >= 0;
    }

    private static bool Small(in UInt256 v, out ulong x)
    {
        x = v.U0;
        return v.FitsInUlong && x < Limit;
    }

    /// <summary>Stack argument i (0 = top).</summary>
    private static ref UInt256 Arg(UInt256* stack, int sp, int i) => ref stack[sp - 1 - i];

    private static MemoryAccess Fixed(UInt256* stack, int sp, bool write, ulong length)
    {
        if (!Small(Arg(stack, sp, 0), out var offset)) return new() { BeyondLimit = true };
        return write ? new() { WriteOffset = offset, WriteLength = length } : new() { ReadOffset = offset, ReadLength = length };
    }

    /// <summary>A read region and a write region given by stack argument positions (-1 for none). A zero length
    /// touches nothing, whatever the offset.</summary>
    private static MemoryAccess Region(UInt256* stack, int sp, int readOffsetArg, int readLengthArg, int writeOffsetArg, int writeLengthArg)
    {
        ulong ro = 0, rl = 0, wo = 0, wl = 0;
        bool beyond = false;
        if (readLengthArg >= 0 && !Arg(stack, sp, readLengthArg).IsZero)
        {
            if (Small(Arg(stack, sp, readLengthArg), out var len) && Small(Arg(stack, sp, readOffsetArg), out var off)) (ro, rl) = (off, len);
            else beyond = true;
        }
        if (writeLengthArg >= 0 && !Arg(stack, sp, writeLengthArg).IsZero)
        {
            if (Small(Arg(stack, sp, writeLengthArg), out var len) && Small(Arg(stack, sp, writeOffsetArg), out var off)) (wo, wl) = (off, len);
            else beyond = true;
        }
        return new() { ReadOffset = ro, ReadLength = rl, WriteOffset = wo, WriteLength = wl, BeyondLimit = beyond };
    }
}
