using Rollup.Circuits;
using Rollup.Circuits.Evm;
using Rollup.Circuits.Tables;
using Rollup.Circuits.Witness;
using Rollup.Proving;
using Rollup.Sequencer.Batches;

namespace Rollup.Bench;

/// <summary>What a re-executed batch takes of the batch circuit, region by region, counted from the real witness the
/// prover will build (the same steps and accesses, the same terms as SuperCircuit.MinimumK): the smallest K that fits,
/// and the steps and accesses per execution state and per transaction for the "rows per opcode" table.</summary>
public sealed class BatchRows
{
    public required IReadOnlyList<EvmStep> Steps { get; init; }
    public required IReadOnlyList<(string Region, int Rows)> Regions { get; init; }
    public required int K { get; init; }

    public int Accesses => Steps.Sum(s => s.Rw.Count);

    public static BatchRows Of(BatchCircuit circuit, BatchTrace trace, BatchRecord batch, ulong chainId)
    {
        var super = circuit.Circuit;
        var steps = EvmWitnessBuilder.Build(trace.Txs, super.Evm.Gadgets);
        var witness = new SuperWitness(steps, trace.Codes)
        {
            Txs = steps.Select(s => s.Tx!).DistinctBy(t => t.Id).ToList(),
            Blocks = trace.Blocks,
            Statement = BatchWitness.Statement(batch, chainId),
        };
        // The terms of SuperCircuit.MinimumK, named (the largest one sets K).
        var regions = new List<(string, int)>
        {
            ("EVM steps ((steps + 1 padding) x 16)", Math.Max((steps.Count + 1) * EvmCircuitConfig.Height, 256)),
            ("read/write table (accesses + 2)", 1 + steps.Sum(s => s.Rw.Count) + 1),
            ("bytecode table", 1 + trace.Codes.Values.Sum(c => c.Length + 1)),
            ("fixed lookup table (lanes)", super.Evm.Config.Lanes.Table?.RowCount ?? 0),
            ("transaction table", TxTable.RowCount(witness.Txs)),
            ("block table", BlockTable.RowCount(witness.Blocks)),
        };
        return new BatchRows { Steps = steps, Regions = regions, K = super.MinimumK(witness) };
    }

    /// <summary>Steps and accesses per execution state: each step is <see cref="EvmCircuitConfig.Height"/> rows of the
    /// EVM region, each access one row of the read/write table.</summary>
    public void PrintPerState(TextWriter o)
    {
        o.WriteLine($"  {"execution state",-24} {"steps",7} {"EVM rows",9} {"accesses/step",14}");
        foreach (var g in Steps.GroupBy(s => s.State).OrderBy(g => (int)g.Key))
        {
            int min = g.Min(s => s.Rw.Count), max = g.Max(s => s.Rw.Count);
            o.WriteLine($"  {g.Key,-24} {g.Count(),7} {g.Count() * EvmCircuitConfig.Height,9} {(min == max ? $"{min}" : $"{min}..{max}"),14}");
        }
    }

    /// <summary>Per transaction: its steps and accesses, with the states in order for a short transaction and counted
    /// per state for a long one (a loop); identical transactions are printed once with a count.</summary>
    public void PrintPerTransaction(TextWriter o)
    {
        var shapes = Steps.GroupBy(s => s.TxId).Select(g =>
        {
            var states = g.Select(s => s.State.ToString()).ToList();
            var names = states.Count <= 24
                ? states
                : states.GroupBy(n => n).Select(n => n.Count() == 1 ? n.Key : $"{n.Key} x{n.Count()}").ToList();
            return $"{g.Count()} steps, {g.Sum(s => s.Rw.Count)} accesses: {string.Join(", ", names)}";
        });
        foreach (var shape in shapes.GroupBy(s => s))
            o.WriteLine($"  {shape.Count()} tx(s): {shape.Key}");
    }
}
