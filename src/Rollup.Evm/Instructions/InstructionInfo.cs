namespace Rollup.Evm.Instructions;

/// <summary>What the interpreter checks before running an instruction: its static gas and its stack needs at one
/// fork. A struct in a 256-entry array so the checks are two loads and two compares.</summary>
public readonly struct InstructionInfo
{
    /// <summary>Gas charged before the instruction runs (dynamic parts are charged by the handler).</summary>
    public readonly long StaticGas;
    /// <summary>Stack items the instruction reads (underflow below this).</summary>
    public readonly short StackIn;
    /// <summary>The most items the stack may hold before the instruction so that it does not exceed 1024 after.</summary>
    public readonly short MaxStackBefore;
    /// <summary>False for opcodes this fork does not define: they halt like INVALID.</summary>
    public readonly bool Defined;

    public InstructionInfo(long staticGas, int stackIn, int stackOut, bool defined)
    {
        StaticGas = staticGas;
        // An undefined opcode "needs" an impossible stack, so the interpreter's underflow check catches it at no
        // extra cost; the halt path then tells the two apart by Defined.
        StackIn = defined ? (short)stackIn : short.MaxValue;
        MaxStackBefore = (short)(EvmLimits.StackLimit - Math.Max(0, stackOut - stackIn));
        Defined = defined;
    }
}
