using System.Text.Json;
using Rollup.Core.Encoding;
using Rollup.L1.Abi;

namespace Rollup.L1.Contracts;

/// <summary>The contracts under contracts/ as compiled by the build (js/build-contracts.mjs) and embedded in this
/// assembly: nothing here is pasted by hand, so the ABI and bytecode always match the Solidity sources.</summary>
public static class ContractArtifacts
{
    private const string ResourceName = "Rollup.L1.contracts.json";

    private static readonly Lazy<Artifact> Loaded = new(Load);

    /// <summary>solc's long version string, e.g. 0.8.37+commit.f401782d.</summary>
    public static string CompilerVersion => Loaded.Value.Compiler;

    /// <summary>The build's hash of compiler, script and sources: names the exact compile a deployment came from.</summary>
    public static string SourceHash => Loaded.Value.SourceHash;

    public static IEnumerable<string> Names => Loaded.Value.Contracts.Keys;

    public static CompiledContract Get(string name) =>
        Loaded.Value.Contracts.TryGetValue(name, out var contract)
            ? contract
            : throw new KeyNotFoundException($"no contract named '{name}' was compiled from contracts/ (have: {string.Join(", ", Names)})");

    private sealed record Artifact(string Compiler, string SourceHash, IReadOnlyDictionary<string, CompiledContract> Contracts);

    private static Artifact Load()
    {
        using var stream = typeof(ContractArtifacts).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"{ResourceName} is not embedded: the build's CompileContracts step did not run");
        using var document = JsonDocument.Parse(stream);
        var root = document.RootElement;
        var contracts = new Dictionary<string, CompiledContract>(StringComparer.Ordinal);
        foreach (var entry in root.GetProperty("contracts").EnumerateObject())
        {
            var c = entry.Value;
            contracts[entry.Name] = new CompiledContract(
                entry.Name,
                c.GetProperty("source").GetString()!,
                ContractAbi.FromJson(c.GetProperty("abi")),
                Hex.Parse(c.GetProperty("bytecode").GetString()!),
                Hex.Parse(c.GetProperty("deployedBytecode").GetString()!));
        }
        return new Artifact(root.GetProperty("compiler").GetString()!, root.GetProperty("sourceHash").GetString()!, contracts);
    }
}
