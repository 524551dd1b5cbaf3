namespace Rollup.Circuits.Evm.Gadgets;

/// <summary>JUMPDEST: a marker; 1 gas, nothing else.</summary>
public sealed class JumpDestGadget : IGadget
{
    public ExecutionState State => ExecutionState.JumpDest;
    public IReadOnlyList<byte> Opcodes => [0x5b];

    public void Configure(GadgetBuilder b)
    {
        b.Require("opcode is JUMPDEST", b.Cur(StepField.Opcode) - 0x5b);
        b.Transition(gasCost: Plonk.Circuit.Expression.Constant(1), stackDelta: 0);
    }

    public void Assign(StepContext step) { }
}
