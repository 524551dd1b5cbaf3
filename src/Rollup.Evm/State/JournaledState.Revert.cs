namespace Rollup.Evm.State;

// Undoing journal entries: a reverted call frame's changes, newest first.
public sealed partial class JournaledState
{
    public void RevertToSnapshot(int snapshot)
    {
        for (int i = _journal.Count - 1; i >= snapshot; i--) Undo(ref _journal[i]);
        _journal.Truncate(snapshot);
    }

    private void Undo(ref JournalEntry entry)
    {
        switch (entry.Kind)
        {
            case JournalKind.Balance: ((AccountObject)entry.Target!).Balance = entry.Word; break;
            case JournalKind.Nonce: ((AccountObject)entry.Target!).Nonce = (ulong)entry.Number; break;
            case JournalKind.Existence: ((AccountObject)entry.Target!).Exists = false; break;
            case JournalKind.SelfDestruct: ((AccountObject)entry.Target!).SelfDestructed = false; break;
            case JournalKind.Storage:
            {
                ref var slot = ref ((AccountObject)entry.Target!).Storage[entry.Slot];
                slot.Current = entry.Word;
                slot.TxStamp = (int)entry.Number;
                break;
            }
            case JournalKind.WarmSlotAndStorage:
            {
                ref var slot = ref ((AccountObject)entry.Target!).Storage[entry.Slot];
                slot.WarmStamp = (int)(uint)entry.Number;
                slot.Current = entry.Word;
                slot.TxStamp = (int)(entry.Number >> 32);
                break;
            }
            case JournalKind.Transient:
            {
                ref var slot = ref ((AccountObject)entry.Target!).Transient![entry.Slot];
                slot.Current = entry.Word;
                slot.TxStamp = (int)entry.Number;
                break;
            }
            case JournalKind.WarmSlot: ((AccountObject)entry.Target!).Storage[entry.Slot].WarmStamp = (int)entry.Number; break;
            case JournalKind.WarmAccount: _warmAccounts.Remove(entry.Address); break;
            case JournalKind.Touch: _touched.Remove(entry.Address); break;
            case JournalKind.Refund: _refund = entry.Number; break;
            case JournalKind.Log: _logs.RemoveAt(_logs.Count - 1); break;
            case JournalKind.Code:
            {
                var saved = (SavedCode)entry.Target!;
                saved.Account.CodeHash = saved.CodeHash;
                saved.Account.Code = saved.Code;
                break;
            }
            case JournalKind.Recreated:
            {
                var saved = (SavedAccount)entry.Target!;
                var account = saved.Account;
                account.TxStorageCleared = saved.TxStorageCleared;
                account.CreatedInTx = saved.CreatedInTx;
                account.Exists = saved.Existed;
                account.Nonce = saved.Nonce;
                account.CodeHash = saved.CodeHash;
                account.Code = saved.Code;
                break;
            }
            default: throw new InvalidOperationException($"unknown journal entry {entry.Kind}");
        }
    }
}
