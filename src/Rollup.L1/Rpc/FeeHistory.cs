using System.Text.Json;
using Rollup.Core.Numerics;

namespace Rollup.L1.Rpc;

/// <summary>eth_feeHistory's answer. <see cref="BaseFeePerGas"/> has one more entry than there are blocks: the
/// last is the base fee of the next block, the one a transaction sent now will pay.</summary>
public sealed record FeeHistory(ulong OldestBlock, IReadOnlyList<UInt256> BaseFeePerGas, IReadOnlyList<IReadOnlyList<UInt256>> Reward)
{
    public UInt256 NextBaseFee => BaseFeePerGas.Count > 0 ? BaseFeePerGas[^1] : default;

    public static FeeHistory FromJson(JsonElement h) => new(
        Quantity.ToUInt64(h.GetProperty("oldestBlock")),
        h.GetProperty("baseFeePerGas").EnumerateArray().Select(Quantity.ToUInt256).ToArray(),
        h.TryGetProperty("reward", out var reward) && reward.ValueKind == JsonValueKind.Array
            ? reward.EnumerateArray().Select(r => (IReadOnlyList<UInt256>)r.EnumerateArray().Select(Quantity.ToUInt256).ToArray()).ToArray()
            : []);
}
