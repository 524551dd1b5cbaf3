using Rollup.Core.Numerics;
using Rollup.Evm.Tracing.Zk;

namespace Rollup.Circuits.Tests.Support;

/// <summary>Ways to make a trace lie for the soundness tests, each kept consistent where the lie is not the point (a
/// changed push is also what the next step reads, so the state circuit alone cannot be what rejects it).</summary>
public static class TraceLies
{
    /// <summary>The value written by access <paramref name="writeIndex"/> of the <paramref name="nth"/> step running
    /// <paramref name="opcode"/> changes, and the next step's first access (a read of that slot) reads the same lie.</summary>
    public static Action<ZkTrace> WrongWrittenValue(byte opcode, int writeIndex, Func<UInt256, UInt256> change, int nth = 0) => t =>
    {
        int i = t.Steps.Select((s, j) => (s, j)).Where(x => x.s.Opcode == opcode).ElementAt(nth).j;
        int w = t.Steps[i].RwCounter + writeIndex;
        var wrong = change(t.Rw[w].Value);
        t.Rw[w] = t.Rw[w] with { Value = wrong };
        int r = t.Steps[i + 1].RwCounter;
        if (t.Rw[r].Key == t.Rw[w].Key && !t.Rw[r].IsWrite) t.Rw[r] = t.Rw[r] with { Value = wrong, Previous = wrong };
    };

    /// <summary>The step after the <paramref name="nth"/> step running <paramref name="opcode"/> claims another pc.</summary>
    public static Action<ZkTrace> WrongNextPc(byte opcode, int pc, int nth = 0) => t =>
    {
        int i = t.Steps.Select((s, j) => (s, j)).Where(x => x.s.Opcode == opcode).ElementAt(nth).j;
        t.Steps[i + 1] = EvmTestbed.With(t.Steps[i + 1], pc: pc);
    };

    /// <summary>Every step after the <paramref name="nth"/> step running <paramref name="opcode"/> has
    /// <paramref name="delta"/> more gas, as if that step had cost less.</summary>
    public static Action<ZkTrace> WrongGas(byte opcode, long delta, int nth = 0) => t =>
    {
        int i = t.Steps.Select((s, j) => (s, j)).Where(x => x.s.Opcode == opcode).ElementAt(nth).j;
        for (int j = i + 1; j < t.Steps.Count; j++) t.Steps[j] = EvmTestbed.With(t.Steps[j], gasLeft: t.Steps[j].GasLeft + delta);
    };

    /// <summary>The step after the <paramref name="nth"/> step running <paramref name="opcode"/> claims a memory size
    /// <paramref name="delta"/> bytes larger (and so do all later steps, so only that step's transition is wrong).</summary>
    public static Action<ZkTrace> WrongMemorySize(byte opcode, long delta, int nth = 0) => t =>
    {
        int i = t.Steps.Select((s, j) => (s, j)).Where(x => x.s.Opcode == opcode).ElementAt(nth).j;
        for (int j = i + 1; j < t.Steps.Count; j++)
        {
            var s = t.Steps[j];
            t.Steps[j] = new ZkStep
            {
                Pc = s.Pc, Opcode = s.Opcode, GasLeft = s.GasLeft, GasCost = s.GasCost, Depth = s.Depth, CallId = s.CallId,
                StackPointer = s.StackPointer, MemorySize = (ulong)((long)s.MemorySize + delta), RwCounter = s.RwCounter, RwCount = s.RwCount,
            };
        }
    };
}
