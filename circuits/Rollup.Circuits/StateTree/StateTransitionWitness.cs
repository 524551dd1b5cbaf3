using System.Numerics;
using Rollup.Core.Numerics;
using Rollup.Core.Types;
using Rollup.Crypto.Bn254.Fields;
using Rollup.Evm.State;
using Rollup.Evm.Tracing.Zk;
using Rollup.State.Leaves;
using Rollup.State.Trie;

namespace Rollup.Circuits.StateTree;

/// <summary>What the state-transition circuit proves: the ordered state-tree updates that take the previous state root
/// to the new one, one per touched key — every storage slot the batch's read/write log touches, in its account's
/// storage trie, then every touched account in the account trie with its new storage root.
/// <para>Order (canonical, chosen by the builder; the circuit does not depend on it): storage tries by address, each
/// trie's slots by (slot hi, slot lo) as the read/write table sorts them, then the account trie by address. The account
/// trie comes last so that the chain's last region (whatever the padding) ends at the new state root.</para></summary>
public sealed record StateTransitionWitness(Fr PreviousRoot, Fr NewRoot, IReadOnlyList<SmtUpdate> Updates)
{
    /// <summary>Each touched (address, field) and (address, slot): its value before the batch (the tree's) and after
    /// (the last value in the read/write log).</summary>
    public IReadOnlyDictionary<(Address Address, RwTag Tag, UInt256 Key), (UInt256 Initial, UInt256 Final)> Touched { get; init; } =
        new Dictionary<(Address, RwTag, UInt256), (UInt256, UInt256)>();

    /// <summary>How many of <see cref="Updates"/> are real (the rest count as padding). All of them unless a soundness
    /// test passes a change off as padding.</summary>
    public int? RealRegions { get; init; }
}

/// <summary>Builds a <see cref="StateTransitionWitness"/> from the pre-state and the batch's read/write log, with the
/// node's own trie code (Rollup.State: leaf encodings, keys, <see cref="SparseMerkleTrie"/>) so that the roots are the
/// node's. Final values come from the log (its last access of each key), so a failed transaction's undone writes count
/// as the log says: the undo writes come later.</summary>
public static class StateTransitionBuilder
{
    /// <summary>The pre-state as the node's tree: an in-memory node store holding the account trie and every storage
    /// trie of <paramref name="state"/> (the same leaves <c>StateCommitter</c> writes). Returns the store and the root.</summary>
    public static (MemoryNodeStore Nodes, Fr Root) TreeOf(InMemoryStateSource state)
    {
        var store = new MemoryNodeStore();
        var accounts = new SparseMerkleTrie(store, Fr.Zero);
        var created = new List<KeyValuePair<Fr, NodeRecord>>();
        foreach (var (address, data) in state.Accounts)
        {
            var storage = new SparseMerkleTrie(store, Fr.Zero);
            foreach (var (slot, value) in state.StorageOf(address))
                if (!value.IsZero) storage.Set(StateKeys.Storage(slot), StorageLeaf.ValueHash(value), StorageLeaf.EncodePayload(slot, value));
            var storageNodes = new List<KeyValuePair<Fr, NodeRecord>>();
            Fr storageRoot = storage.Commit(storageNodes);
            store.Add(storageNodes);
            var leaf = LeafOf(address, data, state.GetCode(data.CodeHash), storageRoot);
            if (!leaf.IsEmpty) accounts.Set(StateKeys.Account(address), leaf.ValueHash(), leaf.EncodePayload());
        }
        Fr root = accounts.Commit(created);
        store.Add(created);
        return (store, root);
    }

    private static AccountLeaf LeafOf(Address address, AccountData data, byte[] code, Fr storageRoot) =>
        data.CodeHash == AccountData.EmptyCodeHash
            ? new AccountLeaf(address, data.Nonce, data.Balance, data.CodeHash, Fr.Zero, 0, storageRoot)
            : new AccountLeaf(address, data.Nonce, data.Balance, data.CodeHash, PoseidonCodeHash.Compute(code), (ulong)code.Length, storageRoot);

    /// <summary>The transition from <paramref name="preState"/> by the log <paramref name="rw"/> (any order; the
    /// builder sorts it as the read/write table does). <paramref name="finalOverride"/> lets soundness tests claim
    /// another final value for a key; <paramref name="keepEmptyAccounts"/>, to keep an empty account's leaf (the node
    /// deletes it).</summary>
    public static StateTransitionWitness Build(InMemoryStateSource preState, IEnumerable<RwEntry> rw,
        Func<(Address Address, RwTag Tag, UInt256 Key), UInt256, UInt256>? finalOverride = null, bool keepEmptyAccounts = false)
    {
        var (store, previousRoot) = TreeOf(preState);
        return Build(store, previousRoot, rw, finalOverride, keepEmptyAccounts);
    }

    /// <summary>The transition from the tree at <paramref name="previousRoot"/> in <paramref name="store"/> (the node's
    /// own RocksDB store at the batch's parent state, or an in-memory one): nothing is written to the store; the
    /// batch's new nodes live in an overlay.</summary>
    public static StateTransitionWitness Build(INodeReader store, Fr previousRoot, IEnumerable<RwEntry> rw,
        Func<(Address Address, RwTag Tag, UInt256 Key), UInt256, UInt256>? finalOverride = null, bool keepEmptyAccounts = false)
    {
        var touched = new Dictionary<(Address, RwTag, UInt256), (UInt256 Initial, UInt256 Final)>();
        foreach (var e in State.StateCircuit.Sorted(rw))
        {
            if (e.Tag is not (RwTag.Storage or RwTag.Account)) continue;
            var key = (e.Address, e.Tag, e.Key);
            touched[key] = touched.TryGetValue(key, out var seen) ? (seen.Initial, e.Value) : (e.Previous, e.Value);
        }
        if (finalOverride is not null)
            foreach (var key in touched.Keys.ToList()) touched[key] = (touched[key].Initial, finalOverride(key, touched[key].Final));

        static BigInteger Order(Address a) => new(a.Bytes, isUnsigned: true, isBigEndian: true);
        var addresses = touched.Keys.Select(k => k.Item1).Distinct().OrderBy(Order).ToList();
        foreach (var a in addresses)
            if (!touched.Keys.Any(k => k.Item1 == a && k.Item2 == RwTag.Account))
                throw new NotSupportedException($"storage of {a} is touched but none of its account fields: its account region would have no key in the log");

        var overlay = new OverlayNodeStore(store);
        var updates = new List<SmtUpdate>();
        SmtUpdate Apply(ref Fr root, Fr key, Fr? valueHash, byte[] payload, Fr trie, LeafPreimage preimage)
        {
            var before = TrieReader.Prove(overlay, root, new TrieKey(key));
            var step = new SparseMerkleTrie(overlay, root);
            if (valueHash is { } vh) step.Set(key, vh, payload); else step.Delete(key);
            var nodes = new List<KeyValuePair<Fr, NodeRecord>>();
            root = step.Commit(nodes);
            overlay.Add(nodes);
            var after = TrieReader.Prove(overlay, root, new TrieKey(key));
            return SmtUpdate.From(before, after, overlay) with { Trie = trie, Preimage = preimage };
        }

        // Storage tries first: each touched slot of each address, from the account's storage root before the batch.
        var oldLeaves = new Dictionary<Address, AccountLeaf?>();
        var newStorageRoots = new Dictionary<Address, Fr>();
        foreach (var address in addresses)
        {
            AccountLeaf? old = TrieReader.Find(store, previousRoot, StateKeys.AccountPath(address)) is { } record ? AccountLeaf.DecodePayload(record.Payload) : null;
            oldLeaves[address] = old;
            Fr storageRoot = old?.StorageRoot ?? Fr.Zero;
            var owner = FieldEncoding.FromAddress(address);
            foreach (var ((_, _, slot), (_, final)) in touched.Where(t => t.Key.Item1 == address && t.Key.Item2 == RwTag.Storage)
                         .OrderBy(t => t.Key.Item3.U3).ThenBy(t => t.Key.Item3.U2).ThenBy(t => t.Key.Item3.U1).ThenBy(t => t.Key.Item3.U0))
            {
                var oldValue = SlotValue(overlay, storageRoot, slot);
                updates.Add(Apply(ref storageRoot, StateKeys.Storage(slot), final.IsZero ? null : StorageLeaf.ValueHash(final),
                    StorageLeaf.EncodePayload(slot, final), owner, LeafPreimage.Storage(owner, slot, oldValue, final)));
            }
            newStorageRoots[address] = storageRoot;
        }

        // Then the account trie: each touched account's fields after the batch, with its new storage root.
        Fr accountRoot = previousRoot;
        foreach (var address in addresses)
        {
            var old = oldLeaves[address];
            var data = old?.Data ?? AccountData.Empty;
            foreach (var ((_, tag, key), (_, final)) in touched.Where(t => t.Key.Item1 == address && t.Key.Item2 == RwTag.Account))
                data = (AccountField)(byte)key.U0 switch
                {
                    AccountField.Nonce => data with { Nonce = final.U0 },
                    AccountField.Balance => data with { Balance = final },
                    AccountField.CodeHash => data with { CodeHash = new Hash256(final.ToBigEndian()) },
                    _ => throw new NotSupportedException($"account field {key}"),
                };
            if (data.CodeHash != (old?.CodeHash ?? AccountData.EmptyCodeHash))
                throw new NotSupportedException($"the code of {address} changes: code deposits are not proven yet");
            var leaf = old is { } o
                ? o with { Nonce = data.Nonce, Balance = data.Balance, StorageRoot = newStorageRoots[address] }
                : new AccountLeaf(address, data.Nonce, data.Balance, data.CodeHash, Fr.Zero, 0, newStorageRoots[address]);
            if (leaf.IsEmpty && old is { }) throw new NotSupportedException($"{address} is left empty: account deletion is not proven yet");
            var oldFields = new Fr[AccountLeaf.FieldCount];
            old?.WriteFields(oldFields);
            var newFields = new Fr[AccountLeaf.FieldCount];
            bool present = !leaf.IsEmpty || keepEmptyAccounts;
            if (present) leaf.WriteFields(newFields);
            var preimage = LeafPreimage.Account(FieldEncoding.FromAddress(address), oldFields, newFields);
            updates.Add(Apply(ref accountRoot, StateKeys.Account(address), present ? leaf.ValueHash() : null, leaf.EncodePayload(), Fr.Zero, preimage));
        }
        return new StateTransitionWitness(previousRoot, accountRoot, updates) { Touched = touched.ToDictionary(t => t.Key, t => t.Value) };
    }

    /// <summary>A slot's value under a storage root, 0 when absent (the leaf's stored preimage holds it).</summary>
    private static UInt256 SlotValue(INodeReader nodes, Fr root, UInt256 slot) =>
        TrieReader.Find(nodes, root, StateKeys.StoragePath(slot)) is { } record ? StorageLeaf.DecodeValue(record.Payload) : UInt256.Zero;
}
