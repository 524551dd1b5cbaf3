using Rollup.Circuits.Evm.Math;
using Rollup.Evm.Tracing.Zk;
using Rollup.Plonk.Circuit;

namespace Rollup.Circuits.Evm.Gadgets;

/// <summary>SELFBALANCE (5 gas): pushes the balance of the running contract (the call's callee, from its context).</summary>
public sealed class SelfBalanceGadget : IGadget
{
    public ExecutionState State => ExecutionState.SelfBalance;
    public IReadOnlyList<byte> Opcodes => [0x47];

    public void Configure(GadgetBuilder b)
    {
        b.Require("opcode is SELFBALANCE", b.Cur(StepField.Opcode) - 0x47);
        var callee = StateAccess.ContextRead(b, "the contract", CallContextField.CalleeAddress);
        var balance = StateAccess.Account(b, "its balance", false, StateAccess.AddressOf(callee), AccountField.Balance);
        var pushed = b.StackPush(0, stackDelta: 1);
        b.Require("pushes the balance (lo)", pushed.ValueLo - balance.ValueLo);
        b.Require("pushes the balance (hi)", pushed.ValueHi - balance.ValueHi);
        b.Transition(gasCost: Expression.Constant(5), stackDelta: 1);
    }

    public void Assign(StepContext step) { }
}
