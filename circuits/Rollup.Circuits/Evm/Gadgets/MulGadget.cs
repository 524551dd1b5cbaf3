using System.Numerics;
using Rollup.Circuits.Evm.Math;
using Rollup.Plonk.Circuit;

namespace Rollup.Circuits.Evm.Gadgets;

/// <summary>MUL (5 gas, two pops, one push): a·b = c mod 2^256. a, b and c are 32 byte cells each (the operands' limbs
/// must recombine from them, and c's bytes make the result canonical). On 64-bit limbs the low 256 bits of a·b are the
/// first two 128-bit chunks of the product (<see cref="WideProduct"/>); a carry chain proves
/// chunk0 + chunk1·2^128 = c + carry·2^256 with a bounded carry, i.e. a·b ≡ c (mod 2^256): the dropped columns are
/// multiples of 2^256 anyway.</summary>
public sealed class MulGadget : IGadget
{
    public ExecutionState State => ExecutionState.Mul;
    public IReadOnlyList<byte> Opcodes => [0x02];

    private WordBytes _a = null!, _b = null!, _product = null!;
    private CarryChain _chain = null!;

    public void Configure(GadgetBuilder b)
    {
        b.Require("opcode is MUL", b.Cur(StepField.Opcode) - 0x02);
        var x = b.StackPop(1);
        var y = b.StackPop(2);
        var written = b.StackPush(0, stackDelta: -1);
        _a = b.Word("a");
        _b = b.Word("b");
        _product = b.Word("a·b mod 2^256");
        b.Require("a low limb is its bytes", x.ValueLo - _a.Lo);
        b.Require("a high limb is its bytes", x.ValueHi - _a.Hi);
        b.Require("b low limb is its bytes", y.ValueLo - _b.Lo);
        b.Require("b high limb is its bytes", y.ValueHi - _b.Hi);
        b.Require("result low limb", written.ValueLo - _product.Lo);
        b.Require("result high limb", written.ValueHi - _product.Hi);

        var chunks = WideProduct.Chunks(WideProduct.Limbs64(_a.Bytes), WideProduct.Limbs64(_b.Bytes), 2);
        _chain = CarryChain.Configure(b, "a·b = result mod 2^256", chunks, [_product.Lo, _product.Hi], lastCarryFree: true);
        b.Transition(gasCost: Expression.Constant(5), stackDelta: -1);
    }

    public void Assign(StepContext step)
    {
        var a = step.Rw[0].Value.ToBigInteger();
        var bb = step.Rw[1].Value.ToBigInteger();
        var product = step.Rw[2].Value.ToBigInteger();
        ByteCells.Set(step, _a, a);
        ByteCells.Set(step, _b, bb);
        ByteCells.Set(step, _product, product);
        var chunks = WideProduct.Chunks(WideProduct.Limbs64(a, 4), WideProduct.Limbs64(bb, 4), 2);
        var mask = WideProduct.TwoTo128 - 1;
        _chain.Assign(step, chunks, [product & mask, product >> 128]);
    }
}
