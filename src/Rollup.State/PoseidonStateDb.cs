using System.Collections.Concurrent;
using RocksDbSharp;
using Rollup.Core.Numerics;
using Rollup.Core.Types;
using Rollup.Crypto.Bn254.Fields;
using Rollup.Evm.State;
using Rollup.State.Leaves;
using Rollup.State.Proofs;
using Rollup.State.Store;
using Rollup.State.Trie;

namespace Rollup.State;

/// <summary>
/// The rollup's world state at one root of the Poseidon sparse Merkle tree (docs/state-tree.md): what the EVM reads
/// (<see cref="IStateSource"/>), what a block's changes are committed to (<see cref="Commit(StateChanges)"/>, which
/// moves this view to the new root), and the proofs <c>eth_getProof</c> serves. Reads may run on several threads;
/// a commit must not overlap reads of the same instance (take another view with <see cref="StateStore.At"/>).
/// </summary>
public sealed class PoseidonStateDb : IStateSource
{
    private readonly StateStore _store;
    // Reads at a fixed root never change, so accounts are memoized per root (the EVM asks for the same few often).
    private ConcurrentDictionary<Address, AccountLeaf?> _accounts = new();

    internal PoseidonStateDb(StateStore store, in Fr root)
    {
        _store = store;
        Root = root;
    }

    public Fr Root { get; private set; }

    /// <summary>The root as a block header carries it: the field element's 32 big-endian bytes.</summary>
    public Hash256 RootHash => StateRoot.ToHash(Root);

    public StateStore Store => _store;

    public bool TryGetAccountLeaf(in Address address, out AccountLeaf account)
    {
        var found = _accounts.GetOrAdd(address, static (a, self) => self.ReadAccount(a), this);
        account = found.GetValueOrDefault();
        return found.HasValue;
    }

    private AccountLeaf? ReadAccount(Address address)
    {
        NodeRecord? leaf = TrieReader.Find(_store, Root, _store.AccountKey(address));
        return leaf is null ? null : AccountLeaf.DecodePayload(leaf.Payload);
    }

    // ---- IStateSource ----

    public bool TryGetAccount(in Address address, out AccountData account)
    {
        bool found = TryGetAccountLeaf(address, out var leaf);
        account = found ? leaf.Data : default;
        return found;
    }

    public UInt256 GetStorage(in Address address, in UInt256 key)
    {
        if (!TryGetAccountLeaf(address, out var account) || account.StorageRoot.IsZero) return UInt256.Zero;
        NodeRecord? leaf = TrieReader.Find(_store, account.StorageRoot, _store.StorageKey(key));
        return leaf is null ? UInt256.Zero : StorageLeaf.DecodeValue(leaf.Payload);
    }

    public bool HasStorage(in Address address) => TryGetAccountLeaf(address, out var account) && !account.StorageRoot.IsZero;

    public byte[] GetCode(in Hash256 codeHash) => _store.GetCode(codeHash);

    // ---- commits ----

    /// <summary>Applies a block's changes, writes them in one RocksDB write, and moves this view to the new root.</summary>
    public Fr Commit(StateChanges changes)
    {
        using var batch = new WriteBatch();
        Fr root = Commit(changes, batch);
        _store.Write(batch);
        return root;
    }

    /// <summary>Applies a block's changes into <paramref name="batch"/> (for the caller to add its block data and
    /// write with <see cref="StateStore.Write"/>, atomically) and moves this view to the new root, readable at once.</summary>
    public Fr Commit(StateChanges changes, WriteBatch batch)
    {
        Root = StateCommitter.Apply(_store, Root, changes, batch);
        _accounts = new();
        return Root;
    }

    // ---- proofs ----

    /// <summary>The account's path and each slot's path in its storage trie (the format of docs/state-tree.md).</summary>
    public AccountProof GetProof(in Address address, IReadOnlyList<UInt256> slots) => StateProofs.Build(_store, Root, address, slots);
}
