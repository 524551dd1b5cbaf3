using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Rollup.Sequencer.Tests.Support;

/// <summary>The repository's JavaScript tooling (js/node_modules, installed by scripts/js-setup.sh before the tests):
/// node scripts, solc through js/solc-compile.mjs and the cast binary.</summary>
public static class JsTools
{
    public static string RepoRoot { get; } = FindRoot();
    public static string JsDir => Path.Combine(RepoRoot, "js");
    public static string TestDir => Path.Combine(RepoRoot, "tests", "Rollup.Sequencer.Tests");
    public static string Cast => Path.Combine(JsDir, "node_modules", ".bin", "cast");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Rollup.sln"))) return dir.FullName;
        throw new InvalidOperationException("Rollup.sln not found above " + AppContext.BaseDirectory);
    }

    public sealed record Result(int ExitCode, string Stdout, string Stderr);

    public static async Task<Result> Run(string file, IEnumerable<string> args, string? stdin = null, int timeoutMs = 120_000)
    {
        var start = new ProcessStartInfo(file)
        {
            RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = stdin is not null, UseShellExecute = false,
            WorkingDirectory = TestDir,
        };
        foreach (var a in args) start.ArgumentList.Add(a);
        start.Environment["NODE_PATH"] = Path.Combine(JsDir, "node_modules");
        start.Environment["FOUNDRY_DISABLE_NIGHTLY_WARNING"] = "1";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (stdin is not null)
        {
            await process.StandardInput.WriteAsync(stdin);
            process.StandardInput.Close();
        }
        using var cts = new CancellationTokenSource(timeoutMs);
        try { await process.WaitForExitAsync(cts.Token); }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{file} {string.Join(' ', args)} did not finish in {timeoutMs} ms; stderr: {await stderr}");
        }
        return new Result(process.ExitCode, await stdout, await stderr);
    }

    private static readonly Lazy<Task<(JsonNode Abi, string Bytecode)>> Token = new(() => Compile("TestToken.sol", "TestToken"));

    /// <summary>The test ERC-20 compiled by the pinned solc (once per test run).</summary>
    public static Task<(JsonNode Abi, string Bytecode)> TestToken() => Token.Value;

    private static async Task<(JsonNode, string)> Compile(string file, string contract)
    {
        var input = new JsonObject
        {
            ["language"] = "Solidity",
            ["sources"] = new JsonObject { [file] = new JsonObject { ["content"] = File.ReadAllText(Path.Combine(TestDir, "contracts", file)) } },
            ["settings"] = new JsonObject
            {
                ["optimizer"] = new JsonObject { ["enabled"] = true, ["runs"] = 200 },
                ["outputSelection"] = new JsonObject { ["*"] = new JsonObject { ["*"] = new JsonArray("abi", "evm.bytecode.object") } },
            },
        };
        var result = await Run("node", [Path.Combine(JsDir, "solc-compile.mjs")], input.ToJsonString());
        if (result.ExitCode != 0) throw new InvalidOperationException("solc failed: " + result.Stderr);
        var output = JsonNode.Parse(result.Stdout)!["contracts"]![file]![contract]!;
        return (output["abi"]!.DeepClone(), "0x" + output["evm"]!["bytecode"]!["object"]!.GetValue<string>());
    }

    /// <summary>Writes the artifact as the ethers script reads it.</summary>
    public static async Task<string> WriteArtifact(string directory)
    {
        var (abi, bytecode) = await TestToken();
        var path = Path.Combine(directory, "TestToken.json");
        Directory.CreateDirectory(directory);
        await File.WriteAllTextAsync(path, new JsonObject { ["abi"] = abi.DeepClone(), ["bytecode"] = bytecode }.ToJsonString());
        return path;
    }
}
