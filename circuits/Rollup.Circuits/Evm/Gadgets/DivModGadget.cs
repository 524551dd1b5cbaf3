using Rollup.Circuits.Evm.Math;
using Rollup.Plonk.Circuit;

namespace Rollup.Circuits.Evm.Gadgets;

/// <summary>DIV and MOD (5 gas, two pops a and b, one push): a = b'·q + r with r &lt; b', b' = b + is_zero(b)
/// (<see cref="WordDivision"/>). DIV pushes q·(1 − is_zero(b)) (the EVM's x / 0 = 0); MOD pushes r (already 0 when
/// b = 0, since r &lt; 1). b is 32 byte cells (its limbs must recombine from them); a enters through its stack limbs
/// (canonical: every writer range-checks what it pushes).</summary>
public sealed class DivModGadget(bool isMod) : IGadget
{
    public ExecutionState State => isMod ? ExecutionState.Mod : ExecutionState.Div;
    public IReadOnlyList<byte> Opcodes => [isMod ? (byte)0x06 : (byte)0x04];

    private WordBytes _divisor = null!;
    private WordDivision _division = null!;

    public void Configure(GadgetBuilder b)
    {
        b.Require($"opcode is {(isMod ? "MOD" : "DIV")}", b.Cur(StepField.Opcode) - Opcodes[0]);
        var dividend = b.StackPop(1);
        var divisor = b.StackPop(2);
        var written = b.StackPush(0, stackDelta: -1);
        _divisor = b.Word("b");
        b.Require("b low limb is its bytes", divisor.ValueLo - _divisor.Lo);
        b.Require("b high limb is its bytes", divisor.ValueHi - _divisor.Hi);
        _division = WordDivision.Configure(b, dividend.ValueLo, dividend.ValueHi, _divisor, ("a", "b", "q", "r"));

        if (isMod)
        {
            b.Require("result low limb is r", written.ValueLo - _division.Remainder.Lo);
            b.Require("result high limb is r", written.ValueHi - _division.Remainder.Hi);
        }
        else
        {
            var notByZero = 1 - (Expression)_division.DivisorIsZero;
            b.Require("result low limb is q, or 0 for b = 0", written.ValueLo - _division.Quotient.Lo * notByZero);
            b.Require("result high limb is q, or 0 for b = 0", written.ValueHi - _division.Quotient.Hi * notByZero);
        }
        b.Transition(gasCost: Expression.Constant(5), stackDelta: -1);
    }

    public void Assign(StepContext step)
    {
        var divisor = step.Rw[1].Value.ToBigInteger();
        ByteCells.Set(step, _divisor, divisor);
        _division.Assign(step, step.Rw[0].Value.ToBigInteger(), divisor);
    }
}
