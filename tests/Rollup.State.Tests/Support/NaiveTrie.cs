using Rollup.Crypto.Bn254.Fields;
using Rollup.State.Trie;

namespace Rollup.State.Tests.Support;

/// <summary>The tree's definition, executed literally: the root of a leaf set, recursively, splitting on one key
/// bit per level. No storage, no incremental updates: what the incremental trie must always agree with.</summary>
internal static class NaiveTrie
{
    public static Fr Root(IEnumerable<(Fr Key, Fr ValueHash)> leaves) =>
        Root([.. leaves.Select(l => (new TrieKey(l.Key), l.ValueHash))], 0);

    private static Fr Root(List<(TrieKey Key, Fr ValueHash)> leaves, int depth)
    {
        if (leaves.Count == 0) return NodeHash.Empty;
        if (leaves.Count == 1) return NodeHash.Leaf(leaves[0].Key.Value, leaves[0].ValueHash);
        var left = leaves.Where(l => l.Key.Bit(depth) == 0).ToList();
        var right = leaves.Where(l => l.Key.Bit(depth) == 1).ToList();
        return NodeHash.Branch(Root(left, depth + 1), Root(right, depth + 1));
    }
}
