using System.Numerics;
using Rollup.Circuits.Evm.WordMath;
using Rollup.Core.Numerics;
using Rollup.Plonk.Circuit;

namespace Rollup.Circuits.Evm.Gadgets;

/// <summary>DIV and MOD (5 gas, two pops a and b, one push). Both prove a = b'·q + r with r &lt; b', where b' = b when
/// b ≠ 0 and b' = 1 when b = 0 (b' = b + is_zero(b), so the equations hold unconditionally: b = 0 gives q = a, r = 0).
/// DIV pushes q·(1 − is_zero(b)) (the EVM's x / 0 = 0); MOD pushes r (already 0 when b = 0, since r &lt; 1).
/// <para>q, r and b are 32 byte cells each; b'·q is compared with a − r over 512 bits in 128-bit chunks
/// (<see cref="WideProduct"/>, <see cref="CarryChain"/>, zero final carry), so a = b'·q + r holds as integers; with
/// r &lt; b' (<see cref="LessThanWords"/>) q and r are the unique quotient and remainder. a's limbs come from the stack
/// (canonical: every writer range-checks what it pushes).</para></summary>
public sealed class DivModGadget(bool isMod) : IGadget
{
    public ExecutionState State => isMod ? ExecutionState.Mod : ExecutionState.Div;
    public IReadOnlyList<byte> Opcodes => [isMod ? (byte)0x06 : (byte)0x04];

    private WordBytes _divisor = null!, _quotient = null!, _remainder = null!;
    private IsZeroWord _divisorIsZero = null!;
    private LessThanWords _remainderBelowDivisor = null!;
    private CarryChain _chain = null!;

    public void Configure(GadgetBuilder b)
    {
        b.Require($"opcode is {(isMod ? "MOD" : "DIV")}", b.Cur(StepField.Opcode) - Opcodes[0]);
        var dividend = b.StackPop(1);
        var divisor = b.StackPop(2);
        var written = b.StackPush(0, stackDelta: -1);
        _divisor = b.Word("b");
        _quotient = b.Word("q");
        _remainder = b.Word("r");
        b.Require("b low limb is its bytes", divisor.ValueLo - _divisor.Lo);
        b.Require("b high limb is its bytes", divisor.ValueHi - _divisor.Hi);

        _divisorIsZero = IsZeroWord.Configure(b, "b", _divisor.Lo, _divisor.Hi);
        Expression bz = _divisorIsZero.IsZero;
        var divisorLimbs = WideProduct.Limbs64(_divisor.Bytes);
        divisorLimbs[0] += bz; // b' = b + is_zero(b)

        _remainderBelowDivisor = LessThanWords.Configure(b, "r < b'", _remainder.Lo, _remainder.Hi, _divisor.Lo + bz, _divisor.Hi);
        var product = WideProduct.Chunks(divisorLimbs, WideProduct.Limbs64(_quotient.Bytes), 4);
        var zero = Expression.Constant(0);
        _chain = CarryChain.Configure(b, "b'·q + r = a",
            [product[0] + _remainder.Lo, product[1] + _remainder.Hi, product[2], product[3]],
            [dividend.ValueLo, dividend.ValueHi, zero, zero]);

        if (isMod)
        {
            b.Require("result low limb is r", written.ValueLo - _remainder.Lo);
            b.Require("result high limb is r", written.ValueHi - _remainder.Hi);
        }
        else
        {
            b.Require("result low limb is q, or 0 for b = 0", written.ValueLo - _quotient.Lo * (1 - bz));
            b.Require("result high limb is q, or 0 for b = 0", written.ValueHi - _quotient.Hi * (1 - bz));
        }
        b.Transition(gasCost: Expression.Constant(5), stackDelta: -1);
    }

    public void Assign(StepContext step)
    {
        var a = step.Rw[0].Value.ToBigInteger();
        var divisor = step.Rw[1].Value;
        var bb = divisor.ToBigInteger();
        var bPrime = bb.IsZero ? BigInteger.One : bb;
        var q = BigInteger.DivRem(a, bPrime, out var r);
        ByteCells.Set(step, _divisor, bb);
        ByteCells.Set(step, _quotient, q);
        ByteCells.Set(step, _remainder, r);
        _divisorIsZero.Assign(step, divisor);
        _remainderBelowDivisor.Assign(step, r, bPrime);
        var mask = WideProduct.TwoTo128 - 1;
        var product = WideProduct.Chunks(WideProduct.Limbs64(bPrime, 4), WideProduct.Limbs64(q, 4), 4);
        _chain.Assign(step, [product[0] + (r & mask), product[1] + (r >> 128), product[2], product[3]], [a & mask, a >> 128, 0, 0]);
    }
}
