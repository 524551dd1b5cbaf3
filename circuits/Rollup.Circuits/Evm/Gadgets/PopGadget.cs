namespace Rollup.Circuits.Evm.Gadgets;

/// <summary>POP: reads the top of the stack (so a POP on an empty stack cannot be proven as one) and drops it; 2 gas.</summary>
public sealed class PopGadget : IGadget
{
    public ExecutionState State => ExecutionState.Pop;
    public IReadOnlyList<byte> Opcodes => [0x50];

    public void Configure(GadgetBuilder b)
    {
        b.Require("opcode is POP", b.Cur(StepField.Opcode) - 0x50);
        b.StackPop(1);
        b.Transition(gasCost: Plonk.Circuit.Expression.Constant(2), stackDelta: -1);
    }

    public void Assign(StepContext step) { }
}
