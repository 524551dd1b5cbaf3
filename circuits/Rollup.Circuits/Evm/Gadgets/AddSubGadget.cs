using System.Numerics;
using Rollup.Core.Numerics;
using Rollup.Crypto.Bn254.Fields;
using Rollup.Plonk.Circuit;

namespace Rollup.Circuits.Evm.Gadgets;

/// <summary>ADD and SUB (3 gas, two pops, one push). Both are checked as one addition x + y = z (mod 2^256) on 128-bit
/// limbs with two carry bits: for ADD, (x, y, z) = (a, b, result); for SUB, (x, y, z) = (result, b, a). The result is
/// range-checked as 32 bytes, so it is a canonical word.</summary>
public sealed class AddSubGadget(bool isSub) : IGadget
{
    private static readonly Fr TwoTo128 = Fr.FromBigInteger(BigInteger.One << 128);

    public ExecutionState State => isSub ? ExecutionState.Sub : ExecutionState.Add;
    public IReadOnlyList<byte> Opcodes => [isSub ? (byte)0x03 : (byte)0x01];

    private WordBytes _result = null!;
    private CellRef _carryLo = null!, _carryHi = null!;

    public void Configure(GadgetBuilder b)
    {
        b.Require($"opcode is {(isSub ? "SUB" : "ADD")}", b.Cur(StepField.Opcode) - Opcodes[0]);
        var a = b.StackPop(1);
        var bb = b.StackPop(2);
        var c = b.StackPush(0, stackDelta: -1);
        _result = b.Word("result");
        _carryLo = b.Cell("carry out of the low limb");
        _carryHi = b.Cell("carry out of the word");
        b.Require("result low limb is the written value", c.ValueLo - _result.Lo);
        b.Require("result high limb is the written value", c.ValueHi - _result.Hi);

        var (xLo, xHi, zLo, zHi) = isSub ? (c.ValueLo, c.ValueHi, a.ValueLo, a.ValueHi) : (a.ValueLo, a.ValueHi, c.ValueLo, c.ValueHi);
        var two128 = Expression.Constant(TwoTo128);
        b.Require("low limbs add up", xLo + bb.ValueLo - zLo - _carryLo * two128);
        b.Require("high limbs add up", xHi + bb.ValueHi + _carryLo - zHi - _carryHi * two128);
        b.Require("low carry is a bit", _carryLo * (1 - (Expression)_carryLo));
        b.Require("high carry is a bit", _carryHi * (1 - (Expression)_carryHi));
        b.Transition(gasCost: Expression.Constant(3), stackDelta: -1);
    }

    public void Assign(StepContext step)
    {
        var a = step.Rw[0].Value;
        var b = step.Rw[1].Value;
        var result = step.Rw[2].Value;
        step.Set(_result, result);
        var (x, z) = isSub ? (result, a) : (a, result);
        var mask = (BigInteger.One << 128) - 1;
        var xBig = x.ToBigInteger();
        var yBig = b.ToBigInteger();
        bool carryLo = (xBig & mask) + (yBig & mask) > mask;
        bool carryHi = xBig + yBig >= BigInteger.One << 256;
        step.Set(_carryLo, carryLo ? 1UL : 0UL);
        step.Set(_carryHi, carryHi ? 1UL : 0UL);
    }
}
