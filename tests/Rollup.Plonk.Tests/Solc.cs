using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Rollup.Plonk.Tests;

/// <summary>Compiles Solidity with the pinned solc-js from the repository's js/ folder (js/solc-compile.mjs), with the
/// optimizer on (200 runs, as every contract; the interpreted verifier passes its own), and returns the contract's
/// runtime bytecode. Results are cached per source text and runs for the test run.</summary>
internal static class Solc
{
    private static readonly Dictionary<(string, int), byte[]> Cache = [];

    public static byte[] RuntimeBytecode(string source, string contract, int runs = 200)
    {
        lock (Cache)
        {
            if (Cache.TryGetValue((source, runs), out var cached)) return cached;
            var input = new JsonObject
            {
                ["language"] = "Solidity",
                ["sources"] = new JsonObject { ["Verifier.sol"] = new JsonObject { ["content"] = source } },
                ["settings"] = new JsonObject
                {
                    ["optimizer"] = new JsonObject { ["enabled"] = true, ["runs"] = runs },
                    ["evmVersion"] = "cancun",
                    ["outputSelection"] = new JsonObject { ["*"] = new JsonObject { ["*"] = new JsonArray("evm.deployedBytecode.object") } },
                },
            };
            var start = new ProcessStartInfo("node") { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
            start.ArgumentList.Add(Path.Combine(JsTools.Root, "solc-compile.mjs"));
            using var process = Process.Start(start)!;
            process.StandardInput.Write(input.ToJsonString());
            process.StandardInput.Close();
            string output = process.StandardOutput.ReadToEnd();
            string errors = process.StandardError.ReadToEnd();
            process.WaitForExit();
            if (process.ExitCode != 0) throw new InvalidOperationException("solc failed:\n" + errors);
            var json = JsonNode.Parse(output)!;
            string hex = json["contracts"]!["Verifier.sol"]![contract]!["evm"]!["deployedBytecode"]!["object"]!.GetValue<string>();
            var code = Convert.FromHexString(hex);
            Cache[(source, runs)] = code;
            return code;
        }
    }
}
