using Rollup.Circuits.Evm.Math;
using Rollup.Core.Numerics;
using Rollup.Crypto.Bn254.Fields;
using Rollup.Plonk.Circuit;

namespace Rollup.Circuits.Evm.Gadgets;

/// <summary>EXP (two pops, one push): base^exponent mod 2^256, for 10 + 50 gas per byte of the exponent. The byte
/// length comes from a mask over the exponent's 32 bytes (ones from the least significant byte up, zero bytes above
/// it, and the top byte under the mask not zero). Exponent 0 pushes 1 and exponent 1 the base, here; any larger
/// exponent hands base, exponent, result, accumulator = base and prefix = 1 to the <see cref="ExpIterationGadget"/>
/// steps that follow, which end only once they have multiplied up to the exponent. This step moves the step state on
/// to the next instruction; the iterations keep it.</summary>
public sealed class ExpGadget : IGadget
{
    public const long BaseCost = 10, ByteCost = 50;

    public ExecutionState State => ExecutionState.Exp;
    public IReadOnlyList<byte> Opcodes => [0x0a];

    private ByteLength _exponent = null!;
    private ComparisonZeroTest _lowMinusOne = null!, _high = null!;
    private CellRef _isOne = null!;

    public void Configure(GadgetBuilder b)
    {
        b.Require("opcode is EXP", b.Cur(StepField.Opcode) - 0x0a);
        var @base = b.StackPop(1);
        var exponent = b.StackPop(2);
        var result = b.StackPush(0, stackDelta: -1);
        // Byte length (the gas): a mask over the exponent's bytes, ones first, its top byte not zero.
        _exponent = ByteLength.Declare(b, "exponent", new Limbs(exponent.ValueLo, exponent.ValueHi));
        Expression length = _exponent.Length;

        // 0 → 1, 1 → base, ≥ 2 → iterations.
        _lowMinusOne = new ComparisonZeroTest(b, "exponent low limb − 1", exponent.ValueLo - 1);
        _high = new ComparisonZeroTest(b, "exponent high limb", exponent.ValueHi);
        _isOne = b.Cell("exponent is 1");
        b.Require("is one = both tests", _isOne - _lowMinusOne.IsZero.Expr * _high.IsZero);
        Expression nonZero = _exponent.NonZero, iterates = nonZero - _isOne;
        b.Require("exponent 0 pushes 1 (lo)", (1 - nonZero) * (result.ValueLo - 1));
        b.Require("exponent 0 pushes 1 (hi)", (1 - nonZero) * result.ValueHi);
        b.Require("exponent 1 pushes the base (lo)", _isOne * (result.ValueLo - @base.ValueLo));
        b.Require("exponent 1 pushes the base (hi)", _isOne * (result.ValueHi - @base.ValueHi));

        var next = b.Config.Flag(ExecutionState.ExpIteration, next: true);
        b.Require("iterations follow exactly when the exponent is 2 or more", next - iterates);
        Expression At(int cell) => b.CellAt("next iteration", cell, steps: 1).Expr;
        var (bl, bh) = (At(ExpIterationGadget.BaseCell), At(ExpIterationGadget.BaseCell + 1));
        b.Require("first iteration: base (lo)", iterates * (bl - @base.ValueLo));
        b.Require("first iteration: base (hi)", iterates * (bh - @base.ValueHi));
        b.Require("first iteration: exponent (lo)", iterates * (At(ExpIterationGadget.ExponentCell) - exponent.ValueLo));
        b.Require("first iteration: exponent (hi)", iterates * (At(ExpIterationGadget.ExponentCell + 1) - exponent.ValueHi));
        b.Require("first iteration: result (lo)", iterates * (At(ExpIterationGadget.ResultCell) - result.ValueLo));
        b.Require("first iteration: result (hi)", iterates * (At(ExpIterationGadget.ResultCell + 1) - result.ValueHi));
        b.Require("first iteration: prefix 1 (lo)", iterates * (At(ExpIterationGadget.PrefixCell) - 1));
        b.Require("first iteration: prefix 1 (hi)", iterates * At(ExpIterationGadget.PrefixCell + 1));
        Expression Acc(int from)
        {
            Expression acc = b.ByteCellAt("next accumulator", ExpIterationGadget.AccumulatorByte + from + 15, steps: 1);
            for (int i = from + 14; i >= from; i--) acc = acc * 256 + b.ByteCellAt("next accumulator", ExpIterationGadget.AccumulatorByte + i, steps: 1);
            return acc;
        }
        b.Require("first iteration: accumulator is the base (lo)", iterates * (Acc(0) - @base.ValueLo));
        b.Require("first iteration: accumulator is the base (hi)", iterates * (Acc(16) - @base.ValueHi));

        b.Transition(gasCost: Expression.Constant(BaseCost) + ByteCost * length, stackDelta: -1);
    }

    public void Assign(StepContext step)
    {
        var e = step.Rw[1].Value;
        _exponent.Assign(step, e);
        _lowMinusOne.Assign(step, Witness.Words.Lo(e) - Fr.One);
        _high.Assign(step, Witness.Words.Hi(e));
        step.Set(_isOne, e == UInt256.One ? 1UL : 0UL);
    }
}
