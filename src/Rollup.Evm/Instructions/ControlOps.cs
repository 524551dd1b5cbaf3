using Rollup.Core.Numerics;
using Rollup.Evm.Execution;
using Rollup.Evm.Gas;

namespace Rollup.Evm.Instructions;

/// <summary>RETURN, REVERT and SELFDESTRUCT: the instructions that end a frame on purpose. (JUMP and JUMPI are
/// inline in the interpreter loop because they change its program counter.)</summary>
internal static unsafe class ControlOps
{
    /// <summary>RETURN and REVERT: the frame's output is the memory region given.</summary>
    public static ExitReason Return(CallFrame f, ExitReason reason)
    {
        var sp = f.StackPointer + f.StackSize;
        f.StackSize -= 2;
        long gas = MemoryOps.Expand(f, f.Gas, in sp[-1], in sp[-2], out ulong off, out ulong len);
        if (gas < 0) return ExitReason.OutOfGas;
        f.Gas = gas;
        f.Output = f.Memory.ToArray(off, len);
        return reason;
    }

    /// <summary>SELFDESTRUCT with EIP-6780 (Cancun): the balance always goes to the beneficiary, but the account is
    /// deleted only if it was created in this same transaction. Before Cancun it is always deleted.</summary>
    public static ExitReason SelfDestruct(ExecutionEnvironment env, CallFrame f)
    {
        if (f.IsStatic) return ExitReason.StaticStateChange;
        var rules = env.Rules;
        var state = env.State;
        var self = f.Message.Recipient;
        var beneficiary = EvmWord.ToAddress(in f.StackPointer[f.StackSize - 1]);
        f.StackSize--;

        long cost = 0;
        if (rules.IsBerlin && state.WarmAccount(beneficiary)) cost += GasCosts.ColdAccountAccess;
        var balance = state.GetBalance(self);
        // Creating the beneficiary costs extra: from Spurious Dragon only when value moves to a dead account,
        // in Tangerine Whistle whenever it does not exist.
        if (rules.IsEip158 ? !balance.IsZero && state.IsDead(beneficiary) : rules.IsEip150 && !state.AccountExists(beneficiary))
            cost += GasCosts.NewAccount;
        if ((f.Gas -= cost) < 0) return ExitReason.OutOfGas;

        if (!rules.IsLondon && !state.HasSelfDestructed(self)) state.AddRefund(GasCosts.SelfDestructRefund);

        bool deletes = !rules.IsCancun || state.WasCreatedInTransaction(self);
        if (beneficiary != self)
        {
            state.AddBalance(beneficiary, balance);
            state.SubtractBalance(self, balance);
        }
        else if (deletes)
        {
            state.SubtractBalance(self, balance); // a self-beneficiary of a deleted account burns the ether
        }
        if (deletes) state.MarkSelfDestructed(self);
        return ExitReason.SelfDestruct;
    }
}
