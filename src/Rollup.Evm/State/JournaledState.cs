using System.Runtime.CompilerServices;
using Rollup.Core.Chain;
using Rollup.Core.Numerics;
using Rollup.Core.Types;
using Rollup.Evm.Host;

namespace Rollup.Evm.State;

/// <summary>The world state while a block runs: reads fall through to an <see cref="IStateSource"/>, writes are kept
/// here and journaled so any call frame can be reverted. <see cref="CommitTransaction"/> ends a transaction (EIP-161
/// and SELFDESTRUCT deletions, warm sets and transient storage reset); <see cref="GetChanges"/> yields the block's diff.
/// One thread at a time: even reads update its caches (the last account, each table's last slot).</summary>
public sealed partial class JournaledState : IWorldState
{
    private readonly IStateSource _source;
    private readonly Dictionary<Address, AccountObject> _accounts = [];
    private readonly Journal _journal = new();
    private readonly HashSet<Address> _warmAccounts = [];
    private readonly HashSet<Address> _touched = [];
    private readonly List<LogEntry> _logs = [];
    private readonly HashSet<Address> _deletedInBlock = [];
    private long _refund;

    // The account asked for last: the EVM asks about the same account many times in a row (its own storage, above
    // all), and AccountObjects are never replaced, so a hit saves a dictionary lookup without going stale.
    private Address _lastAddress;
    private AccountObject? _lastAccount;

    // The journal length at the newest snapshot: entries below it may be a revert's boundary and must not be merged.
    private int _snapshotFloor;

    public JournaledState(IStateSource source) => _source = source;

    public IReadOnlyList<LogEntry> Logs => _logs;
    public long Refund => _refund;

    // ---- accounts -------------------------------------------------------------------------------------------

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private AccountObject Load(in Address address)
    {
        if (_lastAccount is { } last && _lastAddress == address) return last;
        if (!_accounts.TryGetValue(address, out var account)) account = LoadFromSource(address);
        _lastAddress = address;
        _lastAccount = account;
        return account;
    }

    private AccountObject LoadFromSource(in Address address)
    {
        var account = new AccountObject();
        if (_source.TryGetAccount(address, out var data))
        {
            account.Exists = true;
            account.Nonce = data.Nonce;
            account.Balance = data.Balance;
            account.CodeHash = data.CodeHash;
        }
        _accounts[address] = account;
        return account;
    }

    /// <summary>Makes an account exist (a credit or a nonce bump brings it into being), journaled.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private AccountObject LoadForWrite(in Address address)
    {
        var account = Load(address);
        if (!account.Exists)
        {
            _journal.Push(JournalKind.Existence).Target = account;
            account.Exists = true;
        }
        account.Dirty = true;
        return account;
    }

    public bool AccountExists(in Address address) => Load(address).Exists;
    public bool IsDead(in Address address) { var a = Load(address); return !a.Exists || a.IsEmpty; }
    public UInt256 GetBalance(in Address address) => Load(address).Balance;
    public ulong GetNonce(in Address address) => Load(address).Nonce;

    public byte[] GetCode(in Address address)
    {
        var account = Load(address);
        return account.Code ??= account.CodeHash == AccountData.EmptyCodeHash ? [] : _source.GetCode(account.CodeHash);
    }

    public Hash256 GetCodeHash(in Address address)
    {
        var account = Load(address);
        return account.Exists ? account.CodeHash : Hash256.Zero;
    }

    public void AddBalance(in Address address, in UInt256 amount)
    {
        var account = LoadForWrite(address);
        Touch(address);
        if (amount.IsZero) return;
        PushBalance(account);
        account.Balance += amount;
    }

    public void SubtractBalance(in Address address, in UInt256 amount)
    {
        var account = LoadForWrite(address);
        Touch(address);
        if (amount.IsZero) return;
        PushBalance(account);
        account.Balance -= amount;
    }

    public void SetNonce(in Address address, ulong nonce)
    {
        var account = LoadForWrite(address);
        ref var entry = ref _journal.Push(JournalKind.Nonce);
        entry.Target = account;
        entry.Number = (long)account.Nonce;
        account.Nonce = nonce;
    }

    public void SetCode(in Address address, byte[] code)
    {
        var account = LoadForWrite(address);
        _journal.Push(JournalKind.Code).Target = new SavedCode(account, account.CodeHash, account.Code);
        account.Code = code;
        account.CodeHash = code.Length == 0 ? AccountData.EmptyCodeHash : Core.Crypto.Keccak256.Hash(code);
    }

    public void CreateAccount(in Address address)
    {
        var account = Load(address);
        _journal.Push(JournalKind.Recreated).Target = new SavedAccount(account, account.TxStorageCleared, account.CreatedInTx,
            account.Exists, account.Nonce, account.CodeHash, account.Code);
        VoidTxStorage(account);
        account.TxStorageCleared = true;
        account.CreatedInTx = true;
        account.Exists = true;
        account.Nonce = 0;
        account.CodeHash = AccountData.EmptyCodeHash;
        account.Code = [];
        account.Dirty = true;
    }

    public bool WasCreatedInTransaction(in Address address) => Load(address).CreatedInTx;

    public void MarkSelfDestructed(in Address address)
    {
        var account = Load(address);
        if (account.SelfDestructed) return;
        _journal.Push(JournalKind.SelfDestruct).Target = account;
        account.SelfDestructed = true;
    }

    public bool HasSelfDestructed(in Address address) => Load(address).SelfDestructed;

    public void Touch(in Address address)
    {
        if (_touched.Add(address)) _journal.Push(JournalKind.Touch).Address = address;
    }

    private void PushBalance(AccountObject account)
    {
        ref var entry = ref _journal.Push(JournalKind.Balance);
        entry.Target = account;
        entry.Word = account.Balance;
    }

    // ---- logs, refunds, snapshots ---------------------------------------------------------------------------

    public void AddLog(LogEntry log)
    {
        _logs.Add(log);
        _journal.Push(JournalKind.Log);
    }

    public void AddRefund(long gas) { _journal.Push(JournalKind.Refund).Number = _refund; _refund += gas; }
    public void SubtractRefund(long gas) { _journal.Push(JournalKind.Refund).Number = _refund; _refund -= gas; }

    public int TakeSnapshot() => _snapshotFloor = _journal.Count;

    // ---- transaction boundaries -----------------------------------------------------------------------------

    /// <summary>Starts a transaction: no journal, warm sets, transient storage, logs or refund carry over.</summary>
    public void BeginTransaction()
    {
        _journal.Truncate(0);
        _snapshotFloor = 0;
        _warmAccounts.Clear();
        _accessStamp++; // every warm slot turns cold and every transient slot empty
        _touched.Clear();
        _logs.Clear();
        _refund = 0;
    }

    /// <summary>Ends a transaction: deletes self-destructed accounts and, from Spurious Dragon, touched accounts left
    /// empty; folds this transaction's storage writes into the block layer so they become the next one's originals.</summary>
    public void CommitTransaction(ForkRules rules)
    {
        foreach (var (address, account) in _accounts)
        {
            bool delete = account.SelfDestructed || (rules.IsEip158 && _touched.Contains(address) && account.Exists && account.IsEmpty);
            if (delete)
            {
                account.Exists = false;
                account.Nonce = 0;
                account.Balance = UInt256.Zero;
                account.CodeHash = AccountData.EmptyCodeHash;
                account.Code = [];
                account.Storage.Clear();
                account.TxWritten.Clear();
                account.BlockStorageCleared = true;
                account.TxStorageCleared = false;
                account.Dirty = true;
                _deletedInBlock.Add(address);
            }
            else
            {
                FoldTxStorage(account);
                account.TxStorageCleared = false;
            }
            account.CreatedInTx = false;
            account.SelfDestructed = false;
        }
        _commitStamp++; // every record's transaction-layer value is void now that it is folded in
        _journal.Truncate(0);
        _snapshotFloor = 0;
    }

    /// <summary>Everything the committed transactions of the block changed.</summary>
    public StateChanges GetChanges()
    {
        var changes = new StateChanges();
        foreach (var (address, account) in _accounts)
        {
            if (!account.Dirty) continue;
            if (!account.Exists)
            {
                if (_source.TryGetAccount(address, out _) || _deletedInBlock.Contains(address)) changes.Accounts[address] = null;
                continue;
            }
            changes.Accounts[address] = account.Data;
            if (account.Code is { Length: > 0 } code) changes.Code[account.CodeHash] = code;
            if (account.BlockStorageCleared) changes.StorageCleared.Add(address);
            if (BlockStorageOf(account) is { } storage) changes.Storage[address] = storage;
        }
        return changes;
    }
}
