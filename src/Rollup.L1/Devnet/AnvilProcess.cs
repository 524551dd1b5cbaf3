using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;

namespace Rollup.L1.Devnet;

/// <summary>A local L1 for devnets and tests: anvil (npm package @foundry-rs/anvil-linux-amd64, installed under
/// js/node_modules) listening on 127.0.0.1 only, on a given port or one the OS picks (port 0; anvil prints the one it
/// got). Stopped, with its whole process tree, on dispose.</summary>
public sealed partial class AnvilProcess : IAsyncDisposable
{
    /// <summary>anvil's default chain id.</summary>
    public const ulong DefaultChainId = 31337;

    /// <summary>Overrides where the anvil binary is looked for.</summary>
    public const string BinaryVariable = "ROLLUP_ANVIL";

    private readonly Process _process;

    public string Url { get; }
    public int Port { get; }
    public ulong ChainId { get; }

    private AnvilProcess(Process process, int port, ulong chainId)
    {
        _process = process;
        Port = port;
        ChainId = chainId;
        Url = $"http://127.0.0.1:{port}";
    }

    public bool HasExited => _process.HasExited;

    /// <param name="port">0 lets the OS pick a free port.</param>
    /// <param name="blockTime">Seconds between L1 blocks; null mines a block per transaction (anvil's automine).</param>
    /// <param name="unlimitedContracts">Lift EIP-170's code size limit, the block gas limit and the request size limit,
    /// which a real L1 does not allow. Nothing in the rollup needs it any more — the batch circuit's verifier is the
    /// interpreting one, under 24 KB with its program in data contracts (docs/plonk.md, "The Solidity verifiers") — but
    /// it stays for experiments with oversized contracts.</param>
    public static async Task<AnvilProcess> StartAsync(int port = 0, ulong chainId = DefaultChainId, int? blockTime = null,
        string? binary = null, TimeSpan? startTimeout = null, bool unlimitedContracts = false)
    {
        var start = new ProcessStartInfo(binary ?? FindBinary())
        {
            RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true, UseShellExecute = false,
        };
        start.Environment["FOUNDRY_DISABLE_NIGHTLY_WARNING"] = "1";
        foreach (var arg in new[] { "--host", "127.0.0.1", "--port", port.ToString(), "--chain-id", chainId.ToString(), "--accounts", "1" })
            start.ArgumentList.Add(arg);
        if (blockTime is { } seconds) { start.ArgumentList.Add("--block-time"); start.ArgumentList.Add(seconds.ToString()); }
        if (unlimitedContracts) { start.ArgumentList.Add("--disable-code-size-limit"); start.ArgumentList.Add("--disable-block-gas-limit"); start.ArgumentList.Add("--no-request-size-limit"); }

        var process = Process.Start(start) ?? throw new L1Exception("anvil did not start");
        var listening = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        var output = new StringBuilder();
        // Keep draining both pipes for anvil's whole life: it logs every request, and a full pipe would block it.
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null || listening.Task.IsCompleted) return;
            lock (output) output.AppendLine(e.Data);
            if (ListeningLine().Match(e.Data) is { Success: true } m) listening.TrySetResult(int.Parse(m.Groups[1].Value));
        };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null && !listening.Task.IsCompleted) lock (output) output.AppendLine(e.Data); };
        process.Exited += (_, _) => listening.TrySetException(new L1Exception("anvil exited: " + output.ToString().Trim()));
        process.EnableRaisingEvents = true;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var timeout = startTimeout ?? TimeSpan.FromSeconds(60);
        if (await Task.WhenAny(listening.Task, Task.Delay(timeout)) != listening.Task)
        {
            process.Kill(entireProcessTree: true);
            throw new L1Exception($"anvil did not report a listening port within {timeout.TotalSeconds:0} s: {output}");
        }
        return new AnvilProcess(process, await listening.Task, chainId);
    }

    [GeneratedRegex(@"Listening on 127\.0\.0\.1:(\d+)")]
    private static partial Regex ListeningLine();

    /// <summary>$ROLLUP_ANVIL, else js/node_modules/@foundry-rs/anvil-linux-amd64/bin/anvil in the first folder above
    /// the program (or the current directory) that has one: `dotnet run` and the tests run inside the repository.</summary>
    public static string FindBinary()
    {
        if (Environment.GetEnvironmentVariable(BinaryVariable) is { Length: > 0 } configured)
            return File.Exists(configured) ? configured : throw new L1Exception($"${BinaryVariable} names {configured}, which does not exist");
        string relative = Path.Combine("js", "node_modules", "@foundry-rs", "anvil-linux-amd64", "bin", "anvil");
        foreach (var root in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
            for (var dir = new DirectoryInfo(root); dir is not null; dir = dir.Parent)
                if (Path.Combine(dir.FullName, relative) is var candidate && File.Exists(candidate)) return candidate;
        throw new L1Exception($"anvil not found: no {relative} above {AppContext.BaseDirectory} or {Directory.GetCurrentDirectory()} " +
            $"(run scripts/js-setup.sh in the repository, or set ${BinaryVariable})");
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited) _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10));
        }
        catch (Exception e) when (e is InvalidOperationException or TimeoutException) { /* already gone, or stuck: nothing more to do */ }
        _process.Dispose();
    }
}
