using System.Text.Json;
using Rollup.Core.Blocks;
using Rollup.Sequencer.Batches;
using Rollup.Sequencer.Node;

namespace Rollup.Sequencer.Rpc;

/// <summary>Turns a block parameter into a stored block: "latest", "pending" (the head: the next block does not exist
/// before it is made), "earliest", "safe" (the last block of the newest batch committed to L1), "finalized" (of the
/// newest finalized batch; genesis until there is one), a number, or an EIP-1898 object
/// <c>{"blockNumber": ...}</c> / <c>{"blockHash": ..., "requireCanonical": ...}</c>.</summary>
public static class BlockResolver
{
    /// <summary>The block, or null when the number is past the head or the hash unknown.</summary>
    public static Block? Find(NodeContext node, JsonElement tag)
    {
        if (tag.ValueKind == JsonValueKind.Object)
        {
            if (tag.TryGetProperty("blockHash", out var hash)) return node.Chain.GetBlock(RpcParams.Hash(hash));
            if (tag.TryGetProperty("blockNumber", out var number)) return Find(node, number);
            throw new FormatException("invalid block parameter: need blockHash or blockNumber");
        }
        var text = RpcParams.String(tag);
        return text switch
        {
            "latest" or "pending" => node.Head,
            "earliest" => node.Chain.GetBlock(0),
            "safe" => node.Chain.GetBlock(LastBlockOf(node, BatchStatus.Committed)),
            "finalized" => node.Chain.GetBlock(LastBlockOf(node, BatchStatus.Finalized)),
            _ => node.Chain.GetBlock(RpcHex.ParseUInt64(text)),
        };
    }

    /// <summary>Like <see cref="Find"/> for methods that need the state at that block: an unknown block is an error.
    /// A missing block parameter means "latest", as in geth.</summary>
    public static Block Require(NodeContext node, RpcParams p, int index)
    {
        Block? block = p.Has(index) ? p.Required(index, e => Find(node, e)) : node.Head;
        return block ?? throw RpcException.Server("header not found");
    }

    /// <summary>Batches move on to L1 in order, so the newest batch that got that far is found walking back.</summary>
    private static ulong LastBlockOf(NodeContext node, BatchStatus atLeast)
    {
        for (ulong n = node.Batches.LatestNumber; n >= 1; n--)
        {
            var record = node.Batches.Get(n);
            if (record is not null && record.Status >= atLeast) return record.LastBlock;
        }
        return 0;
    }
}
