using Rollup.Core.Numerics;
using Rollup.Core.Types;

namespace Rollup.Evm.State;

/// <summary>An account as the journaled state holds it while a block runs: its fields now, and two storage layers,
/// the writes of earlier transactions in the block (the current transaction's "original" values) and the writes of
/// the current transaction.</summary>
internal sealed class AccountObject
{
    public bool Exists;
    public ulong Nonce;
    public UInt256 Balance;
    public Hash256 CodeHash = AccountData.EmptyCodeHash;
    public byte[]? Code;

    /// <summary>Storage written by earlier transactions of this block (and values read, as a cache).</summary>
    public Dictionary<UInt256, UInt256> BlockStorage = [];
    /// <summary>The source's storage is void for this account (it was re-created in an earlier transaction).</summary>
    public bool BlockStorageCleared;

    /// <summary>Storage written by the current transaction.</summary>
    public Dictionary<UInt256, UInt256> TxStorage = [];
    /// <summary>The account was created in the current transaction: older storage is void.</summary>
    public bool TxStorageCleared;

    public bool CreatedInTx;
    public bool SelfDestructed;

    /// <summary>Whether the account's fields differ from the source (so the block's change set must carry it).</summary>
    public bool Dirty;

    public bool IsEmpty => Nonce == 0 && Balance.IsZero && CodeHash == AccountData.EmptyCodeHash;
    public AccountData Data => new(Nonce, Balance, CodeHash);
}
