using Rollup.Evm.Tracing.Zk;

namespace Rollup.Circuits.Evm;

/// <summary>A gadget for an error state: it proves that a step halts its call exceptionally (out of gas, stack
/// underflow, …). The witness builder gives a step whose trace records such a halt to the error gadget that handles it,
/// not to the gadget of its opcode; error gadgets list no opcodes.</summary>
public interface IErrorGadget : IGadget
{
    /// <summary>Whether this state proves the traced step's halt (<see cref="ZkStep.Halt"/>).</summary>
    bool Handles(ZkStep step);

    /// <summary>Call-context fields the state reads before the step's traced accesses (as an opcode gadget's are added
    /// by the witness builder): a storage step's contract address, whose slot it warmed before running out of gas.</summary>
    IReadOnlyList<CallContextField> ContextReads => [];

    /// <summary>The opcodes whose halts the state proves, when it is for some opcodes only (out of gas on a dynamic cost):
    /// a circuit for a set of opcodes has the state only if the set has one of them. Empty: any opcode.</summary>
    IReadOnlyList<byte> HaltingOpcodes => [];
}
