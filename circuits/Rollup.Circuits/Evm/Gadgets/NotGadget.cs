using System.Numerics;
using Rollup.Crypto.Bn254.Fields;
using Rollup.Plonk.Circuit;

namespace Rollup.Circuits.Evm.Gadgets;

/// <summary>NOT (3 gas, one pop, one push): ~a = (2^256 − 1) − a, limb by limb r + a = 2^128 − 1 (no borrow can arise
/// because every bit of 2^128 − 1 is set). The result is range-checked as 32 bytes, which also bounds a's limbs.</summary>
public sealed class NotGadget : IGadget
{
    private static readonly Fr LimbMax = Fr.FromBigInteger((BigInteger.One << 128) - 1);

    public ExecutionState State => ExecutionState.Not;
    public IReadOnlyList<byte> Opcodes => [0x19];

    private WordBytes _result = null!;

    public void Configure(GadgetBuilder b)
    {
        b.Require("opcode is NOT", b.Cur(StepField.Opcode) - 0x19);
        var a = b.StackPop(1);
        var c = b.StackPush(0, stackDelta: 0);
        _result = b.Word("result");
        b.Require("result low limb is the written value", c.ValueLo - _result.Lo);
        b.Require("result high limb is the written value", c.ValueHi - _result.Hi);
        b.Require("low limbs: a + result = 2^128 - 1", a.ValueLo + _result.Lo - Expression.Constant(LimbMax));
        b.Require("high limbs: a + result = 2^128 - 1", a.ValueHi + _result.Hi - Expression.Constant(LimbMax));
        b.Transition(gasCost: Expression.Constant(3), stackDelta: 0);
    }

    public void Assign(StepContext step) => step.Set(_result, step.Rw[1].Value);
}
