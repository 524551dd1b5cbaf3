using System.Text.Json;
using System.Text.Json.Nodes;
using Rollup.Core.Blocks;
using Rollup.Sequencer.Node;

namespace Rollup.Sequencer.Rpc.Methods;

/// <summary>eth_getLogs over a bounded block range. Candidate blocks come from the address and topic indexes when
/// the filter names addresses or topics (otherwise every block's bloom is checked), then each log is matched exactly.</summary>
public static class LogMethods
{
    public static void Register(RpcMethodTable t, NodeContext node)
    {
        t.Add("eth_getLogs", p => GetLogs(node, p.AtMost(1).Required(0, LogFilter.Parse)));
    }

    public static JsonArray GetLogs(NodeContext node, LogFilter filter)
    {
        var result = new JsonArray();
        if (filter.BlockHash is { } hash)
        {
            var block = node.Chain.GetBlock(hash) ?? throw RpcException.Server("unknown block");
            AddMatches(node, block, filter, result);
            return result;
        }
        ulong head = node.Head.Number;
        ulong from = Bound(node, filter.FromBlock, head);
        ulong to = Bound(node, filter.ToBlock, head);
        if (from > to) throw RpcException.Server("invalid block range params");
        if (to - from + 1 > node.Rpc.MaxLogBlockRange)
            throw new RpcException(RpcException.LimitExceededCode, $"query exceeds max block range {node.Rpc.MaxLogBlockRange}");
        foreach (var n in Candidates(node, filter, from, to))
        {
            AddMatches(node, node.Chain.GetBlock(n)!, filter, result);
            if (result.Count > node.Rpc.MaxLogResults)
                throw new RpcException(RpcException.LimitExceededCode, $"query returned more than {node.Rpc.MaxLogResults} results");
        }
        return result;
    }

    private static ulong Bound(NodeContext node, JsonElement tag, ulong head)
    {
        if (tag.ValueKind is JsonValueKind.Undefined or JsonValueKind.Null) return head;
        // A range reaching past the head ends at the head.
        if (tag.ValueKind == JsonValueKind.String && tag.GetString() is { } s && s.StartsWith("0x", StringComparison.Ordinal))
            return Math.Min(RpcHex.ParseUInt64(s), head);
        return (BlockResolver.Find(node, tag) ?? node.Head).Number;
    }

    /// <summary>The blocks that may hold matching logs, ascending.</summary>
    private static IEnumerable<ulong> Candidates(NodeContext node, LogFilter filter, ulong from, ulong to)
    {
        if (filter.Addresses.Count > 0)
            return filter.Addresses.SelectMany(a => node.Chain.BlocksWithAddress(a, from, to)).Distinct().Order();
        var firstTopics = filter.Topics.FirstOrDefault(t => t is not null);
        if (firstTopics is not null)
            return firstTopics.SelectMany(topic => node.Chain.BlocksWithTopic(topic, from, to)).Distinct().Order();
        return Range(from, to).Where(n => !node.Chain.GetBlock(n)!.Header.LogsBloom.IsEmpty);
    }

    private static IEnumerable<ulong> Range(ulong from, ulong to)
    {
        for (ulong n = from; n <= to; n++) yield return n;
    }

    public static void AddMatches(NodeContext node, Block block, LogFilter filter, JsonArray result)
    {
        if (block.Header.LogsBloom.IsEmpty) return;
        var receipts = node.Chain.GetReceipts(block.Number)!;
        int logIndex = 0;
        for (int i = 0; i < receipts.Count; i++)
            foreach (var log in receipts[i].Receipt.Logs)
            {
                if (filter.Matches(log)) result.Add(RpcJson.Log(log, block, i, block.Transactions[i].Hash, logIndex));
                logIndex++;
            }
    }
}
