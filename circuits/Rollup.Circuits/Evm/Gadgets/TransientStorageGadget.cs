using Rollup.Circuits.Evm.Math;
using Rollup.Evm.Tracing.Zk;
using Rollup.Plonk.Circuit;

namespace Rollup.Circuits.Evm.Gadgets;

/// <summary>TLOAD and TSTORE (EIP-1153, 100 gas each) on the running contract's transient storage (the call's callee,
/// from its context). Transient slots belong to the transaction (id = tx id), so each transaction starts them at zero
/// (the state circuit's zero start). TLOAD pops a key and pushes the slot's value; TSTORE pops a key and a value and
/// writes it, only in a call that is not static (a static one fails with an error state instead).</summary>
public sealed class TransientStorageGadget(bool isStore) : IGadget
{
    public const long Cost = 100;

    public ExecutionState State => isStore ? ExecutionState.Tstore : ExecutionState.Tload;
    public IReadOnlyList<byte> Opcodes => [isStore ? (byte)0x5d : (byte)0x5c];

    public void Configure(GadgetBuilder b)
    {
        b.Require($"opcode is {(isStore ? "TSTORE" : "TLOAD")}", b.Cur(StepField.Opcode) - Opcodes[0]);
        var address = StateAccess.AddressOf(StateAccess.ContextRead(b, "the contract", CallContextField.CalleeAddress));
        if (isStore)
        {
            var isStatic = StateAccess.ContextRead(b, "static call", CallContextField.IsStatic);
            b.Require("not in a static call", isStatic.ValueLo);
        }
        var key = b.StackPop(1);
        var tx = b.Cur(StepField.TxId);
        if (isStore)
        {
            var value = b.StackPop(2);
            var write = StateAccess.Slot(b, "transient write", true, RwTag.TransientStorage, tx, address, key.ValueLo);
            b.Reversible(write);
            b.Require("transient write: key high", write.KeyHi - key.ValueHi);
            b.Require("writes the popped value (lo)", write.ValueLo - value.ValueLo);
            b.Require("writes the popped value (hi)", write.ValueHi - value.ValueHi);
            b.Transition(gasCost: Expression.Constant(Cost), stackDelta: -2);
            return;
        }
        var read = StateAccess.Slot(b, "transient read", false, RwTag.TransientStorage, tx, address, key.ValueLo);
        b.Require("transient read: key high", read.KeyHi - key.ValueHi);
        var pushed = b.StackPush(0, stackDelta: 0);
        b.Require("pushes the slot's value (lo)", pushed.ValueLo - read.ValueLo);
        b.Require("pushes the slot's value (hi)", pushed.ValueHi - read.ValueHi);
        b.Transition(gasCost: Expression.Constant(Cost), stackDelta: 0);
    }

    public void Assign(StepContext step) { }
}
