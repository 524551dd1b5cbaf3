using System.Collections;
using System.Globalization;
using System.Text.Json;
using Rollup.Core.Crypto;
using Rollup.Core.Numerics;
using Rollup.Core.Types;
using Rollup.Sequencer.Chain;

namespace Rollup.Sequencer.Node;

/// <summary>One node setting: its name is the flag (--name), the config-file key ("name") and, upper-cased with
/// underscores and a ROLLUP_ prefix, the environment variable (ROLLUP_NAME).</summary>
public sealed record Setting(string Name, string Description, bool IsFlag = false)
{
    public string EnvironmentVariable => "ROLLUP_" + Name.Replace('-', '_').ToUpperInvariant();
}

/// <summary>The node's settings from their three sources. Precedence, lowest first: built-in defaults, the config
/// file (--config), environment variables, command-line flags. Values are strings until <see cref="Build"/> parses
/// them into a <see cref="NodeConfig"/>.</summary>
public static class NodeSettings
{
    public static readonly IReadOnlyList<Setting> All =
    [
        new("data-dir", "Directory of the chain database (default ./rollup-data; with --dev, a fresh temporary directory)"),
        new("genesis", "Genesis JSON file (chain id, gas limit, base fee, alloc); required unless --dev"),
        new("dev", "Development chain: ten funded accounts from a fixed seed, printed with their keys", IsFlag: true),
        new("chain-id", "Chain id of the --dev chain when no genesis file is given (default 901)"),
        new("host", "JSON-RPC listen address (default 127.0.0.1)"),
        new("port", "JSON-RPC port, HTTP and WebSocket (default 8545; 0 picks a free port)"),
        new("block-time", "Seconds between blocks; 0 makes a block as soon as transactions wait (default 1)"),
        new("empty-blocks", "Make blocks even without transactions", IsFlag: true),
        new("coinbase", "Address that receives the priority fees (default the zero address)"),
        new("max-request-bytes", "Largest JSON-RPC request body or WebSocket message (default 5242880)"),
        new("max-batch-size", "Most calls in one JSON-RPC batch (default 1000)"),
        new("max-log-range", "Most blocks one eth_getLogs may span (default 10000)"),
        new("gas-cap", "Gas cap of eth_call and eth_estimateGas (default 50000000)"),
        new("mempool-max-txs", "Transactions the mempool holds at most (default 10000)"),
        new("mempool-max-per-sender", "Transactions one sender may have in the mempool (default 64)"),
        new("min-tip", "Lowest priority fee accepted, in wei (default 0)"),
        new("min-fee-cap", "Lowest fee cap accepted, in wei, besides the base fee (default 0)"),
        new("batch-max-blocks", "Seal a batch at this many blocks (default 100; 0 = no limit)"),
        new("batch-max-gas", "Seal a batch at this much gas (default 100000000; 0 = no limit)"),
        new("batch-max-bytes", "Seal a batch at this many bytes of batch data (default 120000; 0 = no limit)"),
        new("batch-max-age", "Seal a batch this many seconds after its first block (default 60; 0 = no limit)"),
        new("sync-writes", "fsync every database write (survives power loss, not only a killed process)", IsFlag: true),
        new("log-level", "trace, debug, information, warning or error (default information)"),
        new("no-l1", "No L1: batches are sealed but not posted (with --dev, do not start anvil)", IsFlag: true),
        new("l1-port", "Port of the local L1 (anvil) that --dev starts on 127.0.0.1 (default 0: a free port)"),
        new("l1-rpc", "JSON-RPC URL of an external L1 to commit batches to (instead of the --dev anvil); needs l1-key and l1-deployment"),
        new("l1-key", "Private key (hex) of the sequencer account on the external L1"),
        new("l1-deployment", "Deployment file of the rollup contracts on the external L1 (written by `rollup l1 deploy`)"),
        new("exclude-unprovable", "Refuse transactions whose execution reaches an execution state the prover has no gadget for (eth_sendRawTransaction and eth_estimateGas answer -32000 \"unprovable: …\")", IsFlag: true),
        new("prove", "Prove sealed batches in-process and finalize them on L1 (the L1 key needs the prover role; with --dev the node deploys the matching verifier)", IsFlag: true),
        new("prover-k", "Rows of the batch circuit, as log2 (default 12); the deployed verifier must be for the same k"),
        new("prover-state-transition", "Prove the state roots too: the batch circuit includes the state transition (needs a larger prover-k, e.g. 14)"),
        new("prover-ptau", "Powers-of-tau file (snarkjs .ptau) for the prover's SRS; without it an INSECURE SRS from a public seed is used"),
        new("prover-srs-seed", "Public seed of the INSECURE development SRS (default \"rollup insecure dev srs\")"),
    ];

    /// <summary>A config file: a JSON object whose keys are setting names.</summary>
    public static Dictionary<string, string> FromFile(string path)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(path), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        var result = new Dictionary<string, string>();
        foreach (var p in doc.RootElement.EnumerateObject())
        {
            if (!All.Any(s => s.Name == p.Name)) throw new FormatException($"{path}: unknown setting \"{p.Name}\"");
            result[p.Name] = p.Value.ValueKind switch
            {
                JsonValueKind.String => p.Value.GetString()!,
                JsonValueKind.True => "true",
                JsonValueKind.False => "false",
                _ => p.Value.GetRawText(),
            };
        }
        return result;
    }

    public static Dictionary<string, string> FromEnvironment(IDictionary environment)
    {
        var result = new Dictionary<string, string>();
        foreach (var s in All)
            if (environment[s.EnvironmentVariable] is string value && value.Length > 0) result[s.Name] = value;
        return result;
    }

    /// <summary>Later sources win.</summary>
    public static Dictionary<string, string> Merge(params Dictionary<string, string>[] sources)
    {
        var merged = new Dictionary<string, string>();
        foreach (var source in sources)
            foreach (var (k, v) in source) merged[k] = v;
        return merged;
    }

    /// <summary>The node configuration the settings describe, and in dev mode the dev accounts' keys.</summary>
    public static (NodeConfig Config, IReadOnlyList<PrivateKey> DevKeys) Build(IReadOnlyDictionary<string, string> s)
    {
        bool dev = Bool(s, "dev");
        IReadOnlyList<PrivateKey> devKeys = dev ? DevAccounts.Keys() : [];
        Genesis genesis;
        if (s.TryGetValue("genesis", out var genesisPath)) genesis = Genesis.Load(genesisPath);
        else if (dev) genesis = new Genesis { ChainId = U64(s, "chain-id", 901) };
        else throw new ArgumentException("a genesis file is required (--genesis), unless --dev");
        foreach (var key in devKeys) genesis.Alloc.TryAdd(key.Address, new GenesisAccount(DevAccounts.Balance));

        string dataDir = s.TryGetValue("data-dir", out var dir) ? dir
            : dev ? Path.Combine(Path.GetTempPath(), "rollup-dev-" + Guid.NewGuid().ToString("n")[..12])
            : "rollup-data";
        var config = new NodeConfig
        {
            DataDir = dataDir,
            Genesis = genesis,
            SyncWrites = Bool(s, "sync-writes"),
            Rpc = new RpcConfig
            {
                Host = s.GetValueOrDefault("host", "127.0.0.1"),
                Port = (int)U64(s, "port", 8545),
                MaxRequestBytes = (int)U64(s, "max-request-bytes", 5 * 1024 * 1024),
                MaxBatchSize = (int)U64(s, "max-batch-size", 1000),
                MaxLogBlockRange = U64(s, "max-log-range", 10_000),
                GasCap = U64(s, "gas-cap", 50_000_000),
                Accounts = [.. devKeys.Select(k => k.Address)],
            },
            Producer = new Production.ProducerConfig
            {
                BlockTime = TimeSpan.FromSeconds(Double(s, "block-time", 1)),
                EmptyBlocks = Bool(s, "empty-blocks"),
                Coinbase = s.TryGetValue("coinbase", out var cb) ? Address.Parse(cb) : Address.Zero,
            },
            Pool = new Mempool.PoolConfig
            {
                MaxTransactions = (int)U64(s, "mempool-max-txs", 10_000),
                MaxPerSender = (int)U64(s, "mempool-max-per-sender", 64),
                MinTip = U256(s, "min-tip"),
                MinFeeCap = U256(s, "min-fee-cap"),
            },
            Batches = new Batches.BatchPolicy
            {
                MaxBlocks = (int)U64(s, "batch-max-blocks", 100),
                MaxGas = U64(s, "batch-max-gas", 100_000_000),
                MaxBytes = (int)U64(s, "batch-max-bytes", 120_000),
                MaxAgeSeconds = Double(s, "batch-max-age", 60),
            },
        };
        return (config, devKeys);
    }

    private static bool Bool(IReadOnlyDictionary<string, string> s, string name)
    {
        if (!s.TryGetValue(name, out var v)) return false;
        if (v.Equals("true", StringComparison.OrdinalIgnoreCase) || v == "1") return true;
        if (v.Equals("false", StringComparison.OrdinalIgnoreCase) || v == "0") return false;
        throw new FormatException($"{name}: '{v}' is not true or false");
    }

    private static ulong U64(IReadOnlyDictionary<string, string> s, string name, ulong fallback)
    {
        if (!s.TryGetValue(name, out var v)) return fallback;
        return UInt256.TryParse(v, out var n) && n.FitsInUlong ? (ulong)n : throw new FormatException($"{name}: '{v}' is not a number");
    }

    private static UInt256 U256(IReadOnlyDictionary<string, string> s, string name) =>
        !s.TryGetValue(name, out var v) ? UInt256.Zero
        : UInt256.TryParse(v, out var n) ? n : throw new FormatException($"{name}: '{v}' is not a number");

    private static double Double(IReadOnlyDictionary<string, string> s, string name, double fallback)
    {
        if (!s.TryGetValue(name, out var v)) return fallback;
        return double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && d >= 0 ? d : throw new FormatException($"{name}: '{v}' is not a number of seconds");
    }
}
