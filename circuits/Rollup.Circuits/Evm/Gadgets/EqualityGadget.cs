using Rollup.Circuits.Evm.Math;
using Rollup.Plonk.Circuit;

namespace Rollup.Circuits.Evm.Gadgets;

/// <summary>EQ (two pops, one push) and ISZERO (one pop, one push), 3 gas each. Both ask whether a word difference is
/// zero, limb by limb: for EQ the limbs of a − b, for ISZERO a's own limbs. Each limb gets a zero test with a pinned
/// inverse (<see cref="ComparisonZeroTest"/>), and the pushed word is the product of the two tests (a bit; high limb
/// zero), so it is canonical. Testing the limbs separately needs no assumption on their range.</summary>
public sealed class EqualityGadget(bool isZero) : IGadget
{
    public ExecutionState State => isZero ? ExecutionState.IsZero : ExecutionState.Eq;
    public IReadOnlyList<byte> Opcodes => [isZero ? (byte)0x15 : (byte)0x14];

    private ComparisonZeroTest _lo = null!, _hi = null!;

    public void Configure(GadgetBuilder b)
    {
        b.Require($"opcode is {(isZero ? "ISZERO" : "EQ")}", b.Cur(StepField.Opcode) - Opcodes[0]);
        var a = b.StackPop(1);
        Expression dLo = a.ValueLo, dHi = a.ValueHi;
        int stackDelta = 0;
        if (!isZero)
        {
            var bb = b.StackPop(2);
            dLo = a.ValueLo - bb.ValueLo;
            dHi = a.ValueHi - bb.ValueHi;
            stackDelta = -1;
        }
        var c = b.StackPush(0, stackDelta);
        _lo = new ComparisonZeroTest(b, "low limb difference", dLo);
        _hi = new ComparisonZeroTest(b, "high limb difference", dHi);
        b.Require("result is both limbs zero", c.ValueLo - _lo.IsZero.Expr * _hi.IsZero);
        b.Require("result high limb is zero", c.ValueHi);
        b.Transition(gasCost: Expression.Constant(3), stackDelta: stackDelta);
    }

    public void Assign(StepContext step)
    {
        var a = step.Rw[0].Value;
        // Field differences of the limbs (not the limbs of a − b mod 2^256, which borrow).
        var lo = isZero ? Witness.Words.Lo(a) : Witness.Words.Lo(a) - Witness.Words.Lo(step.Rw[1].Value);
        var hi = isZero ? Witness.Words.Hi(a) : Witness.Words.Hi(a) - Witness.Words.Hi(step.Rw[1].Value);
        _lo.Assign(step, lo);
        _hi.Assign(step, hi);
    }
}
