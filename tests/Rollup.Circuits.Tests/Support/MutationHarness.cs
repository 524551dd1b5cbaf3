using Rollup.Circuits.Evm;
using Rollup.Core.Numerics;
using Rollup.Crypto.Bn254.Fields;
using Rollup.Evm.Tracing.Zk;
using Rollup.Plonk.Checking;
using Rollup.Plonk.Circuit;
using Xunit.Abstractions;

namespace Rollup.Circuits.Tests.Support;

/// <summary>Tried and caught mutations per gadget, and the ones that slipped through.</summary>
public sealed class MutationReport
{
    public SortedDictionary<string, (int Tried, int Caught)> PerGadget { get; } = [];
    public List<string> Missed { get; } = [];

    public void Add(string gadget, bool caught, string what)
    {
        var (tried, got) = PerGadget.GetValueOrDefault(gadget);
        PerGadget[gadget] = (tried + 1, got + (caught ? 1 : 0));
        if (!caught) Missed.Add(what);
    }

    public void Print(ITestOutputHelper output)
    {
        foreach (var (gadget, (tried, caught)) in PerGadget) output.WriteLine($"{gadget,-12} {caught}/{tried} mutations caught");
    }

    public void AssertAllCaught(ITestOutputHelper output)
    {
        Print(output);
        Assert.True(Missed.Count == 0, $"{Missed.Count} uncaught: " + string.Join("; ", Missed.Take(20)));
    }
}

/// <summary>Soundness tests' two kinds of lies. <see cref="MutateOwnedCells"/>: every witness cell a step's gadget owns
/// (its cells and lanes, its read/write slots, its flag, its step state) is changed in turn, and the checker must name a
/// failing constraint; the <see cref="LocalChecker"/> re-checks only what the cell can break, so this stays exhaustive
/// on real traces. <see cref="AlteredTraceFailures"/>: the trace itself lies (a wrong result, gas or pc), the witness is
/// built honestly from the lie, and the full checker must reject it.</summary>
public static class MutationHarness
{
    /// <param name="stepFilter">Which steps to mutate (all by default).</param>
    public static MutationReport MutateOwnedCells(EvmTestbed.Built b, Func<EvmStep, bool>? stepFilter = null, MutationReport? into = null)
    {
        var report = into ?? new MutationReport();
        var a = b.Assignment;
        Assert.Empty(new ConstraintChecker { MaxFailures = 5 }.Check(a)); // the local checker's precondition
        var checker = new LocalChecker(a) { MaxFailures = 1 };
        var config = b.Evm.Config;
        for (int s = 0; s < b.Steps.Count; s++)
        {
            var step = b.Steps[s];
            if (stepFilter is not null && !stepFilter(step)) continue;
            int row = s * EvmCircuitConfig.Height;
            foreach (var (column, rotation, name) in OwnedCells(b.Evm, step.State))
            {
                var cell = (column, row + rotation);
                var original = a[column, row + rotation];
                a[column, row + rotation] = original + Fr.One;
                bool caught = checker.CheckChanged(cell).Count > 0;
                a[column, row + rotation] = original;
                report.Add(step.State.ToString(), caught, $"step {s} ({step.State}) {name}");
            }
        }
        return report;
    }

    /// <summary>The cells a step of <paramref name="state"/> owns: the gadget's cells, slots, flag and step state.</summary>
    public static IEnumerable<(Column Column, int Rotation, string Name)> OwnedCells(EvmCircuit evm, ExecutionState state, bool includeStepState = true)
    {
        var config = evm.Config;
        var builder = evm.BuilderOf(state);
        foreach (var c in builder.OwnedCells) yield return (c.Column, c.Rotation, c.Name);
        foreach (var slot in builder.Slots)
            foreach (var (column, rotation) in slot.Cells) yield return (column, rotation, $"slot {slot.Index} {column.Name}");
        int flag = (int)state;
        yield return (config.Flags[flag / EvmCircuitConfig.Height], flag % EvmCircuitConfig.Height, "flag");
        if (includeStepState)
        {
            foreach (var field in Enum.GetValues<StepField>()) yield return (config.Step, (int)field, field.ToString());
            for (int i = 0; i < EvmCircuitConfig.GasByteCount; i++) yield return (config.GasBytes, i, $"gas byte {i}");
        }
    }

    /// <summary>Builds the witness from a trace changed by <paramref name="alter"/> and returns what the full checker
    /// says about it.</summary>
    public static IReadOnlyList<ConstraintFailure> AlteredTraceFailures(byte[] code, Action<ZkTrace> alter, byte[]? input = null)
    {
        var b = EvmTestbed.Build(code, alter, input: input);
        return new ConstraintChecker { MaxFailures = 10 }.Check(b.Assignment);
    }

    /// <summary>Changes the value of access <paramref name="index"/> of the first step running <paramref name="opcode"/>
    /// (both its value and, for a read, the previous value it claims to keep).</summary>
    public static Action<ZkTrace> WrongValue(byte opcode, int index, Func<UInt256, UInt256> delta) => trace =>
    {
        var step = trace.Steps.First(s => s.Opcode == opcode);
        int i = step.RwCounter + index;
        var e = trace.Rw[i];
        var value = delta(e.Value);
        trace.Rw[i] = e.IsWrite ? e with { Value = value } : e with { Value = value, Previous = value };
    };
}
