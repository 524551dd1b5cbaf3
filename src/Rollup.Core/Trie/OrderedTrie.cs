using Rollup.Core.Rlp;
using Rollup.Core.Types;

namespace Rollup.Core.Trie;

/// <summary>Roots of ordered lists as block headers commit to them (transactions, receipts, withdrawals):
/// a trie from RLP(index) to each item's encoding.</summary>
public static class OrderedTrie
{
    public static Hash256 Root(IReadOnlyList<byte[]> items)
    {
        var trie = new PatriciaTrie();
        Span<byte> key = stackalloc byte[9];
        for (int i = 0; i < items.Count; i++)
        {
            int length = RlpEncoding.WriteUInt64(key, (ulong)i);
            trie.Set(key[..length], items[i]);
        }
        return trie.RootHash;
    }
}
