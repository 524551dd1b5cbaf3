using System.Numerics;
using Rollup.Circuits.Evm.Math;
using Rollup.Plonk.Circuit;

namespace Rollup.Circuits.Evm.Gadgets;

/// <summary>MULMOD (8 gas, pops a, b, n, one push): (a·b) mod n over the integers (the 512-bit product is not wrapped), 0
/// for n = 0. Proves a·b = k·n' + r with r &lt; n', n' = n + is_zero(n) (n = 0 gives n' = 1, so r = 0).
/// <para>k can be as large as a·b (n' = 1): it is 64 byte cells (eight 64-bit limbs). Both products are regrouped into
/// four 128-bit chunks (<see cref="WideProduct"/>) and compared over 512 bits by a <see cref="CarryChain"/> with a zero
/// final carry; the columns of k·n' at or above 2^512 are proven zero (<see cref="WideProduct.ProductsFrom"/>), so the
/// chunks hold all of k·n' and the equation holds as integers. a, b, n, k and r are byte cells (a and b need 64-bit
/// limbs for their product); 251 of the step's 256 byte cells.</para></summary>
public sealed class MulModGadget : IGadget
{
    public ExecutionState State => ExecutionState.MulMod;
    public IReadOnlyList<byte> Opcodes => [0x09];

    private WordBytes _a = null!, _b = null!, _modulus = null!, _quotientLow = null!, _quotientHigh = null!, _remainder = null!;
    private IsZeroWord _modulusIsZero = null!;
    private LessThanWords _remainderBelowModulus = null!;
    private CarryChain _chain = null!;

    public void Configure(GadgetBuilder b)
    {
        b.Require("opcode is MULMOD", b.Cur(StepField.Opcode) - 0x09);
        var x = b.StackPop(1);
        var y = b.StackPop(2);
        var n = b.StackPop(3);
        var written = b.StackPush(0, stackDelta: -2);
        _a = b.Word("a");
        _b = b.Word("b");
        _modulus = b.Word("n");
        _quotientLow = b.Word("k mod 2^256");
        _quotientHigh = b.Word("k / 2^256");
        _remainder = b.Word("r");
        b.Require("a low limb is its bytes", x.ValueLo - _a.Lo);
        b.Require("a high limb is its bytes", x.ValueHi - _a.Hi);
        b.Require("b low limb is its bytes", y.ValueLo - _b.Lo);
        b.Require("b high limb is its bytes", y.ValueHi - _b.Hi);
        b.Require("n low limb is its bytes", n.ValueLo - _modulus.Lo);
        b.Require("n high limb is its bytes", n.ValueHi - _modulus.Hi);

        _modulusIsZero = IsZeroWord.Configure(b, "n", _modulus.Lo, _modulus.Hi);
        Expression nz = _modulusIsZero.IsZero;
        var modulusLimbs = WideProduct.Limbs64(_modulus.Bytes);
        modulusLimbs[0] += nz; // n' = n + is_zero(n)
        _remainderBelowModulus = LessThanWords.Configure(b, "r < n'", _remainder.Lo, _remainder.Hi, _modulus.Lo + nz, _modulus.Hi);

        var quotientLimbs = WideProduct.Limbs64(_quotientLow.Bytes).Concat(WideProduct.Limbs64(_quotientHigh.Bytes)).ToArray();
        var ab = WideProduct.Chunks(WideProduct.Limbs64(_a.Bytes), WideProduct.Limbs64(_b.Bytes), 4);
        var kn = WideProduct.Chunks(quotientLimbs, modulusLimbs, 4);
        b.Require("k·n' < 2^512: its columns from 2^512 up are zero", WideProduct.ProductsFrom(quotientLimbs, modulusLimbs, 8));
        _chain = CarryChain.Configure(b, "a·b = k·n' + r", ab, [kn[0] + _remainder.Lo, kn[1] + _remainder.Hi, kn[2], kn[3]]);

        b.Require("result low limb is r", written.ValueLo - _remainder.Lo);
        b.Require("result high limb is r", written.ValueHi - _remainder.Hi);
        b.Transition(gasCost: Expression.Constant(8), stackDelta: -2);
    }

    public void Assign(StepContext step)
    {
        var a = step.Rw[0].Value.ToBigInteger();
        var bb = step.Rw[1].Value.ToBigInteger();
        var modulus = step.Rw[2].Value;
        var n = modulus.ToBigInteger();
        var nPrime = n.IsZero ? BigInteger.One : n;
        var k = BigInteger.DivRem(a * bb, nPrime, out var r);
        ByteCells.Set(step, _a, a);
        ByteCells.Set(step, _b, bb);
        ByteCells.Set(step, _modulus, n);
        ByteCells.Set(step, _quotientLow, k & ((BigInteger.One << 256) - 1));
        ByteCells.Set(step, _quotientHigh, k >> 256);
        ByteCells.Set(step, _remainder, r);
        _modulusIsZero.Assign(step, modulus);
        _remainderBelowModulus.Assign(step, r, nPrime);

        var mask = WideProduct.TwoTo128 - 1;
        var ab = WideProduct.Chunks(WideProduct.Limbs64(a, 4), WideProduct.Limbs64(bb, 4), 4);
        var kn = WideProduct.Chunks(WideProduct.Limbs64(k, 8), WideProduct.Limbs64(nPrime, 4), 4);
        _chain.Assign(step, ab, [kn[0] + (r & mask), kn[1] + (r >> 128), kn[2], kn[3]]);
    }
}
