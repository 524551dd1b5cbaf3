using System.CommandLine;
using Microsoft.Extensions.Logging;
using Rollup.Core.Encoding;
using Rollup.Core.Numerics;
using Rollup.Sequencer.Node;

namespace Rollup.Cli.Commands;

/// <summary><c>rollup node</c>: runs the sequencer until Ctrl+C or SIGTERM. Every setting is a flag, a config-file key
/// and a ROLLUP_* environment variable (flags win over the environment, which wins over the file).</summary>
public static class NodeCommand
{
    public static Command Create()
    {
        var config = new Option<string?>("--config") { Description = "JSON config file whose keys are the setting names below" };
        var command = new Command("node", "Run the sequencer node: mempool, block and batch production, JSON-RPC over HTTP and WebSocket.");
        command.Options.Add(config);
        var options = new List<(Setting Setting, Option Option)>();
        foreach (var s in NodeSettings.All)
        {
            Option option = s.IsFlag
                ? new Option<bool>("--" + s.Name) { Description = $"{s.Description} [{s.EnvironmentVariable}]" }
                : new Option<string?>("--" + s.Name) { Description = $"{s.Description} [{s.EnvironmentVariable}]" };
            command.Options.Add(option);
            options.Add((s, option));
        }
        command.SetAction(async (parse, cancellation) =>
        {
            var flags = new Dictionary<string, string>();
            foreach (var (s, option) in options)
            {
                if (parse.GetResult(option) is null) continue;
                flags[s.Name] = option is Option<bool> b ? (parse.GetValue(b) ? "true" : "false") : parse.GetValue((Option<string?>)option)!;
            }
            try
            {
                var file = parse.GetValue(config) is { } path ? NodeSettings.FromFile(path) : [];
                var settings = NodeSettings.Merge(file, NodeSettings.FromEnvironment(Environment.GetEnvironmentVariables()), flags);
                return await Run(settings, cancellation);
            }
            catch (Exception e) when (e is FormatException or ArgumentException or IOException or InvalidOperationException or InvalidDataException)
            {
                Console.Error.WriteLine($"error: {e.Message}");
                return 2;
            }
        });
        return command;
    }

    private static async Task<int> Run(Dictionary<string, string> settings, CancellationToken cancellation)
    {
        var (config, devKeys) = NodeSettings.Build(settings);
        var level = Enum.TryParse<LogLevel>(settings.GetValueOrDefault("log-level", "information"), ignoreCase: true, out var l) ? l : LogLevel.Information;
        using var loggers = LoggerFactory.Create(b => b
            .AddSimpleConsole(o => { o.SingleLine = true; o.TimestampFormat = "HH:mm:ss.fff "; })
            .SetMinimumLevel(level)
            .AddFilter("Microsoft", LogLevel.Warning));

        bool ephemeral = devKeys.Count > 0 && !settings.ContainsKey("data-dir");
        try
        {
            var submitter = devKeys.Count > 0 ? StartDevL1(config) : null;
            await using var node = SequencerNode.Open(config, loggers, submitter);
            await node.StartAsync();
            if (devKeys.Count > 0) PrintDevAccounts(config, devKeys, node.Url);
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellation, node.Stopping);
            try { await Task.Delay(Timeout.Infinite, stop.Token); } catch (OperationCanceledException) { }
            return 0;
        }
        finally
        {
            if (ephemeral) try { Directory.Delete(config.DataDir, recursive: true); } catch (IOException) { }
        }
    }

    /// <summary>THE HOOK for the devnet's L1 (issue 6 item 1, with the L1 client of src/Rollup.L1): start anvil from
    /// js/node_modules on 127.0.0.1, deploy the rollup contracts, and return the submitter that commits and finalizes
    /// batches on them (a real <see cref="Rollup.Sequencer.Batches.IL1Submitter"/>). Until then there is no L1: null
    /// keeps the default submitter, which posts nothing, so batches stay "sealed".</summary>
    private static Rollup.Sequencer.Batches.IL1Submitter? StartDevL1(NodeConfig config)
    {
        _ = config;
        return null;
    }

    /// <summary>Accounts and keys the way anvil prints them, so the same copy-and-paste habits work.</summary>
    private static void PrintDevAccounts(NodeConfig config, IReadOnlyList<Rollup.Core.Crypto.PrivateKey> keys, Uri url)
    {
        var eth = DevAccounts.Balance / UInt256.Parse("1000000000000000000");
        Console.WriteLine();
        Console.WriteLine("Available Accounts");
        Console.WriteLine("==================");
        for (int i = 0; i < keys.Count; i++) Console.WriteLine($"({i}) {keys[i].Address} ({eth} ETH)");
        Console.WriteLine();
        Console.WriteLine("Private Keys");
        Console.WriteLine("==================");
        for (int i = 0; i < keys.Count; i++) Console.WriteLine($"({i}) {Hex.ToHex(keys[i].ToBytes())}");
        Console.WriteLine();
        Console.WriteLine($"Chain ID: {config.Genesis.ChainId}");
        Console.WriteLine($"Data dir: {config.DataDir}");
        Console.WriteLine($"Listening on {url} (JSON-RPC over HTTP; WebSocket on ws://{url.Authority}/)");
        Console.WriteLine("Wallet: add a network with this RPC URL and chain id, then import a private key above (devnet only!).");
        Console.WriteLine();
    }
}
