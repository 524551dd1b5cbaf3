namespace Rollup.Circuits.Evm;

/// <summary>One execution state of the EVM circuit. <see cref="Configure"/> declares, in one place, the gadget's cells,
/// its constraints and lookups and the step transition it makes; <see cref="Assign"/>, beside it, fills those cells
/// from the step's trace. The framework fills the step state, the flag and the read/write slots itself.</summary>
public interface IGadget
{
    ExecutionState State { get; }

    /// <summary>The opcodes this state executes (empty for states without one).</summary>
    IReadOnlyList<byte> Opcodes { get; }

    void Configure(GadgetBuilder b);

    void Assign(StepContext step);
}
