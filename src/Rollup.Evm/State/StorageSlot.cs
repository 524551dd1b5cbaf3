using Rollup.Core.Numerics;

namespace Rollup.Evm.State;

/// <summary>Everything the journaled state knows about one storage slot of one account, in one record, so SLOAD and
/// SSTORE find the current value, the transaction's original value and the EIP-2929 warm flag with one lookup.
/// Validity is by stamp rather than by clearing: bumping the state's stamp at a transaction boundary voids every
/// record's transaction-scoped fields at once, without visiting them.</summary>
internal struct StorageSlot
{
    public UInt256 Key;
    /// <summary>The value written by the current transaction; meaningful only while <see cref="TxStamp"/> equals the
    /// state's commit stamp.</summary>
    public UInt256 Current;
    /// <summary>The value at the start of the current transaction (written by an earlier transaction of the block, or
    /// read from the source and cached); meaningful only when <see cref="HasOriginal"/>.</summary>
    public UInt256 Original;
    public int TxStamp;
    /// <summary>The slot is warm while this equals the state's access stamp (EIP-2929).</summary>
    public int WarmStamp;
    /// <summary>Next record in the same hash bucket, plus one (zero ends the chain).</summary>
    internal int Next;
    public bool HasOriginal;
}
