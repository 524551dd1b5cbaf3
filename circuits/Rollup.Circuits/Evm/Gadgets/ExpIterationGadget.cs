using System.Numerics;
using Rollup.Circuits.Evm.Math;
using Rollup.Core.Numerics;
using Rollup.Plonk.Circuit;

namespace Rollup.Circuits.Evm.Gadgets;

/// <summary>What one EXP iteration multiplies: the operands it carries and its running state before the product.</summary>
public sealed record ExpIterationWitness(UInt256 Base, UInt256 Exponent, UInt256 Result, UInt256 Accumulator, UInt256 Prefix, bool Square);

/// <summary>One multiplication of an EXP (<see cref="ExpGadget"/>), as a step of its own after the EXP step: it keeps the
/// invariant accumulator = base^prefix mod 2^256 by either squaring (prefix doubles) or multiplying by the base (prefix
/// + 1). Whatever the order of the two, the invariant holds, so the last iteration only has to show prefix = exponent
/// and accumulator = the pushed result. Prefixes are range-checked 128-bit limbs, so they are exact integers below
/// 2^256 (no wrap however many iterations). The step state passes through unchanged: the EXP step already moved it
/// to the next instruction's.
/// <para>Layout shared with <see cref="ExpGadget"/> (which fills the first iteration's inputs): generic cells 0–7 hold
/// base, exponent, result and prefix (lo, hi each), byte cells 0–31 the accumulator.</para></summary>
public sealed class ExpIterationGadget : IGadget
{
    public ExecutionState State => ExecutionState.ExpIteration;
    public IReadOnlyList<byte> Opcodes => [];

    /// <summary>Generic-cell indices of the carried values, and the accumulator's first byte cell.</summary>
    public const int BaseCell = 0, ExponentCell = 2, ResultCell = 4, PrefixCell = 6, AccumulatorByte = 0;

    private CellRef _baseLo = null!, _baseHi = null!, _expLo = null!, _expHi = null!, _resLo = null!, _resHi = null!, _prefixLo = null!, _prefixHi = null!;
    private CellRef _square = null!, _prefixCarry = null!;
    private WordBytes _acc = null!, _multiplier = null!, _product = null!, _prefixOut = null!;
    private CarryChain _chain = null!;

    public void Configure(GadgetBuilder b)
    {
        _baseLo = b.Cell("base lo"); _baseHi = b.Cell("base hi");
        _expLo = b.Cell("exponent lo"); _expHi = b.Cell("exponent hi");
        _resLo = b.Cell("result lo"); _resHi = b.Cell("result hi");
        _prefixLo = b.Cell("prefix lo"); _prefixHi = b.Cell("prefix hi");
        if (_baseLo != b.CellAt("base lo", BaseCell) || _prefixLo != b.CellAt("prefix lo", PrefixCell))
            throw new InvalidOperationException("EXP iteration layout moved: ExpGadget relies on it");
        _acc = b.Word("accumulator");
        _multiplier = b.Word("multiplier");
        _product = b.Word("accumulator · multiplier mod 2^256");
        _prefixOut = b.Word("prefix after");
        _square = b.Cell("squares");
        _prefixCarry = b.Cell("prefix carry");

        b.Require("follows EXP or an iteration", 1 - b.Config.Flag(ExecutionState.Exp, previous: true) - b.Config.Flag(ExecutionState.ExpIteration, previous: true));
        b.Require("squares is a bit", _square * (1 - (Expression)_square));
        b.Require("multiplier = squares ? accumulator : base (lo)", _multiplier.Lo - (_square * _acc.Lo + (1 - (Expression)_square) * _baseLo));
        b.Require("multiplier = squares ? accumulator : base (hi)", _multiplier.Hi - (_square * _acc.Hi + (1 - (Expression)_square) * _baseHi));
        var chunks = WideProduct.Chunks(WideProduct.Limbs64(_acc.Bytes), WideProduct.Limbs64(_multiplier.Bytes), 2);
        _chain = CarryChain.Configure(b, "accumulator · multiplier mod 2^256", chunks, [_product.Lo, _product.Hi], lastCarryFree: true);

        // prefix after = squares ? 2·prefix : prefix + 1, on limbs with one carry bit.
        var two128 = Expression.Constant(WordAddition.TwoTo128);
        b.Require("prefix carry is a bit", _prefixCarry * (1 - (Expression)_prefixCarry));
        b.Require("prefix after (lo)", _prefixOut.Lo + _prefixCarry * two128 - ((Expression.Constant(1) + _square) * _prefixLo + (1 - (Expression)_square)));
        b.Require("prefix after (hi)", _prefixOut.Hi - ((Expression.Constant(1) + _square) * _prefixHi + _prefixCarry));

        // Next: another iteration carries everything on; anything else ends the EXP, which must be complete.
        var more = b.Config.Flag(ExecutionState.ExpIteration, next: true);
        Expression Next(CellRef c) => c.Column.At(c.Rotation + Evm.EvmCircuitConfig.Height);
        foreach (var (cell, name) in new[] { (_baseLo, "base lo"), (_baseHi, "base hi"), (_expLo, "exponent lo"), (_expHi, "exponent hi"), (_resLo, "result lo"), (_resHi, "result hi") })
            b.Require($"next iteration: same {name}", more * (Next(cell) - cell));
        b.Require("next iteration: accumulator (lo)", more * (Limb(_acc, 0, Next) - _product.Lo));
        b.Require("next iteration: accumulator (hi)", more * (Limb(_acc, 16, Next) - _product.Hi));
        b.Require("next iteration: prefix (lo)", more * (Next(_prefixLo) - _prefixOut.Lo));
        b.Require("next iteration: prefix (hi)", more * (Next(_prefixHi) - _prefixOut.Hi));
        b.Require("last iteration: prefix = exponent (lo)", (1 - more) * (_prefixOut.Lo - _expLo));
        b.Require("last iteration: prefix = exponent (hi)", (1 - more) * (_prefixOut.Hi - _expHi));
        b.Require("last iteration: accumulator = result (lo)", (1 - more) * (_product.Lo - _resLo));
        b.Require("last iteration: accumulator = result (hi)", (1 - more) * (_product.Hi - _resHi));

        b.Transition(gasCost: Expression.Constant(0), stackDelta: 0, nextPc: b.Cur(StepField.Pc));
    }

    /// <summary>A limb of a word's byte cells on another step.</summary>
    private static Expression Limb(WordBytes w, int from, Func<CellRef, Expression> at)
    {
        Expression acc = at(w.Bytes[from + 15]);
        for (int i = from + 14; i >= from; i--) acc = acc * 256 + at(w.Bytes[i]);
        return acc;
    }

    public void Assign(StepContext step)
    {
        var w = (ExpIterationWitness)step.Extra!;
        void Limbs(CellRef lo, CellRef hi, in UInt256 v) { step.Set(lo, Witness.Words.Lo(v)); step.Set(hi, Witness.Words.Hi(v)); }
        Limbs(_baseLo, _baseHi, w.Base);
        Limbs(_expLo, _expHi, w.Exponent);
        Limbs(_resLo, _resHi, w.Result);
        Limbs(_prefixLo, _prefixHi, w.Prefix);
        step.Set(_square, w.Square ? 1UL : 0UL);
        var acc = w.Accumulator.ToBigInteger();
        var multiplier = (w.Square ? w.Accumulator : w.Base).ToBigInteger();
        var product = acc * multiplier & ((BigInteger.One << 256) - 1);
        ByteCells.Set(step, _acc, acc);
        ByteCells.Set(step, _multiplier, multiplier);
        ByteCells.Set(step, _product, product);
        var chunks = WideProduct.Chunks(WideProduct.Limbs64(acc, 4), WideProduct.Limbs64(multiplier, 4), 2);
        _chain.Assign(step, chunks, [product & (WideProduct.TwoTo128 - 1), product >> 128]);
        var prefix = w.Prefix.ToBigInteger();
        var after = w.Square ? 2 * prefix : prefix + 1;
        ByteCells.Set(step, _prefixOut, after);
        var low = prefix & (WideProduct.TwoTo128 - 1);
        step.Set(_prefixCarry, (ulong)((w.Square ? 2 * low : low + 1) >> 128));
    }

    /// <summary>The iterations of base^exponent (exponent ≥ 2), most significant bit first: from (base, prefix 1), a
    /// square for each further bit and a multiplication by the base for each further 1 bit.</summary>
    public static List<ExpIterationWitness> Schedule(in UInt256 @base, in UInt256 exponent, in UInt256 result)
    {
        var list = new List<ExpIterationWitness>();
        var e = exponent.ToBigInteger();
        var mod = (BigInteger.One << 256) - 1;
        BigInteger acc = @base.ToBigInteger(), prefix = 1, b = @base.ToBigInteger();
        for (int bit = (int)e.GetBitLength() - 2; bit >= 0; bit--)
        {
            list.Add(new ExpIterationWitness(@base, exponent, result, UInt256.FromBigInteger(acc), UInt256.FromBigInteger(prefix), true));
            acc = acc * acc & mod; prefix *= 2;
            if (((e >> bit) & 1) == 0) continue;
            list.Add(new ExpIterationWitness(@base, exponent, result, UInt256.FromBigInteger(acc), UInt256.FromBigInteger(prefix), false));
            acc = acc * b & mod; prefix += 1;
        }
        return list;
    }
}
