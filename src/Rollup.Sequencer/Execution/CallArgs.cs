using System.Text.Json;
using Rollup.Core.Numerics;
using Rollup.Core.Transactions;
using Rollup.Core.Types;
using Rollup.Sequencer.Rpc;

namespace Rollup.Sequencer.Execution;

/// <summary>The transaction-like object eth_call and eth_estimateGas take. Every field is optional.</summary>
public sealed record CallArgs
{
    public Address? From { get; init; }
    public Address? To { get; init; }
    public ulong? Gas { get; init; }
    public UInt256? GasPrice { get; init; }
    public UInt256? MaxFeePerGas { get; init; }
    public UInt256? MaxPriorityFeePerGas { get; init; }
    public UInt256 Value { get; init; }
    public byte[] Data { get; init; } = [];
    public IReadOnlyList<AccessListEntry> AccessList { get; init; } = [];

    public static CallArgs Parse(JsonElement e)
    {
        if (e.ValueKind != JsonValueKind.Object) throw new FormatException($"json: cannot unmarshal {RpcParams.Kind(e)} into Go value of type ethapi.TransactionArgs");
        byte[]? data = null, input = null;
        if (e.TryGetProperty("data", out var d) && d.ValueKind != JsonValueKind.Null) data = RpcParams.Data(d);
        if (e.TryGetProperty("input", out var i) && i.ValueKind != JsonValueKind.Null) input = RpcParams.Data(i);
        if (data is not null && input is not null && !data.AsSpan().SequenceEqual(input))
            throw new FormatException("both \"data\" and \"input\" are set and not equal. Please use \"input\" to pass transaction call data");
        return new CallArgs
        {
            From = Get(e, "from", RpcParams.Address),
            To = Get(e, "to", RpcParams.Address),
            Gas = Get(e, "gas", RpcParams.UInt64),
            GasPrice = Get(e, "gasPrice", RpcParams.Quantity),
            MaxFeePerGas = Get(e, "maxFeePerGas", RpcParams.Quantity),
            MaxPriorityFeePerGas = Get(e, "maxPriorityFeePerGas", RpcParams.Quantity),
            Value = Get(e, "value", RpcParams.Quantity) ?? UInt256.Zero,
            Data = input ?? data ?? [],
            AccessList = e.TryGetProperty("accessList", out var al) && al.ValueKind == JsonValueKind.Array ? ParseAccessList(al) : [],
        };
    }

    private static T? Get<T>(JsonElement e, string name, Func<JsonElement, T> parse) where T : struct =>
        e.TryGetProperty(name, out var v) && v.ValueKind != JsonValueKind.Null ? parse(v) : null;

    private static List<AccessListEntry> ParseAccessList(JsonElement array) =>
        [.. array.EnumerateArray().Select(item => new AccessListEntry(
            RpcParams.Address(item.GetProperty("address")),
            item.TryGetProperty("storageKeys", out var keys) ? [.. keys.EnumerateArray().Select(RpcParams.Hash)] : []))];
}
