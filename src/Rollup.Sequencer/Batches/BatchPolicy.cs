namespace Rollup.Sequencer.Batches;

/// <summary>When the open batch is sealed: as soon as any limit is reached. Zero disables a limit.</summary>
public sealed record BatchPolicy
{
    public int MaxBlocks { get; init; } = 100;
    public ulong MaxGas { get; init; } = 100_000_000;
    /// <summary>Batch data bytes (what L1 calldata will cost).</summary>
    public int MaxBytes { get; init; } = 120_000;
    /// <summary>Seconds since the batch's first block.</summary>
    public double MaxAgeSeconds { get; init; } = 60;
}
