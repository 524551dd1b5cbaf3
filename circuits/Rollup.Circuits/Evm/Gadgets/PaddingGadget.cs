namespace Rollup.Circuits.Evm.Gadgets;

/// <summary>Steps after the last instruction: nothing happens, and the next step is padding too, so nothing can
/// follow the end of the batch's execution.</summary>
public sealed class PaddingGadget : IGadget
{
    public ExecutionState State => ExecutionState.Padding;
    public IReadOnlyList<byte> Opcodes => [];

    public void Configure(GadgetBuilder b)
    {
        b.Require("padding is followed by padding", 1 - b.Config.Flag(ExecutionState.Padding, next: true));
        // Execution ends only at the end of a transaction (or the batch is all padding): padding after an instruction
        // would let a transaction stop before paying for its gas. Row 0's predecessor is the last step (padding).
        b.Require("padding follows the end of a transaction", b.Config.Flag(ExecutionState.EndTx, previous: true) + b.Config.Flag(ExecutionState.Padding, previous: true) - 1);
        b.EndTransition();
    }

    public void Assign(StepContext step) { }
}
