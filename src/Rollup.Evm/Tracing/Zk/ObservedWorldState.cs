using Rollup.Core.Chain;
using Rollup.Core.Numerics;
using Rollup.Core.Types;
using Rollup.Evm.Host;
using Rollup.Evm.State;

namespace Rollup.Evm.Tracing.Zk;

/// <summary>Wraps the world state so that every account, storage, transient-storage, access-list and refund access is
/// appended to the zk trace's read/write log. A reverted frame's writes are undone in the log too: each is written
/// back to its previous value, newest first, so that the log alone ends in the state the EVM ends in.</summary>
internal sealed class ObservedWorldState(IWorldState inner, ZkTracer log) : IWorldState
{
    private readonly List<RwEntry> _writes = []; // state writes, for reverting
    private readonly Stack<(int InnerSnapshot, int WritesCount)> _snapshots = new();

    private void Read(RwTag tag, in Address address, in UInt256 key, in UInt256 value, in UInt256 committed = default) =>
        log.Append(false, tag, log.TransactionId, address, key, value, value, committed);

    private void Write(RwTag tag, in Address address, in UInt256 key, in UInt256 value, in UInt256 previous, in UInt256 committed = default) =>
        _writes.Add(log.Append(true, tag, log.TransactionId, address, key, value, previous, committed));

    private static UInt256 Field(AccountField f) => new((ulong)f);
    private static UInt256 Bool(bool b) => b ? UInt256.One : UInt256.Zero;

    public bool AccountExists(in Address address)
    {
        bool exists = inner.AccountExists(address);
        Read(RwTag.Account, address, Field(AccountField.CodeHash), EvmWord.FromHash(inner.GetCodeHash(address)));
        return exists;
    }

    public bool IsDead(in Address address)
    {
        Read(RwTag.Account, address, Field(AccountField.Nonce), new UInt256(inner.GetNonce(address)));
        Read(RwTag.Account, address, Field(AccountField.Balance), inner.GetBalance(address));
        Read(RwTag.Account, address, Field(AccountField.CodeHash), EvmWord.FromHash(inner.GetCodeHash(address)));
        return inner.IsDead(address);
    }

    public UInt256 GetBalance(in Address address)
    {
        var v = inner.GetBalance(address);
        Read(RwTag.Account, address, Field(AccountField.Balance), v);
        return v;
    }

    public ulong GetNonce(in Address address)
    {
        ulong v = inner.GetNonce(address);
        Read(RwTag.Account, address, Field(AccountField.Nonce), new UInt256(v));
        return v;
    }

    public byte[] GetCode(in Address address)
    {
        Read(RwTag.Account, address, Field(AccountField.CodeHash), EvmWord.FromHash(inner.GetCodeHash(address)));
        return inner.GetCode(address);
    }

    public Hash256 GetCodeHash(in Address address)
    {
        var h = inner.GetCodeHash(address);
        Read(RwTag.Account, address, Field(AccountField.CodeHash), EvmWord.FromHash(h));
        return h;
    }

    public bool HasStorage(in Address address) => inner.HasStorage(address);

    public UInt256 GetStorage(in Address address, in UInt256 key)
    {
        var v = inner.GetStorage(address, key);
        Read(RwTag.Storage, address, key, v, inner.GetOriginalStorage(address, key));
        return v;
    }

    public UInt256 GetOriginalStorage(in Address address, in UInt256 key) => inner.GetOriginalStorage(address, key);

    public void SetStorage(in Address address, in UInt256 key, in UInt256 value)
    {
        var previous = inner.GetStorage(address, key);
        var committed = inner.GetOriginalStorage(address, key);
        inner.SetStorage(address, key, value);
        Write(RwTag.Storage, address, key, value, previous, committed);
    }

    public UInt256 GetTransientStorage(in Address address, in UInt256 key)
    {
        var v = inner.GetTransientStorage(address, key);
        Read(RwTag.TransientStorage, address, key, v);
        return v;
    }

    public void SetTransientStorage(in Address address, in UInt256 key, in UInt256 value)
    {
        var previous = inner.GetTransientStorage(address, key);
        inner.SetTransientStorage(address, key, value);
        Write(RwTag.TransientStorage, address, key, value, previous);
    }

    public bool WarmAccount(in Address address)
    {
        bool wasCold = inner.WarmAccount(address);
        Write(RwTag.AccessListAccount, address, default, UInt256.One, Bool(!wasCold));
        return wasCold;
    }

    public bool WarmStorage(in Address address, in UInt256 key)
    {
        bool wasCold = inner.WarmStorage(address, key);
        Write(RwTag.AccessListStorage, address, key, UInt256.One, Bool(!wasCold));
        return wasCold;
    }

    public bool IsWarm(in Address address) => inner.IsWarm(address);

    public void AddBalance(in Address address, in UInt256 amount)
    {
        var previous = inner.GetBalance(address);
        inner.AddBalance(address, amount);
        Write(RwTag.Account, address, Field(AccountField.Balance), inner.GetBalance(address), previous);
    }

    public void SubtractBalance(in Address address, in UInt256 amount)
    {
        var previous = inner.GetBalance(address);
        inner.SubtractBalance(address, amount);
        Write(RwTag.Account, address, Field(AccountField.Balance), inner.GetBalance(address), previous);
    }

    public void SetNonce(in Address address, ulong nonce)
    {
        ulong previous = inner.GetNonce(address);
        inner.SetNonce(address, nonce);
        Write(RwTag.Account, address, Field(AccountField.Nonce), new UInt256(nonce), new UInt256(previous));
    }

    public void SetCode(in Address address, byte[] code)
    {
        var previous = inner.GetCodeHash(address);
        inner.SetCode(address, code);
        Write(RwTag.Account, address, Field(AccountField.CodeHash), EvmWord.FromHash(inner.GetCodeHash(address)), EvmWord.FromHash(previous));
    }

    public void CreateAccount(in Address address)
    {
        ulong nonce = inner.GetNonce(address);
        var codeHash = inner.GetCodeHash(address);
        inner.CreateAccount(address);
        Write(RwTag.Account, address, Field(AccountField.Nonce), new UInt256(inner.GetNonce(address)), new UInt256(nonce));
        Write(RwTag.Account, address, Field(AccountField.CodeHash), EvmWord.FromHash(inner.GetCodeHash(address)), EvmWord.FromHash(codeHash));
    }

    public bool WasCreatedInTransaction(in Address address) => inner.WasCreatedInTransaction(address);
    public void MarkSelfDestructed(in Address address) => inner.MarkSelfDestructed(address);
    public bool HasSelfDestructed(in Address address) => inner.HasSelfDestructed(address);
    public void Touch(in Address address) => inner.Touch(address);
    public void AddLog(LogEntry entry) => inner.AddLog(entry);

    public void AddRefund(long gas)
    {
        long previous = inner.Refund;
        inner.AddRefund(gas);
        Write(RwTag.TxRefund, default, default, new UInt256((ulong)inner.Refund), new UInt256((ulong)previous));
    }

    public void SubtractRefund(long gas)
    {
        long previous = inner.Refund;
        inner.SubtractRefund(gas);
        Write(RwTag.TxRefund, default, default, new UInt256((ulong)inner.Refund), new UInt256((ulong)previous));
    }

    public long Refund => inner.Refund;

    public int TakeSnapshot()
    {
        _snapshots.Push((inner.TakeSnapshot(), _writes.Count));
        return _snapshots.Count - 1;
    }

    /// <summary>The id of the newest snapshot still open (−1 if none): a call's, when taken just before it starts.</summary>
    public int LatestSnapshot => _snapshots.Count - 1;

    public void RevertToSnapshot(int snapshot)
    {
        log.BeforeRevert(snapshot);
        while (_snapshots.Count > snapshot + 1) _snapshots.Pop();
        var (innerSnapshot, writes) = _snapshots.Pop();
        inner.RevertToSnapshot(innerSnapshot);
        // Undo this frame's writes in the log as well, newest first: each cell goes back to its previous value.
        for (int i = _writes.Count - 1; i >= writes; i--)
        {
            var w = _writes[i];
            log.Append(true, w.Tag, w.Id, w.Address, w.Key, w.Previous, w.Value, w.Committed);
        }
        _writes.RemoveRange(writes, _writes.Count - writes);
    }
}
