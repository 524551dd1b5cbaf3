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

        if (rules.IsIstanbul || rules.IsEip1283)
            cost += NetMeteredCost(env, address, key, current, value);
        else
            cost += LegacyCost(env, current, value);

        if ((f.Gas -= cost) < 0) return ExitReason.OutOfGas;
        state.SetStorage(address, key, value);
        return ExitReason.Running;
    }

    /// <summary>Before net metering: set 20,000, otherwise 5,000, and a 15,000 refund for clearing.</summary>
    private static long LegacyCost(ExecutionEnvironment env, in UInt256 current, in UInt256 value)
    {
        if (current.IsZero && !value.IsZero) return GasCosts.SstoreSet;
        if (!current.IsZero && value.IsZero) env.State.AddRefund(GasCosts.SstoreClearRefundLegacy);
        return GasCosts.SstoreReset;
    }

    /// <summary>EIP-2200 net gas metering (EIP-1283 in Constantinople), with EIP-2929's prices from Berlin and
    /// EIP-3529's smaller clearing refund from London. Charges by comparing the slot's original (transaction start),
    /// current and new values; refunds undo the charge when a slot is restored within the transaction.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static long NetMeteredCost(ExecutionEnvironment env, in Core.Types.Address address, in UInt256 key, in UInt256 current, in UInt256 value)
    {
        var rules = env.Rules;
        var state = env.State;
        long warmRead = rules.IsBerlin ? GasCosts.WarmStorageRead : rules.IsIstanbul ? 800 : 200;
        long reset = rules.IsBerlin ? GasCosts.SstoreReset - GasCosts.ColdSload : GasCosts.SstoreReset;
        long clearRefund = rules.IsLondon ? GasCosts.SstoreClearRefundLondon : GasCosts.SstoreClearRefundLegacy;

        if (current == value) return warmRead;
        var original = state.GetOriginalStorage(address, key);
        if (original == current)
        {
            if (original.IsZero) return GasCosts.SstoreSet;
            if (value.IsZero) state.AddRefund(clearRefund);
            return reset;
        }
        // The slot is already dirty in this transaction.
        if (!original.IsZero)
        {
            if (current.IsZero) state.SubtractRefund(clearRefund);
            else if (value.IsZero) state.AddRefund(clearRefund);
        }
        if (original == value)
            state.AddRefund(original.IsZero ? GasCosts.SstoreSet - warmRead : reset - warmRead);
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
