using Rollup.Core.Blocks;
using Rollup.Core.Rlp;
using Rollup.Core.Transactions;

namespace Rollup.Sequencer.Batches;

/// <summary>The bytes a batch posts to L1, from which anyone can re-execute its blocks:
/// <c>rlp([block_1, ..., block_k])</c>, each <c>block_i = rlp([number, timestamp, [tx_1, ..., tx_n]])</c> and each
/// <c>tx_j</c> a byte string holding the transaction's canonical (EIP-2718) encoding. Number and timestamp are in
/// because execution reads them (NUMBER, TIMESTAMP, and the base fee follows from the chain of gas used).</summary>
public static class BatchData
{
    public static byte[] Encode(IEnumerable<Block> blocks)
    {
        using var w = new RlpWriter(4096);
        int list = w.StartList();
        foreach (var block in blocks)
        {
            int item = w.StartList();
            w.WriteUInt64(block.Number);
            w.WriteUInt64(block.Header.Timestamp);
            int txs = w.StartList();
            foreach (var tx in block.Transactions) w.WriteBytes(TransactionEncoder.Encode(tx));
            w.EndList(txs);
            w.EndList(item);
        }
        w.EndList(list);
        return w.ToArray();
    }

    /// <summary>The blocks' (number, timestamp, transactions) back from batch data.</summary>
    public static List<(ulong Number, ulong Timestamp, List<Transaction> Transactions)> Decode(ReadOnlySpan<byte> data)
    {
        var reader = new RlpReader(data);
        var list = reader.ReadList();
        reader.EnsureEnd();
        var result = new List<(ulong, ulong, List<Transaction>)>();
        while (!list.AtEnd)
        {
            var item = list.ReadList();
            ulong number = item.ReadUInt64();
            ulong timestamp = item.ReadUInt64();
            var txList = item.ReadList();
            var txs = new List<Transaction>();
            while (!txList.AtEnd) txs.Add(TransactionDecoder.Decode(txList.ReadBytes()));
            item.EnsureEnd();
            result.Add((number, timestamp, txs));
        }
        return result;
    }

    /// <summary>What one block adds to the batch data (for the size threshold, before the batch is built).</summary>
    public static int SizeOf(Block block)
    {
        int txs = 0;
        foreach (var tx in block.Transactions) txs += RlpEncoding.LengthOfBytes(TransactionEncoder.Encode(tx));
        int payload = RlpEncoding.LengthOfUInt64(block.Number) + RlpEncoding.LengthOfUInt64(block.Header.Timestamp) + RlpEncoding.LengthOfList(txs);
        return RlpEncoding.LengthOfList(payload);
    }
}
