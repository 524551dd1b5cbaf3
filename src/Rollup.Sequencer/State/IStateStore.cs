using RocksDbSharp;
using Rollup.Core.Numerics;
using Rollup.Core.Types;
using Rollup.Evm.State;
using Rollup.State.Proofs;

namespace Rollup.Sequencer.State;

/// <summary>The node's persistent world state and its commitment (the root every L2 header carries). The block
/// builder reads through <see cref="At"/> and hands each block's changes to <see cref="Commit"/>, which stages them into
/// the block's own RocksDB batch; <see cref="Write"/> then writes that batch (state and block together, atomically).</summary>
public interface IStateStore
{
    /// <summary>The commitment to the state after the head block.</summary>
    Hash256 Root { get; }

    /// <summary>Makes block <paramref name="headNumber"/> the head, checks that its stored state is complete, and
    /// returns its root (which must equal that block's header's).</summary>
    Hash256 Open(ulong headNumber);

    /// <summary>A read-only view of the state after block <paramref name="number"/> (any stored block, the head included).</summary>
    IStateSource At(ulong number);

    /// <summary>The account's and the slots' Merkle paths in the state after block <paramref name="number"/>
    /// (the format of docs/state-tree.md, §6).</summary>
    AccountProof Prove(ulong number, in Address address, IReadOnlyList<UInt256> slots);

    /// <summary>Folds block <paramref name="number"/>'s changes (on top of the head's state) into the commitment and
    /// stages their writes into <paramref name="batch"/>; returns the new root. Nothing moves until
    /// <see cref="Write"/>; <see cref="Abandon"/> forgets it.</summary>
    Hash256 Commit(ulong number, StateChanges changes, WriteBatch batch);

    /// <summary>Writes the batch of the last <see cref="Commit"/> (with whatever the caller added: the block, its
    /// receipts and indexes) in one atomic write, and moves the head to that block.</summary>
    void Write(WriteBatch batch);

    /// <summary>The batch of the last <see cref="Commit"/> will not be written: the head stays where it was.</summary>
    void Abandon();
}
