using Rollup.Core.Numerics;
using Rollup.Evm.Tracing.Zk;
using Rollup.Plonk.Checking;

namespace Rollup.Circuits.Tests.Support;

/// <summary>Ways a trace can lie about one step, for <see cref="MutationHarness.AlteredTraceFailures"/>: the step is the
/// <c>occurrence</c>-th running <c>opcode</c>, and the step after it must read what it pushed (a POP), so the lie stays
/// consistent in the read/write log (the state circuit accepts it) and only the gadget can catch it.</summary>
public static class TraceLies
{
    private static int IndexOf(ZkTrace t, byte opcode, int occurrence) =>
        t.Steps.Select((s, i) => (s, i)).Where(p => p.s.Opcode == opcode).ElementAt(occurrence).i;

    /// <summary>The pushed word (the step's last access) is changed, and so is the next step's read of it.</summary>
    public static Action<ZkTrace> WrongResult(byte opcode, Func<UInt256, UInt256> change, int occurrence = 0) => t =>
    {
        int i = IndexOf(t, opcode, occurrence);
        var step = t.Steps[i];
        int w = step.RwCounter + step.RwCount - 1;
        var wrong = change(t.Rw[w].Value);
        t.Rw[w] = t.Rw[w] with { Value = wrong };
        int r = t.Steps[i + 1].RwCounter;
        t.Rw[r] = t.Rw[r] with { Value = wrong, Previous = wrong };
        // The next write to that stack slot overwrites the lie: its previous value is the lie too.
        for (int j = r + 1; j < t.Rw.Count; j++)
        {
            var e = t.Rw[j];
            if (e.Tag != RwTag.Stack || e.Id != t.Rw[w].Id || e.Key != t.Rw[w].Key) continue;
            if (e.IsWrite) { t.Rw[j] = e with { Previous = wrong }; break; }
            t.Rw[j] = e with { Value = wrong, Previous = wrong };
        }
    };

    /// <summary>The step claims to cost one gas less: every later step has one more gas left.</summary>
    public static Action<ZkTrace> CheaperByOne(byte opcode, int occurrence = 0) => t =>
    {
        int i = IndexOf(t, opcode, occurrence);
        for (int j = i + 1; j < t.Steps.Count; j++) t.Steps[j] = EvmTestbed.With(t.Steps[j], gasLeft: t.Steps[j].GasLeft + 1);
    };

    /// <summary>The lie is caught by the named constraint, and only the EVM circuit objects (the read/write log stayed
    /// consistent, so the state circuit has nothing to say).</summary>
    public static void AssertCaughtBy(IReadOnlyList<ConstraintFailure> failures, string constraint)
    {
        Assert.Contains(failures, f => f.Name.Contains(constraint));
        Assert.DoesNotContain(failures, f => f.Name.StartsWith("state"));
    }

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
                StackPointer = s.StackPointer, MemorySize = (ulong)((long)s.MemorySize + delta), RwCounter = s.RwCounter, RwCount = s.RwCount, Halt = s.Halt,
            };
        }
    };
}
