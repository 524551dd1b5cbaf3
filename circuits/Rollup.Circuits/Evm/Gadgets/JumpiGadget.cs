using Rollup.Crypto.Bn254.Fields;
using Rollup.Plonk.Circuit;

namespace Rollup.Circuits.Evm.Gadgets;

/// <summary>JUMPI (10 gas): pops the destination and the condition; jumps if the condition is not zero, else goes on
/// at pc + 1. "Taken" is proven from both limbs of the condition, each with an is-zero gadget (z = 1 − x·inv, x·z = 0,
/// inv·z = 0, so z is 1 exactly when x is 0 and the inverse cell has no freedom): taken = 1 − z_lo·z_hi. Only a taken
/// jump needs a valid destination (<see cref="JumpTarget"/>, switched by taken); an untaken one ignores it.</summary>
public sealed class JumpiGadget : IGadget
{
    public ExecutionState State => ExecutionState.Jumpi;
    public IReadOnlyList<byte> Opcodes => [0x57];

    private CellRef _inverseLo = null!, _inverseHi = null!, _zeroLo = null!, _zeroHi = null!, _taken = null!;

    public void Configure(GadgetBuilder b)
    {
        b.Require("opcode is JUMPI", b.Cur(StepField.Opcode) - 0x57);
        var destination = b.StackPop(1);
        var condition = b.StackPop(2);
        _inverseLo = b.Cell("inverse of the condition's low limb");
        _inverseHi = b.Cell("inverse of the condition's high limb");
        _zeroLo = b.Cell("the condition's low limb is zero");
        _zeroHi = b.Cell("the condition's high limb is zero");
        _taken = b.Cell("the jump is taken");
        IsZero(b, "low limb", condition.ValueLo, _inverseLo, _zeroLo);
        IsZero(b, "high limb", condition.ValueHi, _inverseHi, _zeroHi);
        b.Require("taken = 1 - (both limbs zero)", _taken - (1 - _zeroLo * (Expression)_zeroHi));

        JumpTarget.Require(b, destination, _taken);
        var pc = b.Cur(StepField.Pc);
        b.Transition(gasCost: Expression.Constant(10), stackDelta: -2,
            nextPc: _taken * destination.ValueLo + (1 - (Expression)_taken) * (pc + 1));
    }

    private static void IsZero(GadgetBuilder b, string name, Expression x, CellRef inverse, CellRef zero)
    {
        b.Require($"{name}: zero = 1 - x·inverse", zero - (1 - x * inverse));
        b.Require($"{name}: x·zero = 0", x * zero);
        b.Require($"{name}: the inverse is zero when x is (no free cell)", inverse * (Expression)zero);
    }

    public void Assign(StepContext step)
    {
        var condition = step.Rw[1].Value;
        var lo = Witness.Words.Lo(condition);
        var hi = Witness.Words.Hi(condition);
        step.Set(_inverseLo, lo.IsZero ? Fr.Zero : lo.Inverse());
        step.Set(_inverseHi, hi.IsZero ? Fr.Zero : hi.Inverse());
        step.Set(_zeroLo, lo.IsZero ? 1UL : 0UL);
        step.Set(_zeroHi, hi.IsZero ? 1UL : 0UL);
        step.Set(_taken, condition.IsZero ? 0UL : 1UL);
    }
}
