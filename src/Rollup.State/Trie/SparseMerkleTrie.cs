using Rollup.Crypto.Bn254.Fields;

namespace Rollup.State.Trie;

/// <summary>
/// A compressed binary sparse Merkle trie being updated (format: docs/state-tree.md). Open it at a root, apply
/// any number of sets and deletes — they only reshape the in-memory tree and never hash — then <see cref="Commit"/>
/// rehashes each changed node exactly once, bottom-up, and hands back the nodes to store. Untouched subtrees are
/// never loaded. Not thread-safe; reads of committed roots go through <see cref="TrieReader"/> instead.
/// </summary>
public sealed class SparseMerkleTrie
{
    /// <summary>Below this many updates since the last commit, hashing in parallel costs more than it saves.</summary>
    private const int ParallelThreshold = 256;
    /// <summary>Subtrees hashed in parallel are taken this many levels below the root (up to 2^3 = 8 tasks).</summary>
    private const int ParallelSplitDepth = 3;

    private readonly INodeReader _nodes;
    private WorkingNode? _root;
    private int _updates;

    public SparseMerkleTrie(INodeReader nodes, in Fr root)
    {
        _nodes = nodes;
        _root = root.IsZero ? null : new StoredRef(root);
    }

    /// <summary>Inserts or replaces the leaf of <paramref name="key"/>.</summary>
    public void Set(in Fr key, in Fr valueHash, byte[] payload) => Set(TrieLeaf.Create(key, valueHash, payload));

    internal void Set(TrieLeaf leaf)
    {
        _root = Insert(_root, leaf, 0);
        _updates++;
    }

    /// <summary>Removes the leaf of <paramref name="key"/> if there is one, lifting a leaf left alone in its branch
    /// as far up as the trie's compression requires.</summary>
    public void Delete(in Fr key)
    {
        _root = Remove(_root, new TrieKey(key), 0, out _);
        _updates++;
    }

    /// <summary>Hashes every changed node once and returns the root; the new nodes (hash, record) are added to
    /// <paramref name="created"/>, children before parents. With <paramref name="parallelism"/> above 1 and many
    /// updates, the changed subtrees a few levels down are hashed on several threads first (they share no node).
    /// The trie stays usable for further updates.</summary>
    public Fr Commit(ICollection<KeyValuePair<Fr, NodeRecord>> created, int parallelism = 1)
    {
        if (parallelism > 1 && _updates >= ParallelThreshold)
        {
            var subtrees = new List<WorkingBranch>();
            CollectDirty(_root, 0, subtrees);
            var lists = new List<KeyValuePair<Fr, NodeRecord>>[subtrees.Count];
            Parallel.For(0, subtrees.Count, new ParallelOptions { MaxDegreeOfParallelism = parallelism },
                i => HashOf(subtrees[i], lists[i] = []));
            foreach (var list in lists) foreach (var node in list) created.Add(node);
        }
        _updates = 0;
        return HashOf(_root, created);
    }

    private static void CollectDirty(WorkingNode? node, int depth, List<WorkingBranch> into)
    {
        if (node is not WorkingBranch { HashValid: false } branch) return;
        if (depth == ParallelSplitDepth) { into.Add(branch); return; }
        CollectDirty(branch.Left, depth + 1, into);
        CollectDirty(branch.Right, depth + 1, into);
    }

    private WorkingNode Resolve(StoredRef stored)
    {
        NodeRecord record = _nodes.GetNode(stored.Hash);
        if (record.Kind == NodeKind.Leaf) return TrieLeaf.FromRecord(record, stored.Hash);
        return new WorkingBranch
        {
            Left = record.Left.IsZero ? null : new StoredRef(record.Left),
            Right = record.Right.IsZero ? null : new StoredRef(record.Right),
            Hash = stored.Hash,
            HashValid = true,
        };
    }

    private WorkingNode Insert(WorkingNode? node, TrieLeaf leaf, int depth)
    {
        if (node is StoredRef stored) node = Resolve(stored);
        switch (node)
        {
            case null:
                return leaf;
            case TrieLeaf existing:
                return existing.Key.Equals(leaf.Key) ? leaf : Split(existing, leaf, depth);
            case WorkingBranch branch:
                int bit = leaf.Key.Bit(depth);
                branch.SetChild(bit, Insert(branch.Child(bit), leaf, depth + 1));
                return branch;
            default:
                throw new InvalidOperationException("unknown working node");
        }
    }

    /// <summary>Two leaves that share the path down to <paramref name="depth"/>: branches with one empty side
    /// until their keys' bits differ, then a branch holding both.</summary>
    private static WorkingBranch Split(TrieLeaf a, TrieLeaf b, int depth)
    {
        if (depth >= TrieKey.MaxDepth)
            throw new InvalidOperationException($"keys {a.Key} and {b.Key} agree on every path bit");
        var branch = new WorkingBranch();
        int bitA = a.Key.Bit(depth), bitB = b.Key.Bit(depth);
        if (bitA != bitB)
        {
            branch.SetChild(bitA, a);
            branch.SetChild(bitB, b);
        }
        else
        {
            branch.SetChild(bitA, Split(a, b, depth + 1));
        }
        return branch;
    }

    /// <summary>Removes <paramref name="key"/> below <paramref name="node"/>; <paramref name="changed"/> tells
    /// whether anything was removed, so parents of an absent key stay clean.</summary>
    private WorkingNode? Remove(WorkingNode? node, in TrieKey key, int depth, out bool changed)
    {
        if (node is StoredRef stored) node = Resolve(stored);
        switch (node)
        {
            case null:
                changed = false;
                return null;
            case TrieLeaf leaf:
                changed = leaf.Key.Equals(key);
                return changed ? null : leaf;
            case WorkingBranch branch:
                int bit = key.Bit(depth);
                WorkingNode? child = Remove(branch.Child(bit), key, depth + 1, out changed);
                if (!changed) return branch;
                branch.SetChild(bit, child);
                // A branch must hold at least two leaves below it. Only an empty or single-leaf side can break
                // that, and only if the other side is empty or one leaf too: then the leaf moves up here.
                if (child is null or TrieLeaf)
                {
                    WorkingNode? other = branch.Child(1 - bit);
                    if (other is StoredRef otherStored)
                    {
                        other = Resolve(otherStored);
                        // Put the resolved node back without dirtying: the sibling itself did not change.
                        if (bit == 0) branch.Right = other; else branch.Left = other;
                    }
                    if (other is null) return child;
                    if (child is null && other is TrieLeaf) return other;
                }
                return branch;
            default:
                throw new InvalidOperationException("unknown working node");
        }
    }

    private static Fr HashOf(WorkingNode? node, ICollection<KeyValuePair<Fr, NodeRecord>> created)
    {
        switch (node)
        {
            case null:
                return NodeHash.Empty;
            case StoredRef stored:
                return stored.Hash;
            case TrieLeaf leaf:
                if (!leaf.IsStored) created.Add(new(leaf.Hash, leaf.ToRecord()));
                return leaf.Hash;
            case WorkingBranch branch:
                if (branch.HashValid) return branch.Hash;
                Fr left = HashOf(branch.Left, created), right = HashOf(branch.Right, created);
                branch.Hash = NodeHash.Branch(left, right);
                branch.HashValid = true;
                created.Add(new(branch.Hash, NodeRecord.Branch(left, right)));
                return branch.Hash;
            default:
                throw new InvalidOperationException("unknown working node");
        }
    }
}
