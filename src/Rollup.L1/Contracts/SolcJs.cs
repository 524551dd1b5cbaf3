using System.ComponentModel;
using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using Rollup.Core.Encoding;
using Rollup.L1.Abi;

namespace Rollup.L1.Contracts;

/// <summary>Compiles Solidity written at run time (the verifier generated from a verifying key) with the solc pinned
/// in js/package.json, through js/solc-compile.mjs and the settings js/build-contracts.mjs uses for contracts/: the
/// same compiler and options as every other contract the rollup deploys. Needs node and `npm ci --prefix js`.</summary>
public static class SolcJs
{
    /// <summary>Where js/ is: $ROLLUP_JS_DIR, else the js/ folder of the repository above the program or the current
    /// directory (running from source, as `dotnet run --project src/Rollup.Cli` does).</summary>
    public static string FindJsDirectory()
    {
        if (Environment.GetEnvironmentVariable("ROLLUP_JS_DIR") is { Length: > 0 } configured) return configured;
        foreach (var start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "js", "solc-compile.mjs"))) return Path.Combine(dir.FullName, "js");
        throw new L1Exception("cannot find js/solc-compile.mjs (the pinned solc): run from the repository, or set ROLLUP_JS_DIR to its js/ folder");
    }

    /// <param name="optimizerRuns">solc's estimate of how often the code runs: at 200 (every other contract) it trades
    /// gas for size; <see cref="Rollup.Plonk.Solidity.InterpretedVerifierGenerator.OptimizerRuns"/> for the verifier.</param>
    public static CompiledContract Compile(string source, string contract, string? jsDirectory = null, string node = "node", int optimizerRuns = 200)
    {
        string js = jsDirectory ?? FindJsDirectory();
        string script = Path.Combine(js, "solc-compile.mjs");
        if (!File.Exists(script)) throw new L1Exception($"{script} is missing: ROLLUP_JS_DIR must name the repository's js/ folder");
        if (!File.Exists(Path.Combine(js, "node_modules", "solc", "package.json")))
            throw new L1Exception($"solc is not installed in {js}/node_modules: run scripts/js-setup.sh (npm ci --prefix js)");

        var input = new JsonObject
        {
            ["language"] = "Solidity",
            ["sources"] = new JsonObject { ["Generated.sol"] = new JsonObject { ["content"] = source } },
            ["settings"] = new JsonObject
            {
                ["optimizer"] = new JsonObject { ["enabled"] = true, ["runs"] = optimizerRuns },
                ["evmVersion"] = "cancun",
                ["outputSelection"] = new JsonObject
                {
                    ["*"] = new JsonObject { ["*"] = new JsonArray("abi", "evm.bytecode.object", "evm.deployedBytecode.object") },
                },
            },
        };
        var start = new ProcessStartInfo(node) { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(script);
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new L1Exception($"could not start {node}");
        }
        catch (Win32Exception e)
        {
            throw new L1Exception($"cannot run '{node}' ({e.Message}): compiling the verifier needs Node 20 on PATH and the solc in js/ (scripts/js-setup.sh)");
        }
        using (process)
        {
            process.StandardInput.Write(input.ToJsonString());
            process.StandardInput.Close();
            var stdout = process.StandardOutput.ReadToEndAsync();
            string errors = process.StandardError.ReadToEnd();
            process.WaitForExit();
            if (process.ExitCode != 0) throw new L1Exception($"solc failed to compile {contract}:\n{errors.Trim()}");
            using var output = JsonDocument.Parse(stdout.Result);
            if (!output.RootElement.TryGetProperty("contracts", out var contracts) || !contracts.GetProperty("Generated.sol").TryGetProperty(contract, out var c))
                throw new L1Exception($"solc's output has no contract named {contract}");
            var evm = c.GetProperty("evm");
            return new CompiledContract(contract, "Generated.sol", ContractAbi.FromJson(c.GetProperty("abi")),
                Hex.Parse(evm.GetProperty("bytecode").GetProperty("object").GetString()!),
                Hex.Parse(evm.GetProperty("deployedBytecode").GetProperty("object").GetString()!));
        }
    }
}
