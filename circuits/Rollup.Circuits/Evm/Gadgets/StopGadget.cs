namespace Rollup.Circuits.Evm.Gadgets;

/// <summary>STOP: ends the call successfully; no stack or memory access, no gas.</summary>
public sealed class StopGadget : IGadget
{
    public ExecutionState State => ExecutionState.Stop;
    public IReadOnlyList<byte> Opcodes => [0x00];

    public void Configure(GadgetBuilder b)
    {
        b.Require("opcode is STOP", b.Cur(StepField.Opcode));
        b.EndTransition(gasCost: Plonk.Circuit.Expression.Constant(0), reverts: false);
    }

    public void Assign(StepContext step) { }
}
