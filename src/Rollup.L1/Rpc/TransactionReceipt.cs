using System.Text.Json;
using Rollup.Core.Numerics;
using Rollup.Core.Types;

namespace Rollup.L1.Rpc;

/// <summary>What eth_getTransactionReceipt says about a mined transaction.</summary>
public sealed record TransactionReceipt(Hash256 TransactionHash, ulong BlockNumber, Hash256 BlockHash, bool Succeeded,
    ulong GasUsed, UInt256 EffectiveGasPrice, Address From, Address? To, Address? ContractAddress, IReadOnlyList<RpcLog> Logs)
{
    public static TransactionReceipt FromJson(JsonElement r) => new(
        Quantity.ToHash(r.GetProperty("transactionHash")),
        Quantity.ToUInt64(r.GetProperty("blockNumber")),
        Quantity.ToHash(r.GetProperty("blockHash")),
        Quantity.ToUInt64(r.GetProperty("status")) == 1,
        Quantity.ToUInt64(r.GetProperty("gasUsed")),
        r.TryGetProperty("effectiveGasPrice", out var price) ? Quantity.ToUInt256(price) : default,
        Quantity.ToAddress(r.GetProperty("from")),
        OptionalAddress(r, "to"),
        OptionalAddress(r, "contractAddress"),
        r.GetProperty("logs").EnumerateArray().Select(RpcLog.FromJson).ToArray());

    private static Address? OptionalAddress(JsonElement r, string name) =>
        r.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? Quantity.ToAddress(value) : null;
}
