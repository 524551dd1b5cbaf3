using System.Numerics;
using Rollup.Circuits.Evm.Math;
using Rollup.Plonk.Circuit;

namespace Rollup.Circuits.Evm.Gadgets;

/// <summary>ADDMOD (8 gas, pops a, b, n, one push): (a + b) mod n over the integers (the 257-bit sum is not wrapped), 0 for
/// n = 0. Proves a + b = k·n' + r with r &lt; n', n' = n + is_zero(n): for n = 0, n' = 1 forces r = 0, the EVM's result.
/// <para>k can reach 2^257 − 2 (n' = 1), so k = k_word + 2^256·k_top with k_word 32 byte cells and k_top a bit; k·n' is
/// k_word·n' (<see cref="WideProduct"/>) plus k_top·n' in chunks 2 and 3. Both sides are compared over 512 bits
/// (<see cref="CarryChain"/>; carries may be negative here, since a_lo + b_lo may exceed 2^128). a and b enter only
/// through their stack limbs (canonical); n, k_word and r are byte cells, r &lt; n' by <see cref="LessThanWords"/>.</para></summary>
public sealed class AddModGadget : IGadget
{
    public ExecutionState State => ExecutionState.AddMod;
    public IReadOnlyList<byte> Opcodes => [0x08];

    private WordBytes _modulus = null!, _quotient = null!, _remainder = null!;
    private CellRef _quotientTop = null!;
    private IsZeroWord _modulusIsZero = null!;
    private LessThanWords _remainderBelowModulus = null!;
    private CarryChain _chain = null!;

    public void Configure(GadgetBuilder b)
    {
        b.Require("opcode is ADDMOD", b.Cur(StepField.Opcode) - 0x08);
        var x = b.StackPop(1);
        var y = b.StackPop(2);
        var n = b.StackPop(3);
        var written = b.StackPush(0, stackDelta: -2);
        _modulus = b.Word("n");
        _quotient = b.Word("k mod 2^256");
        _quotientTop = b.Cell("k / 2^256");
        _remainder = b.Word("r");
        b.Require("n low limb is its bytes", n.ValueLo - _modulus.Lo);
        b.Require("n high limb is its bytes", n.ValueHi - _modulus.Hi);
        b.Require("k / 2^256 is a bit", _quotientTop * (1 - (Expression)_quotientTop));

        _modulusIsZero = IsZeroWord.Configure(b, "n", _modulus.Lo, _modulus.Hi);
        Expression nz = _modulusIsZero.IsZero;
        var modulusLimbs = WideProduct.Limbs64(_modulus.Bytes);
        modulusLimbs[0] += nz; // n' = n + is_zero(n)
        Expression modulusLo = _modulus.Lo + nz, modulusHi = _modulus.Hi;
        _remainderBelowModulus = LessThanWords.Configure(b, "r < n'", _remainder.Lo, _remainder.Hi, modulusLo, modulusHi);

        var product = WideProduct.Chunks(WideProduct.Limbs64(_quotient.Bytes), modulusLimbs, 4);
        var zero = Expression.Constant(0);
        _chain = CarryChain.Configure(b, "a + b = k·n' + r",
            [x.ValueLo + y.ValueLo, x.ValueHi + y.ValueHi, zero, zero],
            [product[0] + _remainder.Lo, product[1] + _remainder.Hi, product[2] + _quotientTop * modulusLo, product[3] + _quotientTop * modulusHi]);

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
        var k = BigInteger.DivRem(a + bb, nPrime, out var r);
        var kWord = k & ((BigInteger.One << 256) - 1);
        var kTop = k >> 256;
        ByteCells.Set(step, _modulus, n);
        ByteCells.Set(step, _quotient, kWord);
        step.Set(_quotientTop, (ulong)kTop);
        ByteCells.Set(step, _remainder, r);
        _modulusIsZero.Assign(step, modulus);
        _remainderBelowModulus.Assign(step, r, nPrime);

        var mask = WideProduct.TwoTo128 - 1;
        var product = WideProduct.Chunks(WideProduct.Limbs64(kWord, 4), WideProduct.Limbs64(nPrime, 4), 4);
        _chain.Assign(step, [(a & mask) + (bb & mask), (a >> 128) + (bb >> 128), 0, 0],
            [product[0] + (r & mask), product[1] + (r >> 128), product[2] + kTop * (nPrime & mask), product[3] + kTop * (nPrime >> 128)]);
    }
}
