using Rollup.Circuits.Evm.Math;
using Rollup.Evm.Tracing.Zk;
using Rollup.Plonk.Circuit;

namespace Rollup.Circuits.Evm.Gadgets;

/// <summary>SLOAD: pops a key, pushes the value of that storage slot of the running contract (the call's callee, read
/// from its context). EIP-2929: the slot is marked warm for the transaction; 100 gas if it already was, 2,100 if it
/// was cold (the warm flag's previous value, which the state circuit proves).</summary>
public sealed class SloadGadget : IGadget
{
    public const long WarmCost = 100, ColdCost = 2_100;

    public ExecutionState State => ExecutionState.Sload;
    public IReadOnlyList<byte> Opcodes => [0x54];

    public void Configure(GadgetBuilder b)
    {
        b.Require("opcode is SLOAD", b.Cur(StepField.Opcode) - 0x54);
        var callee = StateAccess.ContextRead(b, "the contract", CallContextField.CalleeAddress);
        var address = StateAccess.AddressOf(callee);
        var key = b.StackPop(1);
        var warm = StateAccess.Slot(b, "warm the slot", true, RwTag.AccessListStorage, b.Cur(StepField.TxId), address, key.ValueLo);
        b.Reversible(warm);
        b.Require("warm the slot: key high", warm.KeyHi - key.ValueHi);
        b.Require("warm the slot: warm", warm.ValueLo - 1);
        b.Require("warm the slot: warm (hi)", warm.ValueHi);
        b.Require("was warm is a bit", warm.PrevLo * (1 - warm.PrevLo));
        b.Require("was warm (hi)", warm.PrevHi);
        var read = StateAccess.Slot(b, "storage read", false, RwTag.Storage, Expression.Constant(0), address, key.ValueLo);
        b.Require("storage read: key high", read.KeyHi - key.ValueHi);
        var pushed = b.StackPush(0, stackDelta: 0);
        b.Require("pushes the stored value (lo)", pushed.ValueLo - read.ValueLo);
        b.Require("pushes the stored value (hi)", pushed.ValueHi - read.ValueHi);
        b.Transition(gasCost: ColdCost - (ColdCost - WarmCost) * warm.PrevLo, stackDelta: 0);
    }

    public void Assign(StepContext step) { }
}
