namespace Rollup.Sequencer.Batches;

/// <summary>Where a batch is on its way to L1 finality. A batch is finalized only when L1 accepted its proof:
/// until then it shows as sealed or committed, never finalized on a fake proof.</summary>
public enum BatchStatus : byte
{
    /// <summary>Its blocks are fixed and its data is built; not yet posted to L1.</summary>
    Sealed = 0,
    /// <summary>Its data is on L1 (commitBatch); its state root is not proven yet.</summary>
    Committed = 1,
    /// <summary>L1 verified its proof (finalizeBatch) and stored its state root.</summary>
    Finalized = 2,
}
