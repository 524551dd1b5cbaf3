using System.Runtime.CompilerServices;
using Rollup.Core.Numerics;
using Rollup.Core.Types;

namespace Rollup.Evm.State;

// Storage, transient storage and warm slots: all kept in per-account slot records (StorageSlot), so an SLOAD or
// SSTORE costs one account lookup (usually the cached last one) and one slot lookup (usually the table's cached
// last one), and journals a value, not an object.
// The methods SLOAD and SSTORE reach are AggressiveOptimization (like the interpreter loop): compiled optimized at
// first call instead of starting in tier-0 code and waiting for a background tier-1 compile, which on a loaded
// machine took longer than a whole short benchmark or a block's storage-heavy transaction.
public sealed partial class JournaledState
{
    // Transaction-layer values are valid while a record's TxStamp equals _commitStamp; CommitTransaction bumps it.
    // Warm flags and transient values are valid while their stamp equals _accessStamp; BeginTransaction bumps it.
    // Both start at 1 so a fresh record (stamps 0) has neither.
    private int _commitStamp = 1;
    private int _accessStamp = 1;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public UInt256 GetStorage(in Address address, in UInt256 key)
    {
        var account = Load(address);
        int i = account.Storage.Find(key);
        if (i >= 0)
        {
            ref var slot = ref account.Storage[i];
            if (slot.TxStamp == _commitStamp) return slot.Current;
            if (account.TxStorageCleared) return UInt256.Zero;
            if (slot.HasOriginal) return slot.Original;
        }
        else if (account.TxStorageCleared) return UInt256.Zero;
        return LoadOriginal(account, address, key, i);
    }

    public bool HasStorage(in Address address)
    {
        var account = Load(address);
        var table = account.Storage;
        for (int i = 0; i < table.Count; i++)
        {
            ref var slot = ref table[i];
            if (slot.TxStamp == _commitStamp && !slot.Current.IsZero) return true;
        }
        if (account.TxStorageCleared) return false;
        for (int i = 0; i < table.Count; i++)
        {
            ref var slot = ref table[i];
            if (slot.HasOriginal && !slot.Original.IsZero) return true;
        }
        // The source's storage counts unless the block wiped the account. (If earlier transactions of the block
        // zeroed every slot one by one, this still says true: a create would collide where a client that
        // recomputes the storage root would not. No known test or chain reaches that case.)
        return !account.BlockStorageCleared && _source.HasStorage(address);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public UInt256 GetOriginalStorage(in Address address, in UInt256 key)
    {
        var account = Load(address);
        // A slot of an account created in this transaction started the transaction empty.
        if (account.TxStorageCleared && account.CreatedInTx) return UInt256.Zero;
        int i = account.Storage.Find(key);
        if (i >= 0 && account.Storage[i].HasOriginal) return account.Storage[i].Original;
        return LoadOriginal(account, address, key, i);
    }

    /// <summary>The slot's value before this transaction when its record does not hold it: zero if the block wiped the
    /// account, else the source's, cached in the record (<paramref name="index"/>, or a new one if -1).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private UInt256 LoadOriginal(AccountObject account, in Address address, in UInt256 key, int index)
    {
        if (account.BlockStorageCleared) return UInt256.Zero;
        var value = _source.GetStorage(address, key);
        if (index < 0) index = account.Storage.FindOrAdd(key);
        ref var slot = ref account.Storage[index];
        slot.Original = value;
        slot.HasOriginal = true;
        return value;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void SetStorage(in Address address, in UInt256 key, in UInt256 value)
    {
        var account = LoadForWrite(address);
        int i = account.Storage.FindOrAdd(key);
        ref var slot = ref account.Storage[i];
        JournalWrite(account, i, ref slot);
        if (slot.TxStamp != _commitStamp) account.TxWritten.Add(i);
        slot.Current = value;
        slot.TxStamp = _commitStamp;
    }

    // An SSTORE to a cold slot warms it and then writes it: when the newest entry is that warming and no snapshot was
    // taken after it, the write's undo joins that entry (both are undone together or not at all), so a cold SSTORE
    // journals one entry instead of two.
    private void JournalWrite(AccountObject account, int index, ref StorageSlot slot)
    {
        int last = _journal.Count - 1;
        if (last >= _snapshotFloor)
        {
            ref var warm = ref _journal[last];
            if (warm.Kind == JournalKind.WarmSlot && warm.Slot == index && ReferenceEquals(warm.Target, account))
            {
                warm.Kind = JournalKind.WarmSlotAndStorage;
                warm.Number = (long)(uint)warm.Number | ((long)slot.TxStamp << 32);
                warm.Word = slot.Current;
                return;
            }
        }
        ref var entry = ref _journal.Push(JournalKind.Storage);
        entry.Target = account;
        entry.Slot = index;
        entry.Number = slot.TxStamp;
        entry.Word = slot.Current;
    }

    /// <summary>CreateAccount: the transaction's writes to the account so far no longer count (journaled slot by slot,
    /// so a revert brings them back).</summary>
    private void VoidTxStorage(AccountObject account)
    {
        foreach (int i in account.TxWritten)
        {
            ref var slot = ref account.Storage[i];
            if (slot.TxStamp != _commitStamp) continue;
            ref var entry = ref _journal.Push(JournalKind.Storage);
            entry.Target = account;
            entry.Slot = i;
            entry.Number = slot.TxStamp;
            entry.Word = slot.Current;
            slot.TxStamp = 0;
        }
    }

    /// <summary>CommitTransaction: the transaction's writes become the next transaction's original values; if the
    /// account was created in it, nothing older survives.</summary>
    private void FoldTxStorage(AccountObject account)
    {
        var table = account.Storage;
        if (account.TxStorageCleared)
        {
            for (int i = 0; i < table.Count; i++) table[i].HasOriginal = false;
            account.BlockStorageCleared = true;
        }
        foreach (int i in account.TxWritten)
        {
            ref var slot = ref table[i];
            if (slot.TxStamp != _commitStamp) continue;
            slot.Original = slot.Current;
            slot.HasOriginal = true;
        }
        account.TxWritten.Clear();
    }

    /// <summary>The slots the block wrote or read (as the change set reports them), or null if none.</summary>
    private static Dictionary<UInt256, UInt256>? BlockStorageOf(AccountObject account)
    {
        Dictionary<UInt256, UInt256>? storage = null;
        var table = account.Storage;
        for (int i = 0; i < table.Count; i++)
        {
            ref var slot = ref table[i];
            if (slot.HasOriginal) (storage ??= [])[slot.Key] = slot.Original;
        }
        return storage;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public UInt256 GetTransientStorage(in Address address, in UInt256 key)
    {
        var table = Load(address).Transient;
        if (table is null) return UInt256.Zero;
        int i = table.Find(key);
        return i >= 0 && table[i].TxStamp == _accessStamp ? table[i].Current : UInt256.Zero;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void SetTransientStorage(in Address address, in UInt256 key, in UInt256 value)
    {
        var account = Load(address);
        var table = account.Transient ??= new SlotTable();
        int i = table.FindOrAdd(key);
        ref var slot = ref table[i];
        ref var entry = ref _journal.Push(JournalKind.Transient);
        entry.Target = account;
        entry.Slot = i;
        entry.Number = slot.TxStamp;
        entry.Word = slot.Current;
        slot.Current = value;
        slot.TxStamp = _accessStamp;
    }

    // ---- EIP-2929 access sets ---------------------------------------------------------------------------------

    public bool WarmAccount(in Address address)
    {
        if (!_warmAccounts.Add(address)) return false;
        _journal.Push(JournalKind.WarmAccount).Address = address;
        return true;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool WarmStorage(in Address address, in UInt256 key)
    {
        var account = Load(address);
        int i = account.Storage.FindOrAdd(key);
        ref var slot = ref account.Storage[i];
        if (slot.WarmStamp == _accessStamp) return false;
        ref var entry = ref _journal.Push(JournalKind.WarmSlot);
        entry.Target = account;
        entry.Slot = i;
        entry.Number = slot.WarmStamp;
        slot.WarmStamp = _accessStamp;
        return true;
    }

    public bool IsWarm(in Address address) => _warmAccounts.Contains(address);
}
