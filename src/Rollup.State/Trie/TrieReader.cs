using Rollup.Crypto.Bn254.Fields;

namespace Rollup.State.Trie;

/// <summary>Lookups and proofs on a committed root, straight from the stored nodes (no working tree, so any number
/// of threads may read any roots at once).</summary>
public static class TrieReader
{
    /// <summary>The leaf of <paramref name="key"/> under <paramref name="root"/>, or null when the key is absent.</summary>
    public static NodeRecord? Find(INodeReader nodes, in Fr root, in TrieKey key)
    {
        Fr hash = root;
        for (int depth = 0; !hash.IsZero; depth++)
        {
            NodeRecord node = nodes.GetNode(hash);
            if (node.Kind == NodeKind.Leaf) return node.Key == key.Value ? node : null;
            hash = key.Bit(depth) == 0 ? node.Left : node.Right;
        }
        return null;
    }

    /// <summary>The path of <paramref name="key"/> under <paramref name="root"/>, for presence or absence.</summary>
    public static TrieProof Prove(INodeReader nodes, in Fr root, in TrieKey key) => Prove(nodes, root, key, out _);

    /// <summary>As <see cref="Prove(INodeReader, in Fr, in TrieKey)"/>, also giving the terminal leaf's record
    /// (null for an empty terminal), whose payload holds the value.</summary>
    public static TrieProof Prove(INodeReader nodes, in Fr root, in TrieKey key, out NodeRecord? terminal)
    {
        var siblings = new List<Fr>();
        Fr hash = root;
        terminal = null;
        for (int depth = 0; !hash.IsZero; depth++)
        {
            NodeRecord node = nodes.GetNode(hash);
            if (node.Kind == NodeKind.Leaf)
            {
                terminal = node;
                return new TrieProof(key.Value, siblings, TerminalKind.Leaf, node.Key, node.ValueHash);
            }
            int bit = key.Bit(depth);
            siblings.Add(bit == 0 ? node.Right : node.Left);
            hash = bit == 0 ? node.Left : node.Right;
        }
        return new TrieProof(key.Value, siblings, TerminalKind.Empty, Fr.Zero, Fr.Zero);
    }

    /// <summary>Every leaf under <paramref name="root"/>, left to right (for dumps and tests; walks the whole trie).</summary>
    public static IEnumerable<NodeRecord> Leaves(INodeReader nodes, Fr root)
    {
        if (root.IsZero) yield break;
        var stack = new Stack<Fr>();
        stack.Push(root);
        while (stack.Count > 0)
        {
            NodeRecord node = nodes.GetNode(stack.Pop());
            if (node.Kind == NodeKind.Leaf) { yield return node; continue; }
            if (!node.Right.IsZero) stack.Push(node.Right);
            if (!node.Left.IsZero) stack.Push(node.Left);
        }
    }
}
