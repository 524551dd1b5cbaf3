using Rollup.Evm.Tracing.Zk;

namespace Rollup.Circuits.Evm;

/// <summary>A gadget for an error state: it proves that a step halts its call exceptionally (out of gas, stack
/// underflow, …). The witness builder gives a step whose trace records such a halt to the error gadget that handles it,
/// not to the gadget of its opcode; error gadgets list no opcodes.</summary>
public interface IErrorGadget : IGadget
{
    /// <summary>Whether this state proves the traced step's halt (<see cref="ZkStep.Halt"/>).</summary>
    bool Handles(ZkStep step);
}
