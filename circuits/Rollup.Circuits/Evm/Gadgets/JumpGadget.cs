using Rollup.Plonk.Circuit;

namespace Rollup.Circuits.Evm.Gadgets;

/// <summary>JUMP (8 gas): pops the destination and continues there. The destination must be a JUMPDEST instruction
/// of this code (<see cref="JumpTarget"/>); anything else is the invalid-jump error state.</summary>
public sealed class JumpGadget : IGadget
{
    public ExecutionState State => ExecutionState.Jump;
    public IReadOnlyList<byte> Opcodes => [0x56];

    public void Configure(GadgetBuilder b)
    {
        b.Require("opcode is JUMP", b.Cur(StepField.Opcode) - 0x56);
        var destination = b.StackPop(1);
        JumpTarget.Require(b, destination, Expression.Constant(1));
        b.Transition(gasCost: Expression.Constant(8), stackDelta: -1, nextPc: destination.ValueLo);
    }

    public void Assign(StepContext step) { }
}
