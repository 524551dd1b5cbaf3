using Rollup.Core.Numerics;
using Rollup.Core.Types;

namespace Rollup.Evm.State;

/// <summary>An account as the journaled state holds it while a block runs: its fields now, and its storage slots, each
/// record holding two layers: the value at the start of the current transaction (written by earlier transactions of
/// the block, or read from the source) and the value the current transaction wrote.</summary>
internal sealed class AccountObject
{
    public bool Exists;
    public ulong Nonce;
    public UInt256 Balance;
    public Hash256 CodeHash = AccountData.EmptyCodeHash;
    public byte[]? Code;

    /// <summary>Every slot the block has read, written or warmed.</summary>
    public readonly SlotTable Storage = new();
    /// <summary>Indexes of the slots the current transaction wrote (possibly repeated, possibly since reverted: the
    /// commit checks each record's stamp), so committing visits only those.</summary>
    public readonly List<int> TxWritten = [];
    /// <summary>Transient storage (EIP-1153), created at the first TSTORE or TLOAD.</summary>
    public SlotTable? Transient;

    /// <summary>The source's storage is void for this account (it was re-created in an earlier transaction): a slot
    /// without an original value in its record reads zero.</summary>
    public bool BlockStorageCleared;
    /// <summary>The account was created in the current transaction: older storage is void.</summary>
    public bool TxStorageCleared;

    public bool CreatedInTx;
    public bool SelfDestructed;

    /// <summary>Whether the account's fields differ from the source (so the block's change set must carry it).</summary>
    public bool Dirty;

    public bool IsEmpty => Nonce == 0 && Balance.IsZero && CodeHash == AccountData.EmptyCodeHash;
    public AccountData Data => new(Nonce, Balance, CodeHash);
}
