using System.Text.Json;
using Rollup.Core.Chain;
using Rollup.Core.Types;

namespace Rollup.Sequencer.Rpc;

/// <summary>eth_getLogs' and the logs subscription's filter: any of the addresses (none = every address) and, per
/// topic position, any of the given topics (null = anything).</summary>
public sealed class LogFilter
{
    public HashSet<Address> Addresses { get; } = [];
    public List<HashSet<Hash256>?> Topics { get; } = [];
    public JsonElement FromBlock { get; private init; }
    public JsonElement ToBlock { get; private init; }
    public Hash256? BlockHash { get; private init; }

    /// <summary>Every log (a logs subscription without a filter).</summary>
    public static LogFilter Any() => new();

    public static LogFilter Parse(JsonElement e)
    {
        if (e.ValueKind != JsonValueKind.Object) throw new FormatException($"json: cannot unmarshal {RpcParams.Kind(e)} into Go value of type filters.FilterCriteria");
        var filter = new LogFilter
        {
            FromBlock = e.TryGetProperty("fromBlock", out var f) ? f.Clone() : default,
            ToBlock = e.TryGetProperty("toBlock", out var t) ? t.Clone() : default,
            BlockHash = e.TryGetProperty("blockHash", out var h) && h.ValueKind != JsonValueKind.Null ? RpcParams.Hash(h) : null,
        };
        if (filter.BlockHash is not null && (filter.FromBlock.ValueKind is not (JsonValueKind.Undefined or JsonValueKind.Null)
                                             || filter.ToBlock.ValueKind is not (JsonValueKind.Undefined or JsonValueKind.Null)))
            throw new FormatException("cannot specify both BlockHash and FromBlock/ToBlock, choose one or the other");
        if (e.TryGetProperty("address", out var a))
        {
            if (a.ValueKind == JsonValueKind.Array) foreach (var item in a.EnumerateArray()) filter.Addresses.Add(RpcParams.Address(item));
            else if (a.ValueKind != JsonValueKind.Null) filter.Addresses.Add(RpcParams.Address(a));
        }
        if (e.TryGetProperty("topics", out var topics) && topics.ValueKind == JsonValueKind.Array)
        {
            foreach (var position in topics.EnumerateArray())
            {
                if (position.ValueKind == JsonValueKind.Null) { filter.Topics.Add(null); continue; }
                var set = new HashSet<Hash256>();
                if (position.ValueKind == JsonValueKind.Array)
                    foreach (var topic in position.EnumerateArray()) { if (topic.ValueKind != JsonValueKind.Null) set.Add(RpcParams.Hash(topic)); }
                else set.Add(RpcParams.Hash(position));
                filter.Topics.Add(set.Count == 0 ? null : set);
            }
            if (filter.Topics.Count > 4) throw new FormatException("exceed max topics");
        }
        return filter;
    }

    public bool Matches(LogEntry log)
    {
        if (Addresses.Count > 0 && !Addresses.Contains(log.Address)) return false;
        if (Topics.Count > log.Topics.Length) return false;
        for (int i = 0; i < Topics.Count; i++)
            if (Topics[i] is { } wanted && !wanted.Contains(log.Topics[i])) return false;
        return true;
    }
}
