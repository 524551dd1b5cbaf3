using Rollup.Plonk.Circuit;

namespace Rollup.Circuits.Evm.Gadgets;

/// <summary>JUMPI (10 gas): pops the destination and the condition; jumps if the condition is not zero, else goes on
/// at pc + 1. "Taken" is proven from both limbs of the condition (<see cref="IsZero"/>). Only a taken jump needs a valid
/// destination (<see cref="JumpTarget"/>, switched by taken); an untaken one ignores it, as the EVM does.
/// next pc = taken·destination + (1 − taken)·(pc + 1).</summary>
public sealed class JumpiGadget : IGadget
{
    public ExecutionState State => ExecutionState.Jumpi;
    public IReadOnlyList<byte> Opcodes => [0x57];

    private IsZero _condition = null!;

    public void Configure(GadgetBuilder b)
    {
        b.Require("opcode is JUMPI", b.Cur(StepField.Opcode) - 0x57);
        var destination = b.StackPop(1);
        var condition = b.StackPop(2);
        _condition = IsZero.Declare(b, "condition", condition.ValueLo, condition.ValueHi);
        var taken = _condition.NonZero;

        JumpTarget.Require(b, destination, taken);
        var pc = b.Cur(StepField.Pc);
        b.Transition(gasCost: Expression.Constant(10), stackDelta: -2,
            nextPc: taken * destination.ValueLo + (1 - (Expression)taken) * (pc + 1));
    }

    public void Assign(StepContext step) => _condition.Assign(step, step.Rw[1].Value);
}
