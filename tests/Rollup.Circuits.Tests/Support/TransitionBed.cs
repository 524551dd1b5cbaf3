using Rollup.Circuits.Evm;
using Rollup.Circuits.StateTree;
using Rollup.Circuits.Witness;
using Rollup.Core.Numerics;
using Rollup.Core.Types;
using Rollup.Evm.State;
using Rollup.Evm.Tracing.Zk;
using Rollup.Plonk.Circuit;

namespace Rollup.Circuits.Tests.Support;

/// <summary>Runs a transaction batch and builds the super circuit with the state transition bound: the EVM steps, the
/// read/write table, and the state-tree regions from the batch's pre-state (the node's tree) to its new root. The
/// optional hooks let soundness tests lie: about the pre-state the regions are built from, about a key's final value,
/// about the log the regions are built from, or about the regions themselves.</summary>
public static class TransitionBed
{
    public sealed record Built(SuperCircuit Circuit, Assignment Assignment, StateTransitionWitness Witness, TransactionBatch Batch, int RwRows)
    {
        /// <summary>The batch's read/write log (the circuit's accesses).</summary>
        public IReadOnlyList<RwEntry> Log { get; init; } = [];
        public StateTransition Transition => Circuit.Transition!;
    }

    public sealed record Lies
    {
        public Action<InMemoryStateSource>? PreState { get; init; }
        public Func<(Address Address, RwTag Tag, UInt256 Key), UInt256, UInt256>? Final { get; init; }
        public Func<List<RwEntry>, List<RwEntry>>? Log { get; init; }
        public Func<StateTransitionWitness, StateTransitionWitness>? Witness { get; init; }
        public bool KeepEmptyAccounts { get; init; }
    }

    public static Built Build(TransactionBatch batch, Lies? lies = null, bool mustSucceed = true)
    {
        var run = batch.Run();
        if (mustSucceed)
            foreach (var (result, traced) in run) Assert.True(result.Success, $"transaction {traced.Tx.Id}: {result.Reason}");
        var traces = run.Select(r => r.Traced).ToList();
        var gadgets = GadgetRegistry.Covering(traces.SelectMany(t => t.Trace.Steps).Select(s => s.Opcode));
        var steps = EvmWitnessBuilder.Build(traces, gadgets);
        var rw = EvmWitnessBuilder.AccessesOf(steps);
        var pre = batch.PreState!.Clone();
        lies?.PreState?.Invoke(pre);
        var w = StateTransitionBuilder.Build(pre, lies?.Log?.Invoke(rw) ?? rw, lies?.Final, lies?.KeepEmptyAccounts ?? false);
        if (lies?.Witness is { } alter) w = alter(w);
        var circuit = new SuperCircuit(gadgets, StateTransitionCapacity.For(w));
        var witness = new SuperWitness(steps, batch.Codes)
        {
            Txs = steps.Select(s => s.Tx!).DistinctBy(t => t.Id).ToList(), Blocks = [batch.BlockRecord], Transition = w,
        };
        return new Built(circuit, circuit.Assign(witness), w, batch, rw.Count + 2) { Log = rw };
    }
}
