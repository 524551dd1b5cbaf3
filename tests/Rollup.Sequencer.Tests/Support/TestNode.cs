using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Rollup.Core.Crypto;
using Rollup.Sequencer.Batches;
using Rollup.Sequencer.Chain;
using Rollup.Sequencer.Node;

namespace Rollup.Sequencer.Tests.Support;

/// <summary>A node for one test: dev accounts, instant blocks, a free loopback port and a temporary data directory
/// (removed at the end unless kept for a restart).</summary>
public sealed class TestNode : IAsyncDisposable
{
    public static readonly IReadOnlyList<PrivateKey> Keys = DevAccounts.Keys();
    public const ulong ChainId = 901;

    public SequencerNode Node { get; }
    public RpcClient Rpc { get; }
    public string DataDir { get; }
    private readonly bool _keepData;

    private TestNode(SequencerNode node, string dataDir, bool keepData)
    {
        Node = node;
        DataDir = dataDir;
        _keepData = keepData;
        Rpc = new RpcClient(node.Url);
    }

    public Uri Url => Node.Url;
    public Uri WebSocketUrl => new($"ws://{Node.Url.Authority}/");

    public static NodeConfig Config(string dataDir, Func<NodeConfig, NodeConfig>? customize = null)
    {
        var genesis = new Genesis { ChainId = ChainId };
        foreach (var k in Keys) genesis.Alloc[k.Address] = new GenesisAccount(DevAccounts.Balance);
        var config = new NodeConfig
        {
            DataDir = dataDir,
            Genesis = genesis,
            Rpc = new RpcConfig { Port = 0, Accounts = [.. Keys.Select(k => k.Address)] },
            Producer = new Production.ProducerConfig { BlockTime = TimeSpan.Zero },
        };
        return customize is null ? config : customize(config);
    }

    public static async Task<TestNode> Start(Func<NodeConfig, NodeConfig>? customize = null, string? dataDir = null, IBatchProver? prover = null,
        IL1Submitter? submitter = null, Func<ChainStore, Rollup.Sequencer.State.IStateStore, IBatchProver>? proverFactory = null,
        ILoggerFactory? loggers = null)
    {
        bool keep = dataDir is not null;
        dataDir ??= NewDataDir();
        var node = SequencerNode.Open(Config(dataDir, customize), loggers ?? Loggers, submitter, prover, proverFactory);
        await node.StartAsync();
        return new TestNode(node, dataDir, keep);
    }

    public static string NewDataDir() => Path.Combine(Path.GetTempPath(), "rollup-test-" + Guid.NewGuid().ToString("n")[..12]);

    /// <summary>Quiet by default; ROLLUP_TEST_LOGS=1 shows the node's logs.</summary>
    public static ILoggerFactory Loggers { get; } = Environment.GetEnvironmentVariable("ROLLUP_TEST_LOGS") == "1"
        ? LoggerFactory.Create(b => b.AddSimpleConsole(o => o.SingleLine = true).AddFilter("Microsoft", LogLevel.Warning))
        : NullLoggerFactory.Instance;

    public async ValueTask DisposeAsync()
    {
        Rpc.Dispose();
        await Node.DisposeAsync();
        if (!_keepData) try { Directory.Delete(DataDir, true); } catch (IOException) { }
    }
}
