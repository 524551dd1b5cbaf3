using System.Runtime.CompilerServices;
using Rollup.Core.Numerics;
using Rollup.Evm.Execution;
using Rollup.Evm.Gas;

namespace Rollup.Evm.Instructions;

/// <summary>SLOAD, SSTORE (with the EIP-2200/2929/3529 gas and refund rules), TLOAD and TSTORE (EIP-1153).</summary>
internal static unsafe class StorageOps
{
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static ExitReason SLoad(ExecutionEnvironment env, CallFrame f)
    {
        ref var top = ref f.StackPointer[f.StackSize - 1];
        if (env.Rules.IsBerlin && env.State.WarmStorage(f.Message.Recipient, top))
            if ((f.Gas -= GasCosts.ColdSloadSurcharge) < 0) return ExitReason.OutOfGas;
        top = env.State.GetStorage(f.Message.Recipient, top);
        return ExitReason.Running;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static ExitReason SStore(ExecutionEnvironment env, CallFrame f)
    {
        if (f.IsStatic) return ExitReason.StaticStateChange;
        var rules = env.Rules;
        // EIP-2200 (and EIP-1706 before it): SSTORE needs more than the call stipend left, so a 2,300-gas callee
        // can never write storage.
        if (rules.IsIstanbul && f.Gas <= GasCosts.SstoreSentry) return ExitReason.OutOfGas;

        UInt256* sp = f.StackPointer + f.StackSize;
        f.StackSize -= 2;
        var key = sp[-1];
        var value = sp[-2];
        var address = f.Message.Recipient;
        var state = env.State;

        long cost = 0;
        if (rules.IsBerlin && state.WarmStorage(address, key)) cost += GasCosts.ColdSload;
        var current = state.GetStorage(address, key);

        long refund;
        if (rules.IsIstanbul || rules.IsEip1283)
            cost += NetMeteredCost(env, address, key, current, value, out refund);
        else
            cost += LegacyCost(current, value, out refund);

        if ((f.Gas -= cost) < 0) return ExitReason.OutOfGas;
        state.SetStorage(address, key, value);
        // The refund changes once, by its net amount, after the write: the zk trace then logs at most one refund write
        // per SSTORE, last (its circuit takes it as an optional access). A failed call undoes it either way.
        if (refund > 0) state.AddRefund(refund);
        else if (refund < 0) state.SubtractRefund(-refund);
        return ExitReason.Running;
    }

    /// <summary>Before net metering: set 20,000, otherwise 5,000, and a 15,000 refund for clearing.</summary>
    private static long LegacyCost(in UInt256 current, in UInt256 value, out long refund)
    {
        refund = !current.IsZero && value.IsZero ? GasCosts.SstoreClearRefundLegacy : 0;
        return current.IsZero && !value.IsZero ? GasCosts.SstoreSet : GasCosts.SstoreReset;
    }

    /// <summary>EIP-2200 net gas metering (EIP-1283 in Constantinople), with EIP-2929's prices from Berlin and
    /// EIP-3529's smaller clearing refund from London. Charges by comparing the slot's original (transaction start),
    /// current and new values; the refund (<paramref name="refund"/>, possibly negative) undoes the charge when a slot is
    /// restored within the transaction.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static long NetMeteredCost(ExecutionEnvironment env, in Core.Types.Address address, in UInt256 key, in UInt256 current, in UInt256 value,
        out long refund)
    {
        var rules = env.Rules;
        long warmRead = rules.IsBerlin ? GasCosts.WarmStorageRead : rules.IsIstanbul ? 800 : 200;
        long reset = rules.IsBerlin ? GasCosts.SstoreReset - GasCosts.ColdSload : GasCosts.SstoreReset;
        long clearRefund = rules.IsLondon ? GasCosts.SstoreClearRefundLondon : GasCosts.SstoreClearRefundLegacy;

        refund = 0;
        if (current == value) return warmRead;
        var original = env.State.GetOriginalStorage(address, key);
        if (original == current)
        {
            if (original.IsZero) return GasCosts.SstoreSet;
            if (value.IsZero) refund = clearRefund;
            return reset;
        }
        // The slot is already dirty in this transaction.
        if (!original.IsZero)
        {
            if (current.IsZero) refund -= clearRefund;
            else if (value.IsZero) refund += clearRefund;
        }
        if (original == value)
            refund += original.IsZero ? GasCosts.SstoreSet - warmRead : reset - warmRead;
        return warmRead;
    }

    public static ExitReason TLoad(ExecutionEnvironment env, CallFrame f)
    {
        ref var top = ref f.StackPointer[f.StackSize - 1];
        top = env.State.GetTransientStorage(f.Message.Recipient, top);
        return ExitReason.Running;
    }

    public static ExitReason TStore(ExecutionEnvironment env, CallFrame f)
    {
        if (f.IsStatic) return ExitReason.StaticStateChange;
        UInt256* sp = f.StackPointer + f.StackSize;
        f.StackSize -= 2;
        env.State.SetTransientStorage(f.Message.Recipient, sp[-1], sp[-2]);
        return ExitReason.Running;
    }
}
