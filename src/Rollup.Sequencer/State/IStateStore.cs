using RocksDbSharp;
using Rollup.Core.Types;
using Rollup.Evm.State;

namespace Rollup.Sequencer.State;

/// <summary>The node's persistent world state and its commitment (the root every L2 header carries). The block
/// builder reads through <see cref="At"/> and hands each block's changes to <see cref="Commit"/>, which stages them into
/// the block's own RocksDB batch, so state and block are written in one atomic write. The Poseidon sparse-Merkle-tree
/// store that will replace the interim Merkle-Patricia commitment implements this same interface.</summary>
public interface IStateStore
{
    /// <summary>The commitment to the state after the head block.</summary>
    Hash256 Root { get; }

    /// <summary>Loads whatever the commitment keeps in memory from the stored state after block
    /// <paramref name="headNumber"/>, and returns its root (which must equal that block's header's).</summary>
    Hash256 Open(ulong headNumber);

    /// <summary>A read-only view of the state after block <paramref name="number"/> (any stored block, the head included).</summary>
    IStateSource At(ulong number);

    /// <summary>Folds block <paramref name="number"/>'s changes into the commitment and stages their writes into
    /// <paramref name="batch"/>; returns the new root. The caller writes the batch or stops the node: a commitment
    /// that ran ahead of the store is never used again.</summary>
    Hash256 Commit(ulong number, StateChanges changes, WriteBatch batch);
}
