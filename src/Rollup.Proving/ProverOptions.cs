namespace Rollup.Proving;

/// <summary>The prover's settings: circuit size (fixed per deployed verifier), SRS, and where the verifying key is kept.</summary>
public sealed record ProverOptions
{
    public int K { get; init; } = BatchCircuit.DefaultK;
    public SrsSource Srs { get; init; } = SrsSource.Dev;
    /// <summary>Where <c>super-k{K}.vk.json</c> is written and checked; null keeps no file.</summary>
    public string? KeyDirectory { get; init; }
    /// <summary>Bind the state roots: the batch circuit includes the state transition (previous root → new root through
    /// the state tree, docs/circuits.md), so the statement's roots are proven. Off by default: its verifier is larger.</summary>
    public bool StateTransition { get; init; }
}
