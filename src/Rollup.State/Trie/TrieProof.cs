using Rollup.Crypto.Bn254.Fields;

namespace Rollup.State.Trie;

/// <summary>What a lookup path ends in: nothing (the empty subtree) or a leaf, whose key may be another than the
/// one looked up (then that key is absent).</summary>
public enum TerminalKind : byte
{
    Empty = 0,
    Leaf = 1,
}

/// <summary>
/// A path from the root to where <see cref="Key"/> is or would be: the sibling hashes root first
/// (<c>Siblings[i]</c> is the other child of the branch at depth i, so a terminal at depth d has d siblings), and
/// the terminal node. It proves presence when the terminal is a leaf of <see cref="Key"/> (its value hash then
/// binds the value), absence when it is empty or a leaf of another key on the same path.
/// </summary>
public sealed record TrieProof(Fr Key, IReadOnlyList<Fr> Siblings, TerminalKind Terminal, Fr LeafKey, Fr LeafValueHash)
{
    public int Depth => Siblings.Count;

    /// <summary>True when this proves that <see cref="Key"/> is in the trie, with value hash <see cref="LeafValueHash"/>.</summary>
    public bool ProvesPresence => Terminal == TerminalKind.Leaf && LeafKey == Key;

    /// <summary>
    /// The root this path commits to, or null when the path is malformed: deeper than <see cref="TrieKey.MaxDepth"/>,
    /// or ending in another key's leaf that does not lie on this key's path (such a leaf could not sit there in a
    /// canonical trie, so it proves nothing about this key).
    /// </summary>
    public Fr? ComputeRoot()
    {
        if (Depth > TrieKey.MaxDepth) return null;
        var key = new TrieKey(Key);
        Fr node;
        if (Terminal == TerminalKind.Empty) node = NodeHash.Empty;
        else if (Terminal == TerminalKind.Leaf)
        {
            if (!key.SharesPrefix(new TrieKey(LeafKey), Depth)) return null;
            node = NodeHash.Leaf(LeafKey, LeafValueHash);
        }
        else return null;

        for (int depth = Depth - 1; depth >= 0; depth--)
            node = key.Bit(depth) == 0 ? NodeHash.Branch(node, Siblings[depth]) : NodeHash.Branch(Siblings[depth], node);
        return node;
    }

    /// <summary>Checks the path against <paramref name="root"/>: presence of <see cref="Key"/> with
    /// <paramref name="valueHash"/>, or, when <paramref name="valueHash"/> is null, its absence.</summary>
    public bool Verify(in Fr root, Fr? valueHash)
    {
        if (valueHash is { } expected)
        {
            if (!ProvesPresence || LeafValueHash != expected) return false;
        }
        else if (ProvesPresence) return false;
        return ComputeRoot() is { } computed && computed == root;
    }
}
