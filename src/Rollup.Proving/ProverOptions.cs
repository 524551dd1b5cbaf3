namespace Rollup.Proving;

/// <summary>The prover's settings: circuit size (fixed per deployed verifier), SRS, and where the verifying key is kept.</summary>
public sealed record ProverOptions
{
    public int K { get; init; } = BatchCircuit.DefaultK;
    public SrsSource Srs { get; init; } = SrsSource.Dev;
    /// <summary>Where <c>super-k{K}.vk.json</c> is written and checked; null keeps no file.</summary>
    public string? KeyDirectory { get; init; }
}
