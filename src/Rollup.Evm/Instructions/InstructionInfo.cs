using System.Runtime.InteropServices;

namespace Rollup.Evm.Instructions;

/// <summary>What the interpreter checks before running an instruction: its static gas and its stack needs at one
/// fork. Sixteen bytes, in a 256-entry array indexed by opcode.</summary>
[StructLayout(LayoutKind.Sequential, Size = 16)]
public readonly struct InstructionInfo
{
    /// <summary>Gas charged before the instruction runs (dynamic parts are charged by the handler).</summary>
    public readonly int StaticGas;
    /// <summary>Bytes of stack (32 per item) the instruction reads: underflow below this. An undefined opcode "needs"
    /// an impossible stack, so the interpreter's stack check catches it at no extra cost.</summary>
    public readonly int MinStackBytes;
    /// <summary>How many more bytes than <see cref="MinStackBytes"/> the stack may hold before the instruction so
    /// that it stays within 1,024 items after. With it one unsigned compare, (used − Min) &gt; Span, catches both
    /// underflow (the subtraction wraps around) and overflow.</summary>
    public readonly int StackSpanBytes;
    /// <summary>False for opcodes this fork does not define: they halt like INVALID.</summary>
    public readonly bool Defined;

    public InstructionInfo(long staticGas, int stackIn, int stackOut, bool defined)
    {
        StaticGas = (int)staticGas;
        int maxBefore = (EvmLimits.StackLimit - Math.Max(0, stackOut - stackIn)) * 32;
        MinStackBytes = defined ? stackIn * 32 : int.MaxValue;
        StackSpanBytes = defined ? maxBefore - stackIn * 32 : -1;
        Defined = defined;
    }

    /// <summary>Items the instruction reads.</summary>
    public int StackIn => Defined ? MinStackBytes / 32 : 0;
}
