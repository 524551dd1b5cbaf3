using System.Text.Json.Nodes;
using Rollup.Core.Types;

namespace Rollup.L1.Rpc;

/// <summary>An eth_getLogs filter. <see cref="Topics"/>[i] restricts topic i to any of the listed values; a null
/// entry matches anything.</summary>
public sealed record LogFilter
{
    public Address? Address { get; init; }
    public IReadOnlyList<IReadOnlyList<Hash256>?> Topics { get; init; } = [];
    /// <summary>Null means the earliest block.</summary>
    public ulong? FromBlock { get; init; }
    /// <summary>Null means the latest block.</summary>
    public ulong? ToBlock { get; init; }

    public JsonObject ToJson()
    {
        var json = new JsonObject
        {
            ["fromBlock"] = FromBlock is { } from ? Quantity.Of(from) : "earliest",
            ["toBlock"] = ToBlock is { } to ? Quantity.Of(to) : "latest",
        };
        if (Address is { } address) json["address"] = address.ToString();
        var topics = new JsonArray();
        foreach (var position in Topics)
            topics.Add(position is null ? null : new JsonArray(position.Select(t => (JsonNode?)JsonValue.Create(t.ToString())).ToArray()));
        json["topics"] = topics;
        return json;
    }
}
