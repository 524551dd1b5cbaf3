using Rollup.Circuits.Poseidon;
using Rollup.Circuits.StateTree;
using Rollup.Circuits.Witness;
using Rollup.Evm.Tracing.Zk;
using Rollup.Sequencer.Batches;
using Rollup.Sequencer.Storage;
using Rollup.State;
using Rollup.State.Store;

namespace Rollup.Bench;

/// <summary>What the state transition (previous root → new root) would add to the batch's rows if the batch circuit
/// configured it (it does not yet: docs/circuits.md). Counted from the real transition witness: the node's own tree
/// in RocksDB at the batch's previous root and the batch's read/write log, as the circuit tests build it; its new root
/// must be the batch's, or the count is of something else.</summary>
public sealed record TransitionRows(int TouchedKeys, int Regions, IReadOnlyDictionary<int, int> Permutations, int PoseidonRows, int SmtRows, int LimbRows)
{
    public int Total => PoseidonRows + SmtRows + LimbRows;

    public static TransitionRows Of(Database db, BatchRecord batch, IEnumerable<RwEntry> log)
    {
        var tree = new StateStore(db.Rocks);
        var w = StateTransitionBuilder.Build(tree, StateRoot.FromHash(batch.PrevStateRoot), log);
        if (StateRoot.ToHash(w.NewRoot) != batch.StateRoot)
            throw new InvalidOperationException($"the transition witness ends at {StateRoot.ToHash(w.NewRoot)}, the batch at {batch.StateRoot}");
        var capacity = StateTransitionCapacity.For(w);   // the touched keys plus one padding region
        int poseidon = capacity.Poseidon.Sum(p => p.Value * PoseidonChip.RowsPer(p.Key));
        return new TransitionRows(w.Updates.Count, capacity.Regions, capacity.Poseidon, poseidon, capacity.Regions * SmtUpdateChip.RegionRows, RootLimbs.Rows);
    }

    public override string ToString() =>
        $"{TouchedKeys} touched keys -> {Regions} regions x {SmtUpdateChip.RegionRows} = {SmtRows:N0} rows; Poseidon " +
        $"{string.Join(", ", Permutations.OrderBy(p => p.Key).Select(p => $"{p.Value} x t={p.Key} ({PoseidonChip.RowsPer(p.Key)} rows each)"))} = {PoseidonRows:N0} rows; " +
        $"root limbs {LimbRows}; total {Total:N0} rows";
}
