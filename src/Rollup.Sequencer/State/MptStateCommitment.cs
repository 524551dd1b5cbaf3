using Rollup.Core.Numerics;
using Rollup.Core.Rlp;
using Rollup.Core.Trie;
using Rollup.Core.Types;
using Rollup.Evm.State;

namespace Rollup.Sequencer.State;

/// <summary>The INTERIM state commitment: Ethereum's secure Merkle-Patricia trie root (the same root
/// <see cref="MptStateRoot"/> computes), kept incrementally in memory and rebuilt from the stored state at start-up.
/// It stands in until the Poseidon sparse Merkle tree (the rollup's real commitment, which the circuits prove) lands;
/// the tries live only in memory, so start-up costs a pass over the state and memory grows with it: fine for devnets.</summary>
public sealed class MptStateCommitment : IStateCommitment
{
    private SecureTrie _accounts = new();
    private readonly Dictionary<Address, SecureTrie> _storage = [];

    public Hash256 Root => _accounts.RootHash;

    public void Reset(IEnumerable<(Address Address, AccountData Account, IEnumerable<KeyValuePair<UInt256, UInt256>> Storage)> state)
    {
        _accounts = new SecureTrie();
        _storage.Clear();
        foreach (var (address, account, storage) in state)
        {
            var trie = new SecureTrie();
            foreach (var (slot, value) in storage) SetSlot(trie, slot, value);
            if (!trie.IsEmpty) _storage[address] = trie;
            _accounts.Set(address.Bytes, MptStateRoot.EncodeAccount(account, trie.RootHash));
        }
    }

    /// <summary>In the order <see cref="InMemoryStateSource.Apply"/> uses, so both give the same state: wiped storage,
    /// then accounts (a deleted one loses its storage), then slot writes of live accounts.</summary>
    public Hash256 Apply(StateChanges changes)
    {
        foreach (var address in changes.StorageCleared) _storage.Remove(address);
        foreach (var (address, account) in changes.Accounts)
        {
            if (account is not null) continue;
            _storage.Remove(address);
            _accounts.Delete(address.Bytes);
        }
        foreach (var (address, writes) in changes.Storage)
        {
            if (!changes.Accounts.TryGetValue(address, out var account) || account is null) continue;
            if (!_storage.TryGetValue(address, out var trie)) _storage[address] = trie = new SecureTrie();
            foreach (var (slot, value) in writes) SetSlot(trie, slot, value);
        }
        foreach (var (address, account) in changes.Accounts)
        {
            if (account is not { } a) continue;
            var storageRoot = _storage.TryGetValue(address, out var trie) ? trie.RootHash : PatriciaTrie.EmptyRoot;
            _accounts.Set(address.Bytes, MptStateRoot.EncodeAccount(a, storageRoot));
        }
        return Root;
    }

    private static void SetSlot(SecureTrie trie, in UInt256 slot, in UInt256 value)
    {
        var key = slot.ToBigEndian();
        if (value.IsZero) { trie.Delete(key); return; }
        using var w = new RlpWriter(40);
        w.WriteUInt256(value);
        trie.Set(key, w.WrittenSpan);
    }
}
