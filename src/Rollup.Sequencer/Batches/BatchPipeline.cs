using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Rollup.Sequencer.Chain;

namespace Rollup.Sequencer.Batches;

/// <summary>Carries sealed batches towards L1 finality on two queues (System.Threading.Channels): one posts batch data
/// through the <see cref="IL1Submitter"/> (sealed → committed), the other is the proving queue feeding the
/// <see cref="IBatchProver"/>, whose proofs are then posted to finalize (committed → finalized). With no prover the
/// proving queue just holds the batches: they stay unproven, and nothing is ever finalized without a proof.</summary>
public sealed class BatchPipeline(ChainStore chain, BatchStore store, IL1Submitter submitter, IBatchProver? prover, ILogger logger)
{
    private readonly Channel<BatchRecord> _commits = Channel.CreateUnbounded<BatchRecord>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Channel<BatchRecord> _proofs = Channel.CreateUnbounded<BatchRecord>(new UnboundedChannelOptions { SingleReader = true });
    private readonly object _recordLock = new();

    /// <summary>The wait after a first failure (an L1 node down, a dropped connection); it doubles with each further
    /// failure of the same step, up to <see cref="MaxRetryDelay"/>.</summary>
    public TimeSpan FirstRetryDelay { get; init; } = TimeSpan.FromSeconds(1);
    public TimeSpan MaxRetryDelay { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Batches waiting for (or being given) a proof.</summary>
    public int ProvingQueueLength => _proofs.Reader.Count;

    public bool HasProver => prover is not null;

    public void OnSealed(BatchRecord batch)
    {
        if (batch.Status == BatchStatus.Sealed) _commits.Writer.TryWrite(batch);
        if (!batch.Proven) _proofs.Writer.TryWrite(batch);
    }

    public Task RunAsync(CancellationToken cancellation) =>
        Task.WhenAll(CommitLoop(cancellation), prover is null ? Task.CompletedTask : ProveLoop(prover, cancellation));

    private async Task CommitLoop(CancellationToken cancellation)
    {
        try
        {
            await foreach (var batch in _commits.Reader.ReadAllAsync(cancellation))
            {
                var hash = await Retry(() => submitter.CommitAsync(batch, BatchSealer.DataOf(chain, batch), cancellation), $"commit batch {batch.Number}", cancellation);
                if (hash is { } h) Update(batch.Number, b => b with { Status = b.Status == BatchStatus.Sealed ? BatchStatus.Committed : b.Status, CommitTxHash = h });
            }
        }
        catch (OperationCanceledException) { }
    }

    private async Task ProveLoop(IBatchProver batchProver, CancellationToken cancellation)
    {
        try
        {
            await foreach (var batch in _proofs.Reader.ReadAllAsync(cancellation))
            {
                // Batches finalize in order: once one cannot be proven, none after it can be finalized either.
                if (store.Get(batch.Number)?.ProofError is { } earlier)
                {
                    logger.LogError("batch {Batch} cannot be proven ({Error}); finalization stops here", batch.Number, earlier);
                    return;
                }
                BatchProof proof;
                try
                {
                    proof = await Retry(() => batchProver.ProveAsync(batch, BatchSealer.DataOf(chain, batch), cancellation), $"prove batch {batch.Number}", cancellation);
                }
                catch (BatchNotProvableException e)
                {
                    Update(batch.Number, b => b with { ProofError = e.Message });
                    logger.LogError("batch {Batch} cannot be proven: {Error}; it stays unproven and finalization stops here", batch.Number, e.Message);
                    return;
                }
                Update(batch.Number, b => b with { Proven = true });
                logger.LogInformation("batch {Batch} proven", batch.Number);
                // finalizeBatch needs the batch committed first.
                while (store.Get(batch.Number)?.Status == BatchStatus.Sealed) await Task.Delay(TimeSpan.FromSeconds(1), cancellation);
                var hash = await Retry(() => submitter.FinalizeAsync(batch, proof, cancellation), $"finalize batch {batch.Number}", cancellation);
                if (hash is { } h)
                {
                    Update(batch.Number, b => b with { Status = BatchStatus.Finalized, FinalizeTxHash = h });
                    logger.LogInformation("batch {Batch} finalized on L1 in {Tx}", batch.Number, h);
                }
            }
        }
        catch (OperationCanceledException) { }
    }

    private void Update(ulong number, Func<BatchRecord, BatchRecord> change)
    {
        lock (_recordLock)
        {
            if (store.Get(number) is { } current) store.Update(change(current));
        }
    }

    private async Task<T> Retry<T>(Func<Task<T>> action, string what, CancellationToken cancellation)
    {
        var delay = FirstRetryDelay;
        while (true)
        {
            try { return await action(); }
            catch (Exception e) when (e is not OperationCanceledException and not BatchNotProvableException)
            {
                logger.LogWarning("{What} failed, retrying in {Delay}s: {Error}", what, delay.TotalSeconds, e.Message);
                await Task.Delay(delay, cancellation);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, MaxRetryDelay.Ticks));
            }
        }
    }
}
