using Rollup.Core.Numerics;
using Rollup.Core.Types;
using Rollup.Evm.State;

namespace Rollup.Sequencer.State;

/// <summary>How the state is committed to a root. Kept apart from storage so that the commitment can change (the
/// interim Merkle-Patricia root today, the Poseidon sparse Merkle tree later) without touching how state is stored.</summary>
public interface IStateCommitment
{
    Hash256 Root { get; }

    /// <summary>Starts over from a whole state: every live account with its non-zero storage.</summary>
    void Reset(IEnumerable<(Address Address, AccountData Account, IEnumerable<KeyValuePair<UInt256, UInt256>> Storage)> state);

    /// <summary>Folds a block's changes in and returns the new root.</summary>
    Hash256 Apply(StateChanges changes);
}
