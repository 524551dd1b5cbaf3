using System.Text.Json.Nodes;
using Rollup.Core.Blocks;
using Rollup.Sequencer.Node;
using static Rollup.Sequencer.Rpc.RpcHex;

namespace Rollup.Sequencer.Rpc.Methods;

/// <summary>Blocks and mined transactions: eth_getBlockBy*, eth_getBlockTransactionCountBy*,
/// eth_getTransactionBy*, eth_getTransactionReceipt, eth_getBlockReceipts. Unknown items are null, as in geth.</summary>
public static class BlockMethods
{
    public static void Register(RpcMethodTable t, NodeContext node)
    {
        t.Add("eth_getBlockByNumber", p => BlockJson(node, ByNumber(node, p.AtMost(2)), p.Required(1, RpcParams.Bool)));
        t.Add("eth_getBlockByHash", p => BlockJson(node, ByHash(node, p.AtMost(2)), p.Required(1, RpcParams.Bool)));
        t.Add("eth_getBlockTransactionCountByNumber", p => ByNumber(node, p.AtMost(1)) is { } b ? Quantity((ulong)b.Transactions.Count) : null);
        t.Add("eth_getBlockTransactionCountByHash", p => ByHash(node, p.AtMost(1)) is { } b ? Quantity((ulong)b.Transactions.Count) : null);
        t.Add("eth_getTransactionByBlockNumberAndIndex", p => TxAt(node, ByNumber(node, p.AtMost(2)), p));
        t.Add("eth_getTransactionByBlockHashAndIndex", p => TxAt(node, ByHash(node, p.AtMost(2)), p));
        t.Add("eth_getTransactionByHash", p =>
        {
            var hash = p.AtMost(1).Required(0, RpcParams.Hash);
            if (node.Chain.FindTransaction(hash) is var (number, index))
            {
                var block = node.Chain.GetBlock(number)!;
                return RpcJson.Transaction(block.Transactions[index], node.Chain.GetReceipts(number)![index].Sender, block, index);
            }
            return node.Pool.TryGet(hash, out var pooled) ? RpcJson.Transaction(pooled.Tx, pooled.Sender) : null;
        });
        t.Add("eth_getTransactionReceipt", p =>
        {
            var hash = p.AtMost(1).Required(0, RpcParams.Hash);
            if (node.Chain.FindTransaction(hash) is not var (number, index)) return null;
            return RpcJson.Receipt(node.Chain.GetBlock(number)!, index, node.Chain.GetReceipts(number)!);
        });
        t.Add("eth_getBlockReceipts", p =>
        {
            p.AtMost(1);
            var block = p.Required(0, e => BlockResolver.Find(node, e));
            if (block is null) return null;
            var receipts = node.Chain.GetReceipts(block.Number)!;
            var array = new JsonArray();
            for (int i = 0; i < block.Transactions.Count; i++) array.Add(RpcJson.Receipt(block, i, receipts));
            return array;
        });
    }

    private static Block? ByNumber(NodeContext node, RpcParams p) => p.Required(0, e => BlockResolver.Find(node, e));
    private static Block? ByHash(NodeContext node, RpcParams p) => node.Chain.GetBlock(p.Required(0, RpcParams.Hash));

    private static JsonObject? BlockJson(NodeContext node, Block? block, bool full) =>
        block is null ? null : RpcJson.Block(block, full, full ? node.Chain.GetReceipts(block.Number) : null);

    private static JsonObject? TxAt(NodeContext node, Block? block, RpcParams p)
    {
        ulong index = p.Required(1, RpcParams.UInt64);
        if (block is null || index >= (ulong)block.Transactions.Count) return null;
        int i = (int)index;
        return RpcJson.Transaction(block.Transactions[i], node.Chain.GetReceipts(block.Number)![i].Sender, block, i);
    }
}
