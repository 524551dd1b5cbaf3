using Rollup.Circuits.Evm.Math;
using Rollup.Circuits.Tables;
using Rollup.Plonk.Circuit;

namespace Rollup.Circuits.Evm.Gadgets;

/// <summary>ORIGIN (2 gas): pushes the transaction's sender (the tx table's caller), as a canonical word.</summary>
public sealed class OriginGadget : IGadget
{
    public ExecutionState State => ExecutionState.Origin;
    public IReadOnlyList<byte> Opcodes => [0x32];

    private TxLookup _caller = null!;
    private AddressWord _word = null!;

    public void Configure(GadgetBuilder b)
    {
        b.Require("opcode is ORIGIN", b.Cur(StepField.Opcode) - 0x32);
        _caller = b.Context.Tx(b, "caller", b.Cur(StepField.TxId), TxField.CallerAddress);
        _word = AddressWord.Require(b, "origin as a word", _caller.Lo);
        var pushed = b.StackPush(0, stackDelta: 1);
        b.Require("pushes the origin (lo)", pushed.ValueLo - _word.Limbs.Lo);
        b.Require("pushes the origin (hi)", pushed.ValueHi - _word.Limbs.Hi);
        b.Transition(gasCost: Expression.Constant(2), stackDelta: 1);
    }

    public void Assign(StepContext step)
    {
        step.Set(_caller, step.Tx!, TxField.CallerAddress);
        _word.Assign(step, step.Tx!.Caller);
    }
}
