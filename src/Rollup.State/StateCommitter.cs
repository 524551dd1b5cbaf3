using RocksDbSharp;
using Rollup.Core.Numerics;
using Rollup.Core.Types;
using Rollup.Crypto.Bn254.Fields;
using Rollup.Evm.State;
using Rollup.State.Leaves;
using Rollup.State.Store;
using Rollup.State.Trie;

namespace Rollup.State;

/// <summary>
/// Applies a block's <see cref="StateChanges"/> to a root, with the semantics of
/// <see cref="InMemoryStateSource.Apply"/>: code is stored; a deleted account loses its storage; cleared storage is
/// wiped before the block's writes; a zero write deletes the slot; storage writes to an account that does not exist
/// afterwards are dropped; an account left empty (no nonce, balance, code or storage) is removed.
/// <para>
/// Each account's work — reading its old leaf, updating its storage trie, hashing its new leaf — is independent
/// of the others', so it runs in parallel; the account trie then takes all the new leaves and rehashes each changed
/// branch once.
/// </para>
/// </summary>
internal static class StateCommitter
{
    /// <summary>Below this many accounts, parallel loops cost more than they save.</summary>
    private const int ParallelThreshold = 32;

    private readonly record struct AccountUpdate(TrieKey Key, TrieLeaf? Leaf, bool Skip);

    public static Fr Apply(StateStore store, in Fr root, StateChanges changes, WriteBatch batch)
    {
        foreach (var (hash, code) in changes.Code) store.AddCode(batch, hash, code);

        var addresses = new HashSet<Address>(changes.Accounts.Keys);
        addresses.UnionWith(changes.Storage.Keys);
        addresses.UnionWith(changes.StorageCleared);
        Address[] touched = [.. addresses];

        var updates = new AccountUpdate[touched.Length];
        var storageNodes = new List<KeyValuePair<Fr, NodeRecord>>[touched.Length];
        Fr oldRoot = root;
        void Prepare(int i)
        {
            storageNodes[i] = [];
            updates[i] = UpdateAccount(store, oldRoot, touched[i], changes, storageNodes[i]);
        }
        if (touched.Length < ParallelThreshold || store.Parallelism <= 1) for (int i = 0; i < touched.Length; i++) Prepare(i);
        else Parallel.For(0, touched.Length, new ParallelOptions { MaxDegreeOfParallelism = store.Parallelism }, Prepare);

        var trie = new SparseMerkleTrie(store, root);
        foreach (var update in updates)
        {
            if (update.Skip) continue;
            if (update.Leaf is { } leaf) trie.Set(leaf);
            else trie.Delete(update.Key.Value);
        }
        var created = new List<KeyValuePair<Fr, NodeRecord>>();
        foreach (var nodes in storageNodes) created.AddRange(nodes);
        Fr newRoot = trie.Commit(created, store.Parallelism);
        store.AddNodes(batch, created);
        return newRoot;
    }

    /// <summary>One account's storage writes; a zero value deletes the slot. Leaves (three hashes each) are built
    /// in parallel when there are many, as a contract's storage can be most of a block's changes.</summary>
    private static Fr UpdateStorage(StateStore store, in Fr storageRoot, Dictionary<UInt256, UInt256> writes,
        List<KeyValuePair<Fr, NodeRecord>> created)
    {
        var entries = writes.ToArray();
        var leaves = new TrieLeaf?[entries.Length];
        void Build(int i)
        {
            var (slot, value) = entries[i];
            if (!value.IsZero)
                leaves[i] = TrieLeaf.Create(store.StorageKey(slot).Value, StorageLeaf.ValueHash(value), StorageLeaf.EncodePayload(slot, value));
        }
        if (entries.Length < ParallelThreshold * 8 || store.Parallelism <= 1) for (int i = 0; i < entries.Length; i++) Build(i);
        else Parallel.For(0, entries.Length, new ParallelOptions { MaxDegreeOfParallelism = store.Parallelism }, Build);

        var storage = new SparseMerkleTrie(store, storageRoot);
        for (int i = 0; i < entries.Length; i++)
        {
            if (leaves[i] is { } leaf) storage.Set(leaf);
            else storage.Delete(store.StorageKey(entries[i].Key).Value);
        }
        return storage.Commit(created, store.Parallelism);
    }

    private static AccountUpdate UpdateAccount(StateStore store, in Fr root, Address address, StateChanges changes,
        List<KeyValuePair<Fr, NodeRecord>> created)
    {
        TrieKey key = store.AccountKey(address);
        AccountLeaf? old = TrieReader.Find(store, root, key) is { } record ? AccountLeaf.DecodePayload(record.Payload) : null;

        AccountData data;
        if (changes.Accounts.TryGetValue(address, out var written))
        {
            if (written is null) return new(key, null, Skip: old is null);
            data = written.Value;
        }
        else if (old is { } existing) data = existing.Data;
        else return new(key, null, Skip: true);

        Fr storageRoot = old is { } o && !changes.StorageCleared.Contains(address) ? o.StorageRoot : Fr.Zero;
        if (changes.Storage.TryGetValue(address, out var writes) && writes.Count > 0)
            storageRoot = UpdateStorage(store, storageRoot, writes, created);

        var (codeCommitment, codeSize) = old is { } prev && prev.CodeHash == data.CodeHash
            ? (prev.PoseidonCodeHash, prev.CodeSize)
            : store.CodeCommitment(data.CodeHash, changes.Code.GetValueOrDefault(data.CodeHash));
        var leaf = new AccountLeaf(address, data.Nonce, data.Balance, data.CodeHash, codeCommitment, codeSize, storageRoot);

        if (leaf.IsEmpty) return new(key, null, Skip: old is null);
        if (old == leaf) return new(key, null, Skip: true);
        return new(key, TrieLeaf.Create(key.Value, leaf.ValueHash(), leaf.EncodePayload()), Skip: false);
    }
}
