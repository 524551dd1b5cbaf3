using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using Rollup.Core.Encoding;
using Rollup.L1.Abi;
using Rollup.L1.Contracts;

namespace Rollup.L1.Tests.Support;

/// <summary>Compiles Solidity written at run time (the generated PLONK verifier) with the pinned solc through
/// js/solc-compile.mjs, with the settings js/build-contracts.mjs uses for contracts/.</summary>
internal static class SolcCompiler
{
    public static CompiledContract Compile(string source, string contract)
    {
        var input = new JsonObject
        {
            ["language"] = "Solidity",
            ["sources"] = new JsonObject { ["Generated.sol"] = new JsonObject { ["content"] = source } },
            ["settings"] = new JsonObject
            {
                ["optimizer"] = new JsonObject { ["enabled"] = true, ["runs"] = 200 },
                ["evmVersion"] = "cancun",
                ["outputSelection"] = new JsonObject
                {
                    ["*"] = new JsonObject { ["*"] = new JsonArray("abi", "evm.bytecode.object", "evm.deployedBytecode.object") },
                },
            },
        };
        var start = new ProcessStartInfo("node") { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(JsTools.RepoRoot, "js", "solc-compile.mjs"));
        using var process = Process.Start(start)!;
        process.StandardInput.Write(input.ToJsonString());
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        string errors = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0) throw new InvalidOperationException("solc failed:\n" + errors);
        using var output = JsonDocument.Parse(stdout.Result);
        var c = output.RootElement.GetProperty("contracts").GetProperty("Generated.sol").GetProperty(contract);
        var evm = c.GetProperty("evm");
        return new CompiledContract(contract, "Generated.sol", ContractAbi.FromJson(c.GetProperty("abi")),
            Hex.Parse(evm.GetProperty("bytecode").GetProperty("object").GetString()!),
            Hex.Parse(evm.GetProperty("deployedBytecode").GetProperty("object").GetString()!));
    }
}
