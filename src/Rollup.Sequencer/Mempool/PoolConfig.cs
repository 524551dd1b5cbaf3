using Rollup.Core.Numerics;

namespace Rollup.Sequencer.Mempool;

/// <summary>The mempool's limits and price floors.</summary>
public sealed record PoolConfig
{
    /// <summary>Transactions held at most, pending and queued together; past it the cheapest is evicted.</summary>
    public int MaxTransactions { get; init; } = 10_000;
    /// <summary>Transactions one sender may have in the pool.</summary>
    public int MaxPerSender { get; init; } = 64;
    /// <summary>A transaction's encoded size at most (geth's 128 KiB).</summary>
    public int MaxTxSize { get; init; } = 128 * 1024;
    /// <summary>The lowest priority fee (tip) accepted.</summary>
    public UInt256 MinTip { get; init; } = UInt256.Zero;
    /// <summary>The lowest fee cap accepted, whatever the base fee.</summary>
    public UInt256 MinFeeCap { get; init; } = UInt256.Zero;
    /// <summary>A replacement must raise both the fee cap and the tip by this many percent.</summary>
    public int PriceBumpPercent { get; init; } = 10;
}
