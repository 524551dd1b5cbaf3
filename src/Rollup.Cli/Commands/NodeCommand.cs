using System.CommandLine;
using Microsoft.Extensions.Logging;
using Rollup.Core.Crypto;
using Rollup.Core.Encoding;
using Rollup.Core.Numerics;
using Rollup.L1;
using Rollup.L1.Deployment;
using Rollup.Sequencer.L1;
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
            catch (Exception e) when (e is FormatException or ArgumentException or IOException or InvalidOperationException or InvalidDataException or L1Exception)
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
        if (settings.TryGetValue("exclude-unprovable", out var exclude) && exclude is "true" or "1")
            config = config with { ExecutionSupport = new Rollup.Proving.GadgetSupport() };
        var level = Enum.TryParse<LogLevel>(settings.GetValueOrDefault("log-level", "information"), ignoreCase: true, out var l) ? l : LogLevel.Information;
        using var loggers = LoggerFactory.Create(b => b
            .AddSimpleConsole(o => { o.SingleLine = true; o.TimestampFormat = "HH:mm:ss.fff "; })
            .SetMinimumLevel(level)
            .AddFilter("Microsoft", LogLevel.Warning));

        bool ephemeral = devKeys.Count > 0 && !settings.ContainsKey("data-dir");
        try
        {
            var prover = NodeProver.From(settings, config, loggers);
            await using var l1 = await StartL1(settings, config, devKeys, loggers, prover, cancellation);
            await using var node = SequencerNode.Open(config, loggers, l1?.Submitter, proverFactory: prover is null ? null : prover.Factory);
            await node.StartAsync();
            if (devKeys.Count > 0) PrintDevAccounts(config, devKeys, node.Url);
            if (l1 is not null) PrintL1(l1, devKeys.Count > 0);
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellation, node.Stopping);
            try { await Task.Delay(Timeout.Infinite, stop.Token); } catch (OperationCanceledException) { }
            return 0;
        }
        finally
        {
            if (ephemeral) try { Directory.Delete(config.DataDir, recursive: true); } catch (IOException) { }
        }
    }

    /// <summary>The operator's key on a --dev L1 (owner, sequencer and prover of the rollup contract): derived like
    /// the dev accounts, from its own phrase, so that it never shares a nonce with a wallet using those.</summary>
    private static PrivateKey DevOperatorKey => DevAccounts.Keys("rollup devnet operator", 1)[0];

    /// <summary>The node's L1: an external one (--l1-rpc, --l1-key, --l1-deployment), or with --dev a local anvil with
    /// freshly deployed rollup contracts, or none (--no-l1, or neither). Batches are committed to it as they are sealed.</summary>
    private static async Task<L1Connection?> StartL1(Dictionary<string, string> settings, NodeConfig config, IReadOnlyList<PrivateKey> devKeys,
        ILoggerFactory loggers, NodeProver? prover, CancellationToken cancellation)
    {
        bool off = settings.TryGetValue("no-l1", out var noL1) && noL1 is "true" or "1";
        if (settings.TryGetValue("l1-rpc", out var url))
        {
            if (off) throw new ArgumentException("--no-l1 and --l1-rpc contradict each other");
            var keyHex = settings.GetValueOrDefault("l1-key") ?? throw new ArgumentException("--l1-rpc needs --l1-key (the sequencer's L1 key, or $ROLLUP_L1_KEY)");
            var path = settings.GetValueOrDefault("l1-deployment") ?? throw new ArgumentException("--l1-rpc needs --l1-deployment (the file `rollup l1 deploy` wrote)");
            PrivateKey key;
            try { key = new PrivateKey(Hex.Parse(keyHex)); }
            catch (Exception e) when (e is FormatException or ArgumentException) { throw new ArgumentException($"l1-key: {e.Message}", e); }
            var genesis = SequencerNode.GenesisBlock(config);
            return await L1Connection.ConnectAsync(url, key, DeploymentFile.Load(path), genesis.Header.StateRoot, config.Genesis.ChainId, loggers, cancellation);
        }
        if (settings.ContainsKey("l1-key") || settings.ContainsKey("l1-deployment"))
            throw new ArgumentException("--l1-key and --l1-deployment go with --l1-rpc");
        if (off || devKeys.Count == 0) return null;
        int port = settings.TryGetValue("l1-port", out var p) && int.TryParse(p, out var n) && n is >= 0 and <= 65535 ? n
            : settings.ContainsKey("l1-port") ? throw new FormatException($"l1-port: '{settings["l1-port"]}' is not a port number") : 0;
        var devGenesis = SequencerNode.GenesisBlock(config);
        // With --prove the dev L1 gets the verifier generated for the prover's key, so its proofs finalize.
        return await L1Connection.StartDevAsync(devGenesis.Header.StateRoot, config.Genesis.ChainId, port, DevOperatorKey,
            devKeys.Select(k => k.Address), loggers, cancellation, prover?.Verifier());
    }

    private static void PrintL1(L1Connection l1, bool dev)
    {
        var d = l1.Deployment;
        Console.WriteLine(dev ? "L1 (anvil, started by this node, stopped with it)" : "L1");
        Console.WriteLine("==================");
        Console.WriteLine($"RPC URL:   {l1.Url}");
        Console.WriteLine($"Chain ID:  {d.L1ChainId}");
        Console.WriteLine($"Rollup:    {d.Rollup} (deployed in L1 block {d.DeployedAtBlock})");
        Console.WriteLine($"Verifier:  {d.Verifier.Address} ({d.Verifier.Contract}{(d.Verifier.IsRealVerifier == false ? ", NOT A REAL VERIFIER" : "")})");
        Console.WriteLine($"Sequencer: {l1.Sequencer.Address} (commits each sealed batch{(d.Verifier.IsRealVerifier == true ? "; with --prove also finalizes them" : "; batches stay unproven without --prove")})");
        if (dev) Console.WriteLine("The accounts above hold 10,000 ETH on this L1 too: add it to a wallet with this RPC URL and chain id.");
        Console.WriteLine();
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
