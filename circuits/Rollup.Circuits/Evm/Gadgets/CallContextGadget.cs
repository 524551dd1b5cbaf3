using Rollup.Evm.Tracing.Zk;
using Rollup.Plonk.Circuit;

namespace Rollup.Circuits.Evm.Gadgets;

/// <summary>ADDRESS, CALLER, CALLVALUE and CALLDATASIZE (2 gas each): read one field of the call's context — the
/// read/write log's <see cref="RwTag.CallContext"/> entry (id = call id, key = the field) — and push it. The value is
/// whatever the call's entry wrote there: the state circuit makes the read return that write, so the begin-transaction
/// (or call) step that writes the context is what binds it to the transaction. The stack must have room.</summary>
public sealed class CallContextGadget(CallContextField contextField) : IGadget
{
    public ExecutionState State => contextField switch
    {
        CallContextField.CalleeAddress => ExecutionState.Address,
        CallContextField.CallerAddress => ExecutionState.Caller,
        CallContextField.Value => ExecutionState.CallValue,
        CallContextField.CallDataLength => ExecutionState.CallDataSize,
        _ => throw new ArgumentOutOfRangeException(nameof(contextField)),
    };

    public IReadOnlyList<byte> Opcodes => [contextField switch
    {
        CallContextField.CalleeAddress => (byte)0x30,
        CallContextField.CallerAddress => (byte)0x33,
        CallContextField.Value => (byte)0x34,
        _ => (byte)0x36,
    }];

    private SmallRange _roomLeft = null!;

    public void Configure(GadgetBuilder b)
    {
        b.Require($"opcode is {State.ToString().ToUpperInvariant()}", b.Cur(StepField.Opcode) - Opcodes[0]);
        var size = b.Cur(StepField.StackSize);
        _roomLeft = SmallRange.Declare(b, "1023 - stack size", 1023 - size);

        var read = b.Slot();
        b.Require("slot 0 is a call-context read: is_write", read.IsWrite);
        b.Require("slot 0 is a call-context read: tag", read.Tag - RwSlot.TagValue(RwTag.CallContext));
        b.Require("slot 0 is a call-context read: call id", read.Id - b.Cur(StepField.CallId));
        b.Require("slot 0 is a call-context read: address", read.Address);
        b.Require($"slot 0 is a call-context read: key is {contextField}", read.KeyLo - (int)contextField);
        b.Require("slot 0 is a call-context read: key high", read.KeyHi);
        b.Require("slot 0: a read keeps the value (lo)", read.PrevLo - read.ValueLo);
        b.Require("slot 0: a read keeps the value (hi)", read.PrevHi - read.ValueHi);

        var pushed = b.StackAt(write: true, size);
        b.Require("pushes the context value (lo)", pushed.ValueLo - read.ValueLo);
        b.Require("pushes the context value (hi)", pushed.ValueHi - read.ValueHi);
        b.Transition(gasCost: Expression.Constant(2), stackDelta: 1);
    }

    public void Assign(StepContext step) => _roomLeft.Assign(step, 1023 - step.Step!.StackPointer);
}
