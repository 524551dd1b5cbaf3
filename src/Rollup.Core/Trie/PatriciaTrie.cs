using Rollup.Core.Crypto;
using Rollup.Core.Types;

namespace Rollup.Core.Trie;

/// <summary>Ethereum's hexary Merkle-Patricia trie, in memory: byte-string keys to non-empty byte-string
/// values, with the root hash Ethereum puts in block headers (state, transactions, receipts, storage).</summary>
/// <remarks>
/// Setting a key to an empty value deletes it, as in Ethereum, where an empty value is never stored.
/// Each node caches its reference (embedded RLP or hash); a change clears the caches only on its own path,
/// so after a batch of changes <see cref="RootHash"/> re-hashes just the nodes the batch touched.
/// Not thread-safe.
/// </remarks>
public sealed class PatriciaTrie
{
    /// <summary>Root of the empty trie: Keccak-256 of the RLP empty string (0x80).</summary>
    public static readonly Hash256 EmptyRoot = Hash256.Parse("0x56e81f171bcc55a6ff8345e692c0f86e5b48e01b996cadc001622fb5e363b421");

    private TrieNode? _root;

    public bool IsEmpty => _root is null;

    public Hash256 RootHash
    {
        get
        {
            if (_root is null) return EmptyRoot;
            NodeEncoder.EnsureReference(_root);
            // The root is always referred to by hash, even when its RLP is short enough to embed.
            return _root.Embedded is { } embedded ? Keccak256.Hash(embedded) : _root.Hash;
        }
    }

    public void Set(ReadOnlySpan<byte> key, ReadOnlySpan<byte> value)
    {
        if (value.IsEmpty)
        {
            Delete(key);
            return;
        }
        _root = Insert(_root, Nibbles.FromKey(key), value.ToArray());
    }

    /// <summary>Removes the key; returns whether it was there.</summary>
    public bool Delete(ReadOnlySpan<byte> key)
    {
        if (_root is null) return false;
        var (root, removed) = Remove(_root, Nibbles.FromKey(key));
        _root = root;
        return removed;
    }

    /// <summary>The value stored under the key, without copying; empty when the key is absent. The span stays
    /// valid after later changes (values are never modified in place, only replaced).</summary>
    public bool TryGet(scoped ReadOnlySpan<byte> key, out ReadOnlySpan<byte> value)
    {
        var found = Find(key);
        value = found;
        return found is not null;
    }

    /// <summary>A copy of the value stored under the key, or null.</summary>
    public byte[]? Get(ReadOnlySpan<byte> key) => Find(key)?.ToArray();

    /// <summary>Every key and value, in ascending order of key bytes.</summary>
    public IEnumerable<KeyValuePair<byte[], byte[]>> Enumerate()
    {
        if (_root is null) yield break;
        var stack = new Stack<(TrieNode Node, byte[] Prefix)>();
        stack.Push((_root, []));
        while (stack.Count > 0)
        {
            var (node, prefix) = stack.Pop();
            switch (node)
            {
                case LeafNode leaf:
                    yield return new(Nibbles.ToKey(Nibbles.Concat(prefix, leaf.Path)), leaf.Value.ToArray());
                    break;
                case ExtensionNode extension:
                    stack.Push((extension.Child, Nibbles.Concat(prefix, extension.Path)));
                    break;
                case BranchNode branch:
                    // A key ending here is a prefix of every key below, so it comes first.
                    if (branch.Value is not null) yield return new(Nibbles.ToKey(prefix), branch.Value.ToArray());
                    for (int i = 15; i >= 0; i--)
                        if (branch.Children[i] is { } child) stack.Push((child, Nibbles.Concat(prefix, [(byte)i])));
                    break;
            }
        }
    }

    private byte[]? Find(ReadOnlySpan<byte> key)
    {
        ReadOnlySpan<byte> path = Nibbles.FromKey(key);
        var node = _root;
        while (node is not null)
        {
            switch (node)
            {
                case LeafNode leaf:
                    return path.SequenceEqual(leaf.Path) ? leaf.Value : null;
                case ExtensionNode extension:
                    if (!path.StartsWith(extension.Path)) return null;
                    path = path[extension.Path.Length..];
                    node = extension.Child;
                    break;
                case BranchNode branch:
                    if (path.IsEmpty) return branch.Value;
                    node = branch.Children[path[0]];
                    path = path[1..];
                    break;
            }
        }
        return null;
    }

    /// <summary>Puts the value under the path below <paramref name="node"/>; returns the node that replaces it.</summary>
    private static TrieNode Insert(TrieNode? node, ReadOnlySpan<byte> path, byte[] value)
    {
        switch (node)
        {
            case null:
                return new LeafNode(path.ToArray(), value);

            case LeafNode leaf:
            {
                int common = Nibbles.CommonPrefixLength(leaf.Path, path);
                if (common == leaf.Path.Length && common == path.Length)
                {
                    leaf.Value = value;
                    leaf.Invalidate();
                    return leaf;
                }
                // The paths part: a branch where they do, holding both (a path that ends there as its value).
                var branch = new BranchNode();
                Place(branch, leaf.Path.AsSpan(common), leaf.Value);
                Place(branch, path[common..], value);
                return common == 0 ? branch : new ExtensionNode(path[..common].ToArray(), branch);
            }

            case ExtensionNode extension:
            {
                int common = Nibbles.CommonPrefixLength(extension.Path, path);
                if (common == extension.Path.Length)
                {
                    extension.Child = Insert(extension.Child, path[common..], value);
                    extension.Invalidate();
                    return extension;
                }
                // The new path leaves the extension part-way: split it at that nibble.
                var branch = new BranchNode();
                var below = extension.Path.AsSpan(common + 1);
                branch.Children[extension.Path[common]] = below.IsEmpty ? extension.Child : new ExtensionNode(below.ToArray(), extension.Child);
                Place(branch, path[common..], value);
                return common == 0 ? branch : new ExtensionNode(path[..common].ToArray(), branch);
            }

            case BranchNode branch:
                if (path.IsEmpty) branch.Value = value;
                else branch.Children[path[0]] = Insert(branch.Children[path[0]], path[1..], value);
                branch.Invalidate();
                return branch;

            default:
                throw new InvalidOperationException(node.GetType().Name);
        }
    }

    /// <summary>Puts a value into a fresh branch: as the branch's own value if the path ends there, else as a leaf.</summary>
    private static void Place(BranchNode branch, ReadOnlySpan<byte> path, byte[] value)
    {
        if (path.IsEmpty) branch.Value = value;
        else branch.Children[path[0]] = new LeafNode(path[1..].ToArray(), value);
    }

    /// <summary>Removes the path below <paramref name="node"/>; returns the replacement (null when nothing is
    /// left) and whether anything was removed. Untouched subtrees keep their cached references.</summary>
    private static (TrieNode? Node, bool Removed) Remove(TrieNode node, ReadOnlySpan<byte> path)
    {
        switch (node)
        {
            case LeafNode leaf:
                return path.SequenceEqual(leaf.Path) ? (null, true) : (leaf, false);

            case ExtensionNode extension:
            {
                if (!path.StartsWith(extension.Path)) return (extension, false);
                var (child, removed) = Remove(extension.Child, path[extension.Path.Length..]);
                if (!removed) return (extension, false);
                // The child was a branch with two or more entries, so something is left; if the branch
                // collapsed, join its remains to this extension's path, as canonical form requires.
                return (Prepend(extension.Path, child!, extension), true);
            }

            case BranchNode branch:
            {
                if (path.IsEmpty)
                {
                    if (branch.Value is null) return (branch, false);
                    branch.Value = null;
                }
                else
                {
                    var child = branch.Children[path[0]];
                    if (child is null) return (branch, false);
                    var (replacement, removed) = Remove(child, path[1..]);
                    if (!removed) return (branch, false);
                    branch.Children[path[0]] = replacement;
                }
                return (Collapse(branch), true);
            }

            default:
                throw new InvalidOperationException(node.GetType().Name);
        }
    }

    /// <summary>A branch left with fewer than two entries is no longer canonical: a lone value becomes a leaf,
    /// a lone child is merged with the nibble that led to it.</summary>
    private static TrieNode Collapse(BranchNode branch)
    {
        int children = branch.ChildCount;
        if (children == 0 && branch.Value is not null) return new LeafNode([], branch.Value);
        if (children == 1 && branch.Value is null)
        {
            int index = Array.FindIndex(branch.Children, c => c is not null);
            return Prepend([(byte)index], branch.Children[index]!, null);
        }
        branch.Invalidate();
        return branch;
    }

    /// <summary>The node <paramref name="child"/> reached through <paramref name="prefix"/>: a leaf or extension
    /// absorbs the prefix into its own path; a branch hangs below an extension (<paramref name="reuse"/> if given).</summary>
    private static TrieNode Prepend(byte[] prefix, TrieNode child, ExtensionNode? reuse) => child switch
    {
        LeafNode leaf => new LeafNode(Nibbles.Concat(prefix, leaf.Path), leaf.Value),
        ExtensionNode extension => new ExtensionNode(Nibbles.Concat(prefix, extension.Path), extension.Child),
        _ when reuse is not null => Relink(reuse, child),
        _ => new ExtensionNode(prefix, child),
    };

    private static ExtensionNode Relink(ExtensionNode extension, TrieNode child)
    {
        extension.Child = child;
        extension.Invalidate();
        return extension;
    }
}
