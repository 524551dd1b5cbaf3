using Rollup.Circuits.Evm;
using Rollup.Circuits.Witness;
using Rollup.Core.Numerics;
using Rollup.Crypto.Bn254.Fields;
using Rollup.Evm.Execution;
using Rollup.Evm.Tracing.Zk;
using Rollup.Plonk.Checking;
using Xunit.Abstractions;

namespace Rollup.Circuits.Tests.Support;

/// <summary>For the out-of-gas error states: runs a contract's code in a transaction that gives its call exactly
/// <c>gas</c>, so a test picks the gas that makes one instruction fail on its dynamic cost (or just pay for it), and
/// builds the circuit with the gadgets the trace needs plus a claimed state. Lies are told by claiming a state for a step
/// (<see cref="Claim"/>) or by setting one of the halting step's cells (<see cref="FailuresWithCell"/>).</summary>
public static class OutOfGasBed
{
    public static EvmTestbed.Built Build(byte[] code, long gas, IEnumerable<KeyValuePair<UInt256, UInt256>>? storage = null,
        ExecutionState? claimed = null, Action<List<EvmStep>>? alter = null, Action<ZkTrace>? alterTrace = null)
    {
        var batch = new TransactionBatch();
        batch.Call(batch.Deploy(code, CodeRunner.ContractAddress, storage), gas: gas);
        var traced = batch.Run()[0].Traced;
        alterTrace?.Invoke(traced.Trace);
        var needed = GadgetRegistry.Covering(traced.Trace).Select(g => g.State).ToHashSet();
        if (claimed is { } c) needed.Add(c);
        var circuit = new SuperCircuit(GadgetRegistry.All().Where(g => needed.Contains(g.State)).ToList());
        var steps = EvmWitnessBuilder.Build([traced], circuit.Evm.Gadgets);
        alter?.Invoke(steps);
        var witness = new SuperWitness(steps, batch.Codes) { Txs = [traced.Tx with { BatchSize = 1 }], Blocks = [batch.BlockRecord] };
        return new EvmTestbed.Built(circuit, circuit.Assign(witness), steps, traced.Trace);
    }

    /// <summary>With plenty of gas: the gas spent before the <paramref name="nth"/> step running <paramref name="opcode"/>
    /// and what that step costs. Giving the call <c>Before + Cost − 1</c> makes it fail there; <c>Before + Cost</c> just pays.</summary>
    public static (long Before, long Cost) Measure(byte[] code, byte opcode, IEnumerable<KeyValuePair<UInt256, UInt256>>? storage = null, int nth = 0)
    {
        const long plenty = 10_000_000;
        var batch = new TransactionBatch();
        batch.Call(batch.Deploy(code, CodeRunner.ContractAddress, storage), gas: plenty);
        var step = batch.Run()[0].Traced.Trace.Steps.Where(s => s.Opcode == opcode).ElementAt(nth);
        Assert.False(step.Halt.IsExceptional());
        return (plenty - step.GasLeft, step.GasCost);
    }

    /// <summary>The step that ended the call (the one before the end of the transaction).</summary>
    public static EvmStep Halted(EvmTestbed.Built b) => b.Steps[^2];

    /// <summary>The <paramref name="nth"/> step running <paramref name="opcode"/> claims <paramref name="state"/>.</summary>
    public static Action<List<EvmStep>> Claim(byte opcode, ExecutionState state, int nth = 0) => steps =>
    {
        int i = steps.Select((s, j) => (s, j)).Where(p => p.s.Step is { } z && z.Opcode == opcode && p.s.State != ExecutionState.ExpIteration).ElementAt(nth).j;
        steps[i] = steps[i] with { State = state };
    };

    /// <summary>Every failure, so that a test can look for the one it means among the consequences of a lie.</summary>
    public static IReadOnlyList<ConstraintFailure> Failures(EvmTestbed.Built b) => new ConstraintChecker { MaxFailures = 10_000 }.Check(b.Assignment);

    /// <summary>The honest trace: the step halts out of gas in <paramref name="state"/>, the witness satisfies every
    /// constraint, the call is not persistent and its undo block undoes every reversible write it made (the halting
    /// step's own included), and every cell the state owns, mutated, is caught.</summary>
    public static MutationReport AssertProven(EvmTestbed.Built b, ExecutionState state, ITestOutputHelper output, int undone)
    {
        Assert.Equal(ExitReason.OutOfGas, b.Trace.Steps[^1].Halt);
        var halted = Halted(b);
        Assert.Equal(state, halted.State);
        Assert.Empty(new ConstraintChecker { MaxFailures = 5 }.Check(b.Assignment));
        Assert.False(halted.IsPersistent);
        Assert.Equal(undone, halted.Undo.Count);
        var report = MutationHarness.MutateOwnedCells(b, s => s.State == state);
        report.AssertAllCaught(output);
        return report;
    }

    /// <summary>The checker's failures once the halting step's cell named <paramref name="cell"/> is set to <paramref name="value"/>.</summary>
    public static IReadOnlyList<ConstraintFailure> FailuresWithCell(EvmTestbed.Built b, string cell, Fr value)
    {
        var halted = Halted(b);
        int row = (b.Steps.Count - 2) * EvmCircuitConfig.Height;
        var (column, rotation, _) = MutationHarness.OwnedCells(b.Evm, halted.State).First(c => c.Name == cell);
        var original = b.Assignment[column, row + rotation];
        b.Assignment[column, row + rotation] = value;
        var failures = Failures(b);
        b.Assignment[column, row + rotation] = original;
        return failures;
    }

    /// <summary>The end of the transaction gets <paramref name="gas"/> back from the failed call instead of nothing.</summary>
    public static Action<List<EvmStep>> KeepsGas(long gas) => steps =>
        steps[^1] = steps[^1] with { Step = EvmTestbed.With(steps[^1].Step!, gasLeft: gas) };

    public static void AssertNamed(IReadOnlyList<ConstraintFailure> failures, string constraint, ITestOutputHelper output)
    {
        output.WriteLine($"{failures.Count} failures; {constraint}: {failures.Any(f => f.Name.Contains(constraint))}");
        Assert.Contains(failures, f => f.Name.Contains(constraint));
    }
}
