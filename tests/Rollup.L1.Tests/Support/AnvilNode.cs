using System.Diagnostics;
using System.Text.RegularExpressions;
using System.Text.Json.Nodes;
using Rollup.Core.Crypto;
using Rollup.Core.Numerics;
using Rollup.Core.Types;
using Rollup.L1;
using Rollup.L1.Rpc;
using Rollup.L1.Sending;

namespace Rollup.L1.Tests.Support;

/// <summary>A real anvil devnet on 127.0.0.1, on a port the OS picks (--port 0; anvil prints the one it got),
/// stopped on dispose. Accounts are fresh random keys funded with anvil_setBalance, so tests never depend on anvil's
/// well-known keys and never share a nonce.</summary>
public sealed partial class AnvilNode : IAsyncDisposable
{
    private readonly Process _process;

    public string Url { get; }
    public EthClient Client { get; }
    public const ulong ChainId = 31337;

    private AnvilNode(Process process, string url)
    {
        _process = process;
        Url = url;
        Client = new EthClient(url);
    }

    public static async Task<AnvilNode> StartAsync()
    {
        var start = new ProcessStartInfo(JsTools.Anvil)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { "--host", "127.0.0.1", "--port", "0", "--chain-id", ChainId.ToString(), "--accounts", "1" })
            start.ArgumentList.Add(arg);
        var process = Process.Start(start) ?? throw new InvalidOperationException("anvil did not start");
        var listening = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        var output = new System.Text.StringBuilder();
        // Keep draining both pipes for anvil's whole life: it logs every request, and a full pipe would block it.
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null) return;
            if (!listening.Task.IsCompleted)
            {
                lock (output) output.AppendLine(e.Data);
                if (ListeningLine().Match(e.Data) is { Success: true } m) listening.TrySetResult(m.Groups[1].Value);
            }
        };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null && !listening.Task.IsCompleted) lock (output) output.AppendLine(e.Data); };
        process.Exited += (_, _) => listening.TrySetException(new InvalidOperationException("anvil exited: " + output));
        process.EnableRaisingEvents = true;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var winner = await Task.WhenAny(listening.Task, Task.Delay(TimeSpan.FromSeconds(60)));
        if (winner != listening.Task)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("anvil did not report a listening port within 60 s: " + output);
        }
        return new AnvilNode(process, $"http://127.0.0.1:{await listening.Task}");
    }

    [GeneratedRegex(@"Listening on 127\.0\.0\.1:(\d+)")]
    private static partial Regex ListeningLine();

    public async Task FundAsync(Address account, UInt256 wei) =>
        await Client.Rpc.CallAsync("anvil_setBalance", [account.ToString(), Quantity.Of(wei)]);

    /// <summary>A fresh key holding 100 ETH, with a sender for it.</summary>
    public async Task<TransactionSender> NewAccountAsync(ulong ether = 100)
    {
        var key = PrivateKey.Generate();
        if (ether > 0) await FundAsync(key.Address, Units.Ether(ether));
        return new TransactionSender(Client, key, ChainId) { ReceiptTimeout = TimeSpan.FromSeconds(60) };
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        try
        {
            if (!_process.HasExited) _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10));
        }
        catch (InvalidOperationException) { /* already gone */ }
        _process.Dispose();
    }
}
