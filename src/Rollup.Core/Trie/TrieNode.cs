using Rollup.Core.Types;

namespace Rollup.Core.Trie;

/// <summary>A node of the in-memory trie. A change replaces or invalidates only the nodes on the path to the
/// changed key; every other node keeps its cached reference, so the next root hash re-encodes just that path.</summary>
internal abstract class TrieNode
{
    // How the parent refers to this node, computed on demand and dropped when the node changes: the node's
    // RLP itself when shorter than 32 bytes (embedded in the parent), otherwise the Keccak-256 of the RLP.
    internal bool HasReference;
    internal byte[]? Embedded;
    internal Hash256 Hash;

    public void Invalidate()
    {
        HasReference = false;
        Embedded = null;
    }

    /// <summary>Bytes the reference takes inside the parent's RLP: the embedded node, or a 32-byte string.</summary>
    public int ReferenceLength => Embedded?.Length ?? 33;
}

/// <summary>The end of a key: the rest of its path and its value.</summary>
internal sealed class LeafNode(byte[] path, byte[] value) : TrieNode
{
    public readonly byte[] Path = path;
    public byte[] Value = value;
}

/// <summary>A run of nibbles shared by every key below, leading to a branch.</summary>
internal sealed class ExtensionNode(byte[] path, TrieNode child) : TrieNode
{
    public readonly byte[] Path = path;
    public TrieNode Child = child;
}

/// <summary>A fork on the next nibble, with the value of the key that ends exactly here, if any.</summary>
internal sealed class BranchNode : TrieNode
{
    public readonly TrieNode?[] Children = new TrieNode?[16];
    public byte[]? Value;

    public int ChildCount
    {
        get
        {
            int n = 0;
            foreach (var c in Children) if (c is not null) n++;
            return n;
        }
    }
}
