using Rollup.Core.Rlp;
using Rollup.Core.Transactions;
using static Rollup.Core.Blocks.BlockFieldReader;

namespace Rollup.Core.Blocks;

/// <summary>RLP of a whole block: rlp([header, [transactions], [ommers]]) and, from Shanghai, a fourth list of
/// withdrawals. In the body a legacy transaction is its RLP list; a typed one (EIP-2718) is an RLP string holding
/// type ‖ payload.</summary>
public static class BlockCodec
{
    public static byte[] Encode(Block block)
    {
        using var w = new RlpWriter(1024);
        int list = w.StartList();
        BlockHeaderCodec.Write(w, block.Header);
        int txs = w.StartList();
        foreach (var tx in block.Transactions)
        {
            var encoded = TransactionEncoder.Encode(tx);
            if (tx.Type == TxType.Legacy) w.WriteRaw(encoded); else w.WriteBytes(encoded);
        }
        w.EndList(txs);
        int ommers = w.StartList();
        foreach (var ommer in block.Ommers) BlockHeaderCodec.Write(w, ommer);
        w.EndList(ommers);
        if (block.Withdrawals is { } withdrawals)
        {
            int wds = w.StartList();
            foreach (var wd in withdrawals) wd.Write(w);
            w.EndList(wds);
        }
        w.EndList(list);
        return w.ToArray();
    }

    /// <exception cref="BlockException">when the bytes are not exactly one canonical block, or a transaction in it
    /// cannot be decoded (<see cref="BlockError.InvalidTransaction"/>, with the transaction's own error).</exception>
    public static Block Decode(ReadOnlySpan<byte> encoded) => Strict(encoded, Read, "block");

    private static Block Read(ref RlpReader reader)
    {
        var f = ReadList(ref reader, "block");
        int count = BlockHeaderCodec.CountItems(f);
        if (count is < 3 or > 4) throw new BlockException(BlockError.MalformedRlp, $"a block has 3 or 4 items, this one {count}");

        var header = BlockHeaderCodec.Read(ref f);
        var transactions = ReadTransactions(ref f);
        var ommers = new List<BlockHeader>();
        var ommerList = ReadList(ref f, "ommers");
        while (!ommerList.AtEnd) ommers.Add(BlockHeaderCodec.Read(ref ommerList));

        List<Withdrawal>? withdrawals = null;
        if (count == 4)
        {
            withdrawals = [];
            var list = ReadList(ref f, "withdrawals");
            while (!list.AtEnd) withdrawals.Add(Withdrawal.Read(ref list));
        }
        return new Block { Header = header, Transactions = transactions, Ommers = ommers, Withdrawals = withdrawals };
    }

    private static List<Transaction> ReadTransactions(ref RlpReader f)
    {
        var list = ReadList(ref f, "transactions");
        var transactions = new List<Transaction>();
        while (!list.AtEnd)
        {
            int index = transactions.Count;
            scoped ReadOnlySpan<byte> encoding;
            if (list.PeekKind() == RlpKind.List) encoding = list.ReadRawItem();
            else
            {
                // A typed transaction: the string's payload is type ‖ rlp(fields). Anything else in a string is not one.
                encoding = list.ReadBytes();
                if (encoding.Length == 0 || encoding[0] >= 0x80)
                    throw new BlockException(BlockError.MalformedRlp, $"transaction {index} is a byte string that does not hold a typed transaction");
            }
            try
            {
                transactions.Add(TransactionDecoder.Decode(encoding));
            }
            catch (TxException e)
            {
                throw new BlockException(e, index);
            }
        }
        return transactions;
    }
}
