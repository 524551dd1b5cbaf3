using Rollup.Core.Numerics;
using Rollup.Core.Types;

namespace Rollup.Evm.State;

/// <summary>One undoable change to the journaled state. Reverting a call frame undoes entries newest first.</summary>
internal abstract class JournalEntry
{
    public abstract void Undo(JournaledState state);
}

internal sealed class BalanceChange(AccountObject account, UInt256 previous) : JournalEntry
{
    public override void Undo(JournaledState state) => account.Balance = previous;
}

internal sealed class NonceChange(AccountObject account, ulong previous) : JournalEntry
{
    public override void Undo(JournaledState state) => account.Nonce = previous;
}

internal sealed class CodeChange(AccountObject account, Hash256 previousHash, byte[]? previousCode) : JournalEntry
{
    public override void Undo(JournaledState state) { account.CodeHash = previousHash; account.Code = previousCode; }
}

internal sealed class StorageChange(AccountObject account, UInt256 key, bool hadValue, UInt256 previous) : JournalEntry
{
    public override void Undo(JournaledState state)
    {
        if (hadValue) account.TxStorage[key] = previous; else account.TxStorage.Remove(key);
    }
}

internal sealed class TransientChange(Address address, UInt256 key, UInt256 previous) : JournalEntry
{
    public override void Undo(JournaledState state) => state.RestoreTransient(address, key, previous);
}

/// <summary>Account came into existence (first balance credit, or CREATE), undone by making it not exist again.</summary>
internal sealed class ExistenceChange(AccountObject account, bool previous) : JournalEntry
{
    public override void Undo(JournaledState state) => account.Exists = previous;
}

/// <summary>CREATE at an address: restores the account's storage, code, nonce and flags as they were.</summary>
internal sealed class AccountRecreated(AccountObject account, Dictionary<UInt256, UInt256> txStorage, bool txStorageCleared,
    bool createdInTx, bool existed, ulong nonce, Hash256 codeHash, byte[]? code) : JournalEntry
{
    public override void Undo(JournaledState state)
    {
        account.TxStorage = txStorage;
        account.TxStorageCleared = txStorageCleared;
        account.CreatedInTx = createdInTx;
        account.Exists = existed;
        account.Nonce = nonce;
        account.CodeHash = codeHash;
        account.Code = code;
    }
}

internal sealed class SelfDestructChange(AccountObject account, bool previous) : JournalEntry
{
    public override void Undo(JournaledState state) => account.SelfDestructed = previous;
}

internal sealed class TouchChange(Address address) : JournalEntry
{
    public override void Undo(JournaledState state) => state.Untouch(address);
}

internal sealed class WarmAccountChange(Address address) : JournalEntry
{
    public override void Undo(JournaledState state) => state.Unwarm(address);
}

internal sealed class WarmSlotChange(Address address, UInt256 key) : JournalEntry
{
    public override void Undo(JournaledState state) => state.Unwarm(address, key);
}

internal sealed class RefundChange(long previous) : JournalEntry
{
    public override void Undo(JournaledState state) => state.RestoreRefund(previous);
}

internal sealed class LogAdded : JournalEntry
{
    public static readonly LogAdded Instance = new();
    public override void Undo(JournaledState state) => state.RemoveLastLog();
}
