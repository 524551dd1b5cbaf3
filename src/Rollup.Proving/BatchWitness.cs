using Rollup.Circuits;
using Rollup.Circuits.Witness;
using Rollup.Crypto.Bn254.Fields;
using Rollup.L1.Batches;
using Rollup.Plonk.Checking;
using Rollup.Plonk.Circuit;
using Rollup.Sequencer.Batches;

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

    public static Assignment Build(BatchCircuit circuit, BatchTrace trace, BatchRecord batch, ulong chainId)
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
        };
        int needed = super.MinimumK(witness);
        if (needed > circuit.K)
            throw new BatchNotProvableException($"batch {batch.Number} needs 2^{needed} rows ({steps.Count} steps, {steps.Sum(s => s.Rw.Count)} reads and writes), " +
                $"the batch circuit has 2^{circuit.K} (--prover-k): seal smaller batches (--batch-max-gas, --batch-max-blocks) or use a larger k with its own verifier");
        var assignment = super.Assign(witness, circuit.K);
        var failures = new ConstraintChecker { MaxFailures = 5 }.Check(assignment);
        if (failures.Count > 0)
            throw new BatchNotProvableException($"batch {batch.Number}: the witness fails {failures.Count}{(failures.Count == 5 ? "+" : "")} constraints " +
                $"(a circuit bug, not the batch's): {string.Join("; ", failures)}");
        return assignment;
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
