namespace Rollup.Proving;

/// <summary>The node's and the CLI's prover settings (prover-k, prover-ptau, prover-srs-seed) into <see cref="ProverOptions"/>.</summary>
public static class ProverSettings
{
    public static ProverOptions From(IReadOnlyDictionary<string, string> settings, string? keyDirectory)
    {
        int k = BatchCircuit.DefaultK;
        if (settings.TryGetValue("prover-k", out var text) && !int.TryParse(text, out k))
            throw new FormatException($"prover-k: '{text}' is not a number");
        settings.TryGetValue("prover-ptau", out var ptau);
        settings.TryGetValue("prover-srs-seed", out var seed);
        if (ptau is not null && seed is not null) throw new ArgumentException("prover-ptau and prover-srs-seed exclude each other");
        var srs = ptau is not null ? new SrsSource(ptau, null) : new SrsSource(null, seed ?? SrsSource.DevSeed);
        bool transition = settings.TryGetValue("prover-state-transition", out var st) && st is "true" or "1" or "";
        return new ProverOptions { K = k, Srs = srs, KeyDirectory = keyDirectory, StateTransition = transition };
    }
}
