using Rollup.Core.Numerics;
using Rollup.Evm.Execution;
using Rollup.Evm.Gas;

namespace Rollup.Evm.Instructions;

/// <summary>The CALL family and CREATE/CREATE2: each charges its gas, then leaves a <see cref="Message"/> in the frame
/// for the executor, which runs the sub-call and resumes this frame with the result.</summary>
internal static unsafe class CallOps
{
    public static ExitReason Call(ExecutionEnvironment env, CallFrame f, CallKind kind)
    {
        var rules = env.Rules;
        var state = env.State;
        var sp = f.StackPointer + f.StackSize;
        bool hasValue = kind is CallKind.Call or CallKind.CallCode;
        int argc = hasValue ? 7 : 6;
        f.StackSize -= argc;

        ref readonly var requestedGas = ref sp[-1];
        var target = EvmWord.ToAddress(in sp[-2]);
        var value = hasValue ? sp[-3] : UInt256.Zero;
        int i = hasValue ? 4 : 3;
        ref readonly var inOffset = ref sp[-i];
        ref readonly var inLength = ref sp[-i - 1];
        ref readonly var outOffset = ref sp[-i - 2];
        ref readonly var outLength = ref sp[-i - 3];

        if (kind == CallKind.Call && f.IsStatic && !value.IsZero) return ExitReason.StaticStateChange;

        long gas = MemoryOps.Expand(f, f.Gas, in inOffset, in inLength, out ulong inOff, out ulong inLen);
        if (gas < 0) return ExitReason.OutOfGas;
        gas = MemoryOps.Expand(f, gas, in outOffset, in outLength, out ulong outOff, out ulong outLen);
        if (gas < 0) return ExitReason.OutOfGas;

        long cost = EnvironmentOps.AccountAccessSurcharge(env, target);
        if (!value.IsZero) cost += GasCosts.CallValueTransfer;
        if (kind == CallKind.Call && (rules.IsEip158 ? !value.IsZero && state.IsDead(target) : !state.AccountExists(target)))
            cost += GasCosts.NewAccount;
        if ((gas -= cost) < 0) return ExitReason.OutOfGas;

        long callGas;
        if (rules.IsEip150)
        {
            long cap = gas - gas / 64; // EIP-150: all but one 64th of what is left
            callGas = requestedGas.FitsInUlong && requestedGas.U0 < (ulong)cap ? (long)requestedGas.U0 : cap;
        }
        else
        {
            if (!requestedGas.FitsInUlong || requestedGas.U0 > (ulong)gas) return ExitReason.OutOfGas;
            callGas = (long)requestedGas.U0;
        }
        gas -= callGas;
        if (!value.IsZero) callGas += GasCosts.CallStipend;
        f.Gas = gas;

        var self = f.Message;
        f.ReturnOffset = outOff;
        f.ReturnLength = outLen;
        f.PendingMessage = new Message
        {
            Kind = kind,
            Depth = self.Depth + 1,
            Gas = callGas,
            Recipient = kind is CallKind.Call or CallKind.StaticCall ? target : self.Recipient,
            CodeAddress = target,
            Sender = kind == CallKind.DelegateCall ? self.Sender : self.Recipient,
            Value = kind == CallKind.DelegateCall ? self.Value : value,
            TransfersValue = kind is CallKind.Call or CallKind.CallCode,
            Input = f.Memory.ToArray(inOff, inLen),
            IsStatic = self.IsStatic || kind == CallKind.StaticCall,
        };
        return ExitReason.Running;
    }

    public static ExitReason Create(ExecutionEnvironment env, CallFrame f, CallKind kind)
    {
        if (f.IsStatic) return ExitReason.StaticStateChange;
        var rules = env.Rules;
        var sp = f.StackPointer + f.StackSize;
        int argc = kind == CallKind.Create2 ? 4 : 3;
        f.StackSize -= argc;
        var value = sp[-1];
        ref readonly var offset = ref sp[-2];
        ref readonly var length = ref sp[-3];
        var salt = kind == CallKind.Create2 ? sp[-4] : UInt256.Zero;

        long gas = MemoryOps.Expand(f, f.Gas, in offset, in length, out ulong off, out ulong len);
        if (gas < 0) return ExitReason.OutOfGas;
        if (rules.IsShanghai)
        {
            // EIP-3860: oversized initcode is an exceptional halt of the creating frame; each word costs 2 gas.
            if (len > EvmLimits.MaxInitCodeSize) return ExitReason.OutOfGas;
            gas -= GasCosts.InitCodeWord * (long)EvmWord.Words(len);
        }
        if (kind == CallKind.Create2) gas -= GasCosts.Keccak256Word * (long)EvmWord.Words(len); // hashing the initcode
        if (gas < 0) return ExitReason.OutOfGas;

        long callGas = rules.IsEip150 ? gas - gas / 64 : gas;
        gas -= callGas;
        f.Gas = gas;
        f.ReturnOffset = 0;
        f.ReturnLength = 0;
        f.PendingMessage = new Message
        {
            Kind = kind,
            Depth = f.Message.Depth + 1,
            Gas = callGas,
            Sender = f.Message.Recipient,
            Value = value,
            TransfersValue = true,
            Input = f.Memory.ToArray(off, len),
            Salt = salt,
        };
        return ExitReason.Running;
    }
}
