using Rollup.Core.Crypto;
using Rollup.Core.Rlp;
using Rollup.Core.Transactions;
using Rollup.Core.Trie;
using Rollup.Core.Types;

namespace Rollup.Core.Blocks;

/// <summary>The commitments a header makes to its body and receipts: ordered-trie roots keyed by rlp(index), and the
/// ommers hash (keccak of the RLP list of ommer headers).</summary>
public static class BlockRoots
{
    /// <summary>Each leaf is the transaction's canonical encoding (type ‖ rlp for typed ones, without a string wrapper).</summary>
    public static Hash256 Transactions(IReadOnlyList<Transaction> transactions) =>
        OrderedTrie.Root([.. transactions.Select(TransactionEncoder.Encode)]);

    public static Hash256 Receipts(IReadOnlyList<Receipt> receipts) => OrderedTrie.Root([.. receipts.Select(ReceiptCodec.Encode)]);

    public static Hash256 Withdrawals(IReadOnlyList<Withdrawal> withdrawals) => OrderedTrie.Root([.. withdrawals.Select(w => w.Encode())]);

    public static Hash256 Ommers(IReadOnlyList<BlockHeader> ommers)
    {
        using var w = new RlpWriter(ommers.Count * 600 + 8);
        int list = w.StartList();
        foreach (var ommer in ommers) BlockHeaderCodec.Write(w, ommer);
        w.EndList(list);
        return Keccak256.Hash(w.WrittenSpan);
    }
}
