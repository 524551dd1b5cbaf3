using System.Text.Json.Nodes;
using Rollup.Core.Crypto;
using Rollup.Core.Numerics;
using Rollup.Evm.Blocks;
using Rollup.Sequencer.Node;
using static Rollup.Sequencer.Rpc.RpcHex;

namespace Rollup.Sequencer.Rpc.Methods;

/// <summary>Identity and fee methods: web3_*, net_*, eth_chainId, eth_blockNumber, eth_syncing, eth_accounts,
/// eth_gasPrice, eth_maxPriorityFeePerGas, eth_feeHistory.</summary>
public static class ChainMethods
{
    public static readonly string ClientVersion = $"rollup/v{typeof(ChainMethods).Assembly.GetName().Version?.ToString(3)}/linux-x64/dotnet{Environment.Version}";

    public static void Register(RpcMethodTable t, NodeContext node)
    {
        t.Add("web3_clientVersion", p => { p.AtMost(0); return ClientVersion; });
        t.Add("web3_sha3", p => { p.AtMost(1); return Data(Keccak256.Hash(p.Required(0, RpcParams.Data)).Bytes); });
        t.Add("net_version", p => { p.AtMost(0); return node.ChainId.ToString(System.Globalization.CultureInfo.InvariantCulture); });
        t.Add("net_listening", p => { p.AtMost(0); return true; });
        t.Add("net_peerCount", p => { p.AtMost(0); return "0x0"; });
        t.Add("eth_chainId", p => { p.AtMost(0); return Quantity(node.ChainId); });
        t.Add("eth_blockNumber", p => { p.AtMost(0); return Quantity(node.Head.Number); });
        // The sequencer is the source of the chain: it is never behind.
        t.Add("eth_syncing", p => { p.AtMost(0); return false; });
        t.Add("eth_accounts", p =>
        {
            p.AtMost(0);
            var accounts = new JsonArray();
            foreach (var a in node.Rpc.Accounts) accounts.Add(Data(a.Bytes));
            return accounts;
        });
        t.Add("eth_maxPriorityFeePerGas", p => { p.AtMost(0); return Quantity(SuggestedTip(node)); });
        t.Add("eth_gasPrice", p => { p.AtMost(0); return Quantity(BaseFee.Next(node.Head.Header) + SuggestedTip(node)); });
        t.Add("eth_feeHistory", p => FeeHistory(node, p.AtMost(3)));
    }

    private static UInt256 SuggestedTip(NodeContext node)
    {
        UInt256 tip = node.Rpc.SuggestedTip;
        return tip < node.PoolConfig.MinTip ? node.PoolConfig.MinTip : tip;
    }

    /// <summary>Base fees (one more than the blocks: the next block's too), gas used ratios and, for each requested
    /// percentile, the effective tip below which that share of each block's gas was paid.</summary>
    private static JsonObject FeeHistory(NodeContext node, RpcParams p)
    {
        ulong count = p.Required(0, e => e.ValueKind == System.Text.Json.JsonValueKind.Number ? e.GetUInt64() : RpcParams.UInt64(e));
        var newest = BlockResolver.Require(node, p, 1);
        double[] percentiles = p.Optional(2, e => e.EnumerateArray().Select(x => x.GetDouble()).ToArray(), []);
        for (int i = 0; i < percentiles.Length; i++)
            if (percentiles[i] is < 0 or > 100 || (i > 0 && percentiles[i] < percentiles[i - 1]))
                throw RpcException.InvalidParams($"invalid reward percentile: {percentiles[i]}");
        count = Math.Min(Math.Min(count, 1024), newest.Number + 1);
        ulong oldest = newest.Number + 1 - count;

        var baseFees = new JsonArray();
        var ratios = new JsonArray();
        var blobFees = new JsonArray();
        var blobRatios = new JsonArray();
        var rewards = new JsonArray();
        for (ulong n = oldest; n <= newest.Number; n++)
        {
            var block = node.Chain.GetBlock(n)!;
            var h = block.Header;
            baseFees.Add(Quantity(h.BaseFeePerGas ?? UInt256.Zero));
            ratios.Add(h.GasLimit == 0 ? 0.0 : (double)h.GasUsed / h.GasLimit);
            blobFees.Add("0x1");
            blobRatios.Add(0.0);
            if (percentiles.Length > 0) rewards.Add(Rewards(node, block, percentiles));
        }
        baseFees.Add(Quantity(BaseFee.Next(newest.Header)));
        blobFees.Add("0x1");
        var result = new JsonObject
        {
            ["oldestBlock"] = Quantity(oldest),
            ["baseFeePerGas"] = baseFees,
            ["gasUsedRatio"] = ratios,
            ["baseFeePerBlobGas"] = blobFees,
            ["blobGasUsedRatio"] = blobRatios,
        };
        if (percentiles.Length > 0) result["reward"] = rewards;
        return result;
    }

    private static JsonArray Rewards(NodeContext node, Core.Blocks.Block block, double[] percentiles)
    {
        var result = new JsonArray();
        var baseFee = block.Header.BaseFeePerGas ?? UInt256.Zero;
        if (block.Transactions.Count == 0)
        {
            foreach (var _ in percentiles) result.Add("0x0");
            return result;
        }
        var receipts = node.Chain.GetReceipts(block.Number)!;
        var tips = block.Transactions.Select((tx, i) => (Tip: tx.EffectiveGasPrice(baseFee) - baseFee, Gas: receipts[i].GasUsed))
            .OrderBy(x => x.Tip).ToList();
        int index = 0;
        ulong sum = tips[0].Gas;
        foreach (var pct in percentiles)
        {
            double threshold = block.Header.GasUsed * pct / 100;
            while (sum < threshold && index < tips.Count - 1)
            {
                index++;
                sum += tips[index].Gas;
            }
            result.Add(Quantity(tips[index].Tip));
        }
        return result;
    }
}
