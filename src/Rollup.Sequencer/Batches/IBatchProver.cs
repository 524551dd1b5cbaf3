namespace Rollup.Sequencer.Batches;

/// <summary>A proof of one batch's state transition, as the L1 verifier takes it.</summary>
public sealed record BatchProof(byte[] Proof);

/// <summary>Proves batches: the zkEVM circuits (issue 7) plug in here, in-process or as a client of remote prover
/// workers. The proving queue calls it one batch at a time, in order.</summary>
public interface IBatchProver
{
    Task<BatchProof> ProveAsync(BatchRecord batch, byte[] batchData, CancellationToken cancellation);
}
