using Rollup.Circuits;
using Rollup.Circuits.Witness;
using Rollup.Crypto.Bn254.Fields;
using Rollup.L1.Batches;
using Rollup.Plonk.Checking;
using Rollup.Plonk.Circuit;
using Rollup.Sequencer.Batches;
using Rollup.Sequencer.State;

namespace Rollup.Proving;

/// <summary>A batch's witness on the fixed batch circuit: the super circuit's steps, code, transaction and block tables
/// and the seven public inputs, checked by the constraint checker before any proving time is spent. Everything that
/// makes a batch unprovable for good is a <see cref="BatchNotProvableException"/> with a message an operator can act on
/// (the opcode, the transaction hash, the block number; the rows needed and the rows the circuit has).</summary>
public static class BatchWitness
{
    public static Fr[] Statement(BatchRecord batch, ulong chainId) =>
        BatchPublicInputs.Encode(batch.PrevStateRoot, batch.StateRoot, batch.DataHash, chainId)
            .Select(v => Fr.FromBigEndian(v.ToBigEndian())).ToArray();

    public static Assignment Build(BatchCircuit circuit, BatchTrace trace, BatchRecord batch, ulong chainId, IStateStore? state = null)
    {
        var witness = Prepare(circuit, trace, batch, chainId, state);
        var assignment = circuit.Circuit.Assign(witness, circuit.K);
        var failures = new ConstraintChecker { MaxFailures = 5 }.Check(assignment);
        if (failures.Count > 0)
            throw new BatchNotProvableException($"batch {batch.Number}: the witness fails {failures.Count}{(failures.Count == 5 ? "+" : "")} constraints " +
                $"(a circuit bug, not the batch's): {string.Join("; ", failures)}");
        return assignment;
    }

    /// <summary>The super circuit's witness for the batch, refused by name when a step has no gadget or the batch does
    /// not fit the circuit (<see cref="BatchTooLargeException"/>); no rows assigned yet. The sealer's capacity check
    /// (<see cref="BatchProver.Overflow"/>) stops here.</summary>
    public static SuperWitness Prepare(BatchCircuit circuit, BatchTrace trace, BatchRecord batch, ulong chainId, IStateStore? state = null)
    {
        var super = circuit.Circuit;
        List<Rollup.Circuits.Evm.EvmStep> steps;
        try
        {
            steps = EvmWitnessBuilder.Build(trace.Txs, super.Evm.Gadgets);
        }
        catch (EvmWitnessBuilder.UnsupportedStepException e)
        {
            throw new BatchNotProvableException($"batch {batch.Number}: {Culprit(trace, super)}{e.Message}");
        }
        var witness = new SuperWitness(steps, trace.Codes)
        {
            Txs = steps.Select(s => s.Tx!).DistinctBy(t => t.Id).ToList(),
            Blocks = trace.Blocks,
            Statement = Statement(batch, chainId),
            Transition = circuit.StateTransition ? Transition(circuit, steps, batch, state) : null,
        };
        int needed = super.MinimumK(witness);
        if (needed > circuit.K)
            throw new BatchTooLargeException(batch.Number, $"needs 2^{needed} rows ({steps.Count} steps, {steps.Sum(s => s.Rw.Count)} reads and writes), " +
                $"the batch circuit has 2^{circuit.K} (--prover-k): seal smaller batches (--batch-max-gas, --batch-max-blocks) or use a larger k with its own verifier");
        return witness;
    }

    /// <summary>The state transition of the batch: the Merkle paths of every touched key from the node's tree after the
    /// block before the batch, which must be the batch's previous root; refused by name when the batch needs more room
    /// than the circuit has or does something the transition does not prove yet (a code deposit, an account deletion).</summary>
    private static Rollup.Circuits.StateTree.StateTransitionWitness Transition(BatchCircuit circuit, List<Rollup.Circuits.Evm.EvmStep> steps,
        BatchRecord batch, IStateStore? state)
    {
        if (state is not PoseidonStateStore tree) throw new InvalidOperationException("the state transition needs the node's Poseidon state store");
        var (nodes, root) = tree.TreeAt(batch.FirstBlock - 1);
        Rollup.Circuits.StateTree.StateTransitionWitness w;
        try
        {
            w = Rollup.Circuits.StateTree.StateTransitionBuilder.Build(nodes, root, EvmWitnessBuilder.AccessesOf(steps));
        }
        catch (NotSupportedException e)
        {
            throw new BatchNotProvableException($"batch {batch.Number}: its state transition is not provable yet: {e.Message}");
        }
        var capacity = circuit.Circuit.Transition!;
        var needed = Rollup.Circuits.StateTree.StateTransitionCapacity.For(w);
        if (needed.Regions > capacity.Smt.Capacity || needed.Poseidon.Any(kv => kv.Value > capacity.Poseidon.Capacity.GetValueOrDefault(kv.Key)))
            throw new BatchTooLargeException(batch.Number, $"touches {w.Updates.Count} accounts and slots (Poseidon hashes by width: " +
                $"{string.Join(", ", needed.Poseidon.OrderBy(kv => kv.Key).Select(kv => $"{kv.Key}: {kv.Value}"))}); the batch circuit's state transition holds " +
                $"{capacity.Smt.Capacity} (by width: {string.Join(", ", capacity.Poseidon.Capacity.OrderBy(kv => kv.Key).Select(kv => $"{kv.Key}: {kv.Value}"))}): seal smaller batches or use a larger k");
        return w;
    }

    /// <summary>"transaction 0x… (block N): " for the first transaction the witness builder refuses on its own: the
    /// builder numbers transactions within the batch, the operator looks them up by hash.</summary>
    private static string Culprit(BatchTrace trace, SuperCircuit super)
    {
        for (int i = 0; i < trace.Txs.Count; i++)
        {
            try { EvmWitnessBuilder.Build([trace.Txs[i]], super.Evm.Gadgets); }
            catch (EvmWitnessBuilder.UnsupportedStepException) { return $"transaction {trace.TxHashes[i]} (block {trace.Txs[i].Block.Number}): "; }
        }
        return "";
    }
}
