using System.Text.Json.Nodes;
using Rollup.Core.Encoding;
using Rollup.Core.Numerics;
using Rollup.Core.Types;

namespace Rollup.L1.Rpc;

/// <summary>The transaction-like object of eth_call and eth_estimateGas.</summary>
public sealed record CallRequest
{
    public Address? From { get; init; }
    /// <summary>Null for a contract creation.</summary>
    public Address? To { get; init; }
    public byte[] Data { get; init; } = [];
    public UInt256 Value { get; init; }
    public ulong? Gas { get; init; }

    public JsonObject ToJson()
    {
        var json = new JsonObject();
        if (From is { } from) json["from"] = from.ToString();
        if (To is { } to) json["to"] = to.ToString();
        // "input" is the current name; some nodes still read only "data", so both are sent.
        json["input"] = Hex.ToHex(Data);
        json["data"] = Hex.ToHex(Data);
        if (!Value.IsZero) json["value"] = Quantity.Of(Value);
        if (Gas is { } gas) json["gas"] = Quantity.Of(gas);
        return json;
    }
}
