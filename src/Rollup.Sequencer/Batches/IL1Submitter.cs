using Rollup.Core.Types;

namespace Rollup.Sequencer.Batches;

/// <summary>Posts batches to the rollup contract on L1. The L1 client (src/Rollup.L1, issue 5) implements it with
/// commitBatch / finalizeBatch transactions and follows their inclusion.</summary>
public interface IL1Submitter
{
    /// <summary>Posts the batch data (commitBatch); returns the L1 transaction hash once it is included, or null when
    /// this submitter posts nothing.</summary>
    Task<Hash256?> CommitAsync(BatchRecord batch, byte[] batchData, CancellationToken cancellation);

    /// <summary>Posts the proof (finalizeBatch); returns the L1 transaction hash once L1 accepted it, or null when
    /// this submitter posts nothing.</summary>
    Task<Hash256?> FinalizeAsync(BatchRecord batch, BatchProof proof, CancellationToken cancellation);
}

/// <summary>The submitter until the L1 client exists: it posts nothing, so batches stay "sealed". It never
/// reports a batch committed or finalized that L1 has not seen.</summary>
public sealed class SealOnlyL1Submitter : IL1Submitter
{
    public Task<Hash256?> CommitAsync(BatchRecord batch, byte[] batchData, CancellationToken cancellation) => Task.FromResult<Hash256?>(null);

    public Task<Hash256?> FinalizeAsync(BatchRecord batch, BatchProof proof, CancellationToken cancellation) => Task.FromResult<Hash256?>(null);
}
