using Rollup.Core.Chain;
using Rollup.Core.Types;
using Rollup.Evm.Execution;
using Rollup.Evm.Gas;

namespace Rollup.Evm.Instructions;

/// <summary>LOG0..LOG4: 375 gas plus 375 per topic (static) plus 8 per data byte and memory.</summary>
internal static unsafe class LogOps
{
    public static ExitReason Log(ExecutionEnvironment env, CallFrame f, int topicCount)
    {
        if (f.IsStatic) return ExitReason.StaticStateChange;
        var sp = f.StackPointer + f.StackSize;
        f.StackSize -= 2 + topicCount;
        long gas = MemoryOps.Expand(f, f.Gas, in sp[-1], in sp[-2], out ulong off, out ulong len);
        if (gas < 0) return ExitReason.OutOfGas;
        gas -= GasCosts.LogData * (long)len;
        if (gas < 0) return ExitReason.OutOfGas;
        f.Gas = gas;

        var topics = topicCount == 0 ? [] : new Hash256[topicCount];
        for (int i = 0; i < topicCount; i++) topics[i] = EvmWord.ToHash(in sp[-3 - i]);
        env.State.AddLog(new LogEntry(f.Message.Recipient, topics, f.Memory.ToArray(off, len)));
        return ExitReason.Running;
    }
}
