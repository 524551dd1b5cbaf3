using Microsoft.Extensions.Logging;
using Rollup.Core.Numerics;
using Rollup.Core.Types;
using Rollup.L1;
using Rollup.L1.Contracts;
using Rollup.L1.Sending;
using Rollup.Sequencer.Batches;

namespace Rollup.Sequencer.L1;

/// <summary>
/// Commits sealed batches to the rollup contract (commitBatch with the batch data as calldata) from the sequencer's
/// key, and waits for the receipt. Restart-safe: before sending, it asks L1 whether the batch is already there (a
/// commit sent before a crash, whose hash the node never stored); if L1 holds this batch's data hash it returns that
/// commit's transaction hash from the BatchCommitted event instead of committing twice. (The contract refuses a
/// second commit of an index anyway; this makes the node notice and record the first.)
/// <para>Finalization needs a real proof: there is no prover until the circuits land, and this submitter never
/// finalizes without one (<see cref="FinalizeAsync"/> is only reached with an <see cref="IBatchProver"/>'s proof).</para>
/// </summary>
public sealed class RollupL1Submitter(RollupContract rollup, TransactionSender sequencer, ulong deployedAtBlock, ILogger logger) : IL1Submitter
{
    public async Task<Hash256?> CommitAsync(BatchRecord batch, byte[] batchData, CancellationToken cancellation)
    {
        if (await FindCommitAsync(batch, cancellation) is { } earlier)
        {
            logger.LogInformation("batch {Batch} was already committed on L1 in {Tx}", batch.Number, earlier);
            return earlier;
        }
        ulong last = await rollup.LastCommittedBatchAsync();
        if (batch.Number != last + 1)
            throw new L1Exception($"batch {batch.Number} cannot be committed yet: L1's last committed batch is {last}");
        var parent = await rollup.BatchHashAsync(batch.Number - 1);
        var receipt = await rollup.Contract.SendAsync(sequencer, "commitBatch", [batch.Number, parent, batchData], cancel: cancellation);
        logger.LogInformation("batch {Batch} committed on L1 in {Tx} (L1 block {Block})", batch.Number, receipt.TransactionHash, receipt.BlockNumber);
        return receipt.TransactionHash;
    }

    /// <summary>Only with a real proof from an <see cref="IBatchProver"/>; the node has none yet, so this is not reached.</summary>
    public async Task<Hash256?> FinalizeAsync(BatchRecord batch, BatchProof proof, CancellationToken cancellation)
    {
        var receipt = await rollup.Contract.SendAsync(sequencer, "finalizeBatch", [batch.Number, batch.StateRoot, proof.Proof], cancel: cancellation);
        return receipt.TransactionHash;
    }

    /// <summary>The transaction that committed this batch, if L1 has it; an error if L1's batch of this number holds
    /// other data (then L1 and this node disagree, and committing on top would be wrong).</summary>
    private async Task<Hash256?> FindCommitAsync(BatchRecord batch, CancellationToken cancellation)
    {
        if (await rollup.LastCommittedBatchAsync() < batch.Number) return null;
        var onL1 = await rollup.DataHashAsync(batch.Number);
        if (onL1 != batch.DataHash)
            throw new L1Exception($"L1 batch {batch.Number} holds data hash {onL1}, but this node's batch {batch.Number} has {batch.DataHash}: " +
                "the rollup contract was committed to by another chain");
        var index = new Hash256(new UInt256(batch.Number).ToBigEndian());
        var events = await rollup.Contract.GetEventsAsync("BatchCommitted", deployedAtBlock, null, [index], cancellation);
        // A reverted and re-committed index has several events: the last one is the batch L1 holds now.
        return events.Count > 0 ? events[^1].Log.TransactionHash
            : throw new L1Exception($"L1 reports batch {batch.Number} committed but no BatchCommitted event for it since block {deployedAtBlock}");
    }
}
