using Rollup.Core.Crypto;
using Rollup.Core.Numerics;
using Rollup.Evm.Execution;
using Rollup.Evm.Gas;

namespace Rollup.Evm.Instructions;

/// <summary>The instructions that read the call's context and other accounts: ADDRESS .. EXTCODEHASH, KECCAK256.
/// Handlers work on the frame (its Gas and StackSize) and return <see cref="ExitReason.Running"/> to go on.</summary>
internal static unsafe class EnvironmentOps
{
    private static UInt256* Top(CallFrame f) => f.StackPointer + f.StackSize;

    private static void Push(CallFrame f, in UInt256 value) => f.StackPointer[f.StackSize++] = value;

    /// <summary>EIP-2929: the surcharge for touching a cold account (the warm price is in the static table).</summary>
    public static long AccountAccessSurcharge(ExecutionEnvironment env, in Core.Types.Address address) =>
        env.Rules.IsBerlin && env.State.WarmAccount(address) ? GasCosts.ColdAccountSurcharge : 0;

    public static ExitReason Address(CallFrame f) { Push(f, EvmWord.FromAddress(f.Message.Recipient)); return ExitReason.Running; }
    public static ExitReason Caller(CallFrame f) { Push(f, EvmWord.FromAddress(f.Message.Sender)); return ExitReason.Running; }
    public static ExitReason CallValue(CallFrame f) { Push(f, f.Message.Value); return ExitReason.Running; }
    public static ExitReason Origin(ExecutionEnvironment env, CallFrame f) { Push(f, EvmWord.FromAddress(env.Origin)); return ExitReason.Running; }
    public static ExitReason GasPrice(ExecutionEnvironment env, CallFrame f) { Push(f, env.GasPrice); return ExitReason.Running; }
    public static ExitReason CallDataSize(CallFrame f) { Push(f, new UInt256((ulong)f.Message.Input.Length)); return ExitReason.Running; }
    public static ExitReason CodeSize(CallFrame f) { Push(f, new UInt256((ulong)f.Code.Length)); return ExitReason.Running; }
    public static ExitReason ReturnDataSize(CallFrame f) { Push(f, new UInt256((ulong)f.ReturnData.Length)); return ExitReason.Running; }

    public static ExitReason Balance(ExecutionEnvironment env, CallFrame f)
    {
        UInt256* sp = Top(f);
        var address = EvmWord.ToAddress(in sp[-1]);
        if ((f.Gas -= AccountAccessSurcharge(env, address)) < 0) return ExitReason.OutOfGas;
        sp[-1] = env.State.GetBalance(address);
        return ExitReason.Running;
    }

    public static ExitReason SelfBalance(ExecutionEnvironment env, CallFrame f)
    {
        Push(f, env.State.GetBalance(f.Message.Recipient));
        return ExitReason.Running;
    }

    public static ExitReason CallDataLoad(CallFrame f)
    {
        UInt256* sp = Top(f);
        Span<byte> word = stackalloc byte[32];
        MemoryOps.CopyPadded(word, f.Message.Input, in sp[-1]);
        sp[-1] = UInt256.FromBigEndian(word);
        return ExitReason.Running;
    }

    public static ExitReason CallDataCopy(CallFrame f) => MemoryOps.CopyToMemory(f, f.Message.Input);

    public static ExitReason CodeCopy(CallFrame f) => MemoryOps.CopyToMemory(f, f.Code.Code);

    public static ExitReason ReturnDataCopy(CallFrame f)
    {
        UInt256* sp = Top(f);
        ref readonly var dataOffset = ref sp[-2];
        ref readonly var length = ref sp[-3];
        // EIP-211: reading past the end of the return data is an exceptional halt, not zero padding.
        if (UInt256.AddOverflow(in dataOffset, in length, out var end) || end > (ulong)f.ReturnData.Length)
            return ExitReason.ReturnDataOutOfBounds;
        f.StackSize -= 3;
        return MemoryOps.CopyToMemory(f, f.ReturnData, in sp[-1], in dataOffset, in length);
    }

    public static ExitReason ExtCodeSize(ExecutionEnvironment env, CallFrame f)
    {
        UInt256* sp = Top(f);
        var address = EvmWord.ToAddress(in sp[-1]);
        if ((f.Gas -= AccountAccessSurcharge(env, address)) < 0) return ExitReason.OutOfGas;
        sp[-1] = new UInt256((ulong)env.State.GetCode(address).Length);
        return ExitReason.Running;
    }

    public static ExitReason ExtCodeCopy(ExecutionEnvironment env, CallFrame f)
    {
        UInt256* sp = Top(f);
        var address = EvmWord.ToAddress(in sp[-1]);
        f.StackSize -= 4;
        if ((f.Gas -= AccountAccessSurcharge(env, address)) < 0) return ExitReason.OutOfGas;
        return MemoryOps.CopyToMemory(f, env.State.GetCode(address), in sp[-2], in sp[-3], in sp[-4]);
    }

    public static ExitReason ExtCodeHash(ExecutionEnvironment env, CallFrame f)
    {
        UInt256* sp = Top(f);
        var address = EvmWord.ToAddress(in sp[-1]);
        if ((f.Gas -= AccountAccessSurcharge(env, address)) < 0) return ExitReason.OutOfGas;
        // EIP-1052: zero for an account that does not exist, or (EIP-161) is empty.
        sp[-1] = env.State.IsDead(address) ? UInt256.Zero : EvmWord.FromHash(env.State.GetCodeHash(address));
        return ExitReason.Running;
    }

    public static ExitReason Keccak(CallFrame f)
    {
        UInt256* sp = Top(f);
        long gas = MemoryOps.Expand(f, f.Gas, in sp[-1], in sp[-2], out ulong off, out ulong len);
        gas -= GasCosts.Keccak256Word * (long)EvmWord.Words(len);
        if (gas < 0) return ExitReason.OutOfGas;
        f.Gas = gas;
        Span<byte> hash = stackalloc byte[32];
        Keccak256.Hash(len == 0 ? ReadOnlySpan<byte>.Empty : f.Memory.Slice(off, len), hash);
        sp[-2] = UInt256.FromBigEndian(hash);
        f.StackSize--;
        return ExitReason.Running;
    }
}
