using Rollup.Core.Numerics;
using Rollup.L1.Rpc;

namespace Rollup.L1.Sending;

/// <summary>EIP-1559 fee caps for a transaction sent now.</summary>
public sealed record Fees(UInt256 MaxFeePerGas, UInt256 MaxPriorityFeePerGas, UInt256 NextBaseFee)
{
    /// <summary>The tip the node suggests (eth_maxPriorityFeePerGas, or the median 50th-percentile reward of the last
    /// blocks where that method is missing), and a fee cap of twice the next block's base fee plus the tip: room
    /// for six full blocks of base-fee growth (12.5 % each) before the transaction stops being includable.</summary>
    public static async Task<Fees> EstimateAsync(EthClient client, CancellationToken cancel = default)
    {
        var history = await client.GetFeeHistoryAsync(5, [50], cancel).ConfigureAwait(false);
        UInt256 tip;
        try
        {
            tip = await client.GetMaxPriorityFeePerGasAsync(cancel).ConfigureAwait(false);
        }
        catch (JsonRpcException e) when (e.IsMethodNotFound)
        {
            var rewards = history.Reward.Where(r => r.Count > 0).Select(r => r[0]).Order().ToArray();
            tip = rewards.Length > 0 ? rewards[rewards.Length / 2] : new UInt256(1_000_000_000UL);
        }
        var baseFee = history.NextBaseFee;
        return new Fees(baseFee * 2 + tip, tip, baseFee);
    }
}
