using Rollup.L1.Batches;
using Rollup.Plonk.Keys;

namespace Rollup.Proving;

/// <summary>The batch circuit's keys: generated once per process from the circuit and the SRS (deterministic), with the
/// verifying key kept on disk (<c>super-k{K}.vk.json</c> in the key directory). A later run checks its key against the
/// stored one: a different digest means the circuit or the SRS changed, so the verifier deployed for the stored key no
/// longer accepts this prover's proofs; that is refused rather than discovered on L1.</summary>
public static class ProverKeys
{
    public static string VerifyingKeyPath(string directory, int k, bool stateTransition = false) =>
        Path.Combine(directory, $"{BatchCircuit.Name}{(stateTransition ? "-st" : "")}-k{k}.vk.json");

    // Keys are deterministic in (k, SRS) and take minutes at 2^17: made once per process, whoever asks first (the
    // --dev L1's verifier, then the prover; or a test, then the node it starts).
    // The prover must assign witnesses on the very constraint system the key was made from, so the circuit is kept with it.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<(int K, SrsSource Srs, bool Transition), Lazy<(BatchCircuit, ProvingKey)>> Made = new();

    /// <summary>The batch circuit of 2^<paramref name="k"/> rows and its proving key (verifying key inside) with <paramref name="srs"/>.</summary>
    public static (BatchCircuit Circuit, ProvingKey Key) Generate(int k, SrsSource srs, bool stateTransition = false) =>
        Made.GetOrAdd((k, srs, stateTransition), _ => new Lazy<(BatchCircuit, ProvingKey)>(() =>
        {
            var circuit = new BatchCircuit(k, stateTransition);
            return (circuit, KeyGenerator.Generate(circuit.Empty(), srs.Load(1 << k)));
        })).Value;

    /// <summary>Generates the keys and stores or checks the verifying key in <paramref name="directory"/> (null: no file).</summary>
    public static (BatchCircuit Circuit, ProvingKey Key) LoadOrCreate(int k, SrsSource srs, string? directory, bool stateTransition = false)
    {
        var (circuit, pk) = Generate(k, srs, stateTransition);
        if (directory is null) return (circuit, pk);
        Directory.CreateDirectory(directory);
        string path = VerifyingKeyPath(directory, circuit.K, stateTransition);
        if (File.Exists(path))
        {
            var stored = VerifyingKeyFile.Load(path);
            if (!stored.Key.Digest.AsSpan().SequenceEqual(pk.Vk.Digest))
                throw new InvalidOperationException($"{path} holds a verifying key with digest 0x{Convert.ToHexStringLower(stored.Key.Digest)}, but the circuit " +
                    $"and SRS ({srs}) give 0x{Convert.ToHexStringLower(pk.Vk.Digest)}: the verifier deployed for the stored key would refuse these proofs. " +
                    "Deploy a verifier for the new key (rollup l1 deploy-verifier) and remove the old file.");
        }
        else
        {
            VerifyingKeyFile.Save(path, pk.Vk, [BatchPublicInputs.Count]);
        }
        return (circuit, pk);
    }
}
