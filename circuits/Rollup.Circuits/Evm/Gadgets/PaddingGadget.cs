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
        b.EndTransition();
    }

    public void Assign(StepContext step) { }
}
