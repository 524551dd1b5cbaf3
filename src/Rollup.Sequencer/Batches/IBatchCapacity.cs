namespace Rollup.Sequencer.Batches;

/// <summary>The prover's fixed circuit seen from the sealer: whether a run of stored blocks fits one batch proof. The
/// circuit has a fixed number of rows (steps, reads and writes, table rows, state-tree regions), and the sealer's own
/// limits (gas, blocks, bytes) do not bound those, so without this a busy batch could be sealed too big to prove,
/// and finalization would stop at it for good.
/// The implementation lives with the circuits (Rollup.Proving's BatchProver), which the sequencer does not reference.</summary>
public interface IBatchCapacity
{
    /// <summary>Null when blocks <paramref name="firstBlock"/>..<paramref name="lastBlock"/> (stored, with their state)
    /// fit one batch; otherwise what overflows ("needs 2^13 rows (300 steps, …), the circuit has 2^12"). A run the
    /// prover would refuse for another reason (an opcode with no gadget) fits as far as this is concerned.</summary>
    string? Overflow(ulong firstBlock, ulong lastBlock);

    /// <summary>The same question for a block the builder has made but not committed, as a batch of its own on the
    /// stored state after its parent: the producer keeps every block within one batch's circuit, so no batch is ever
    /// sealed too big to prove.</summary>
    string? Overflow(Core.Blocks.BlockHeader draft, IReadOnlyList<Core.Transactions.Transaction> transactions, IReadOnlyList<Core.Types.Address> senders);
}
