namespace Rollup.Sequencer.Production;

/// <summary>When blocks are made.</summary>
public sealed record ProducerConfig
{
    /// <summary>Time between blocks. Zero means "instant": a block as soon as transactions are waiting (for tests and
    /// development, like anvil's automine).</summary>
    public TimeSpan BlockTime { get; init; } = TimeSpan.FromSeconds(1);
    /// <summary>Make blocks even with no transaction (otherwise an idle chain does not grow).</summary>
    public bool EmptyBlocks { get; init; }
    public ulong GasLimit { get; init; } = 30_000_000;
    public Core.Types.Address Coinbase { get; init; }
    /// <summary>How often the open batch is checked for age.</summary>
    public TimeSpan BatchCheckInterval { get; init; } = TimeSpan.FromSeconds(1);
}
