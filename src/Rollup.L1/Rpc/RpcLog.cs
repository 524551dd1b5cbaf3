using System.Text.Json;
using Rollup.Core.Types;

namespace Rollup.L1.Rpc;

/// <summary>A log as eth_getLogs and receipts return it: the entry and where it sits in the chain.</summary>
public sealed record RpcLog(Address Address, IReadOnlyList<Hash256> Topics, byte[] Data, ulong BlockNumber,
    Hash256 TransactionHash, ulong LogIndex, bool Removed)
{
    public static RpcLog FromJson(JsonElement log) => new(
        Quantity.ToAddress(log.GetProperty("address")),
        log.GetProperty("topics").EnumerateArray().Select(Quantity.ToHash).ToArray(),
        Quantity.ToBytes(log.GetProperty("data")),
        Quantity.ToUInt64(log.GetProperty("blockNumber")),
        Quantity.ToHash(log.GetProperty("transactionHash")),
        Quantity.ToUInt64(log.GetProperty("logIndex")),
        log.TryGetProperty("removed", out var removed) && removed.ValueKind == JsonValueKind.True);
}
