using System.Text.Json;
using System.Text.Json.Serialization;

namespace Rollup.L1.Deployment;

/// <summary>What `rollup l1 deploy` writes and `rollup l1 status` reads: where the contracts are, who holds which
/// role, and whether the verifier is a real one. Addresses and hashes are 0x-hex strings so the file reads well and
/// other tools can use it.</summary>
public sealed record DeploymentFile
{
    public int Version { get; init; } = 1;
    public required ulong L1ChainId { get; init; }
    public required ulong L2ChainId { get; init; }
    public required string Rollup { get; init; }
    public required string RollupDeployTransaction { get; init; }
    /// <summary>The block the rollup was deployed in: log queries start here.</summary>
    public required ulong DeployedAtBlock { get; init; }
    public required VerifierEntry Verifier { get; init; }
    public required string Owner { get; init; }
    public required string Sequencer { get; init; }
    public required string Prover { get; init; }
    public required string GenesisStateRoot { get; init; }
    /// <summary>solc's version and the build's source hash: which compile the bytecode came from.</summary>
    public required string Compiler { get; init; }
    public required string SourceHash { get; init; }

    private static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        // The file is for people too: keep '+' in the compiler version instead of \u002B (nothing here reaches HTML).
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public string ToJson() => JsonSerializer.Serialize(this, Options);

    public static DeploymentFile FromJson(string json) =>
        JsonSerializer.Deserialize<DeploymentFile>(json, Options) ?? throw new FormatException("the deployment file is empty");

    public void Save(string path) => File.WriteAllText(path, ToJson() + "\n");

    /// <exception cref="L1Exception">when the file is missing or not a deployment file.</exception>
    public static DeploymentFile Load(string path)
    {
        if (!File.Exists(path)) throw new L1Exception($"no deployment file at {path} (write one with `rollup l1 deploy --out {path}`)");
        try
        {
            return FromJson(File.ReadAllText(path));
        }
        catch (JsonException e)
        {
            throw new L1Exception($"{path} is not a deployment file: {e.Message}", e);
        }
    }
}

/// <summary>The verifier the rollup was deployed with.</summary>
public sealed record VerifierEntry
{
    public required string Address { get; init; }
    /// <summary>The contract's name under contracts/, "PlonkVerifier" for one generated from a verifying key, or
    /// "external" for one deployed separately and passed in.</summary>
    public required string Contract { get; init; }
    /// <summary>False for the development stand-in, which accepts proofs anyone can compute; null when unknown.</summary>
    public bool? IsRealVerifier { get; init; }
    /// <summary>For a verifier generated from a verifying key: the key's digest (its VERIFYING_KEY_DIGEST()).</summary>
    public string? VerifyingKeyDigest { get; init; }
    /// <summary>For a generated verifier: "straight-line" or "interpreted" (docs/plonk.md, "The Solidity verifiers").</summary>
    public string? Kind { get; init; }
    /// <summary>For the interpreting verifier: the data contracts it reads its constraint program from, in order.</summary>
    public string[]? DataContracts { get; init; }
    public string? Warning { get; init; }
}
