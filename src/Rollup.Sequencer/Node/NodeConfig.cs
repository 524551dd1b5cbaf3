using Rollup.Sequencer.Batches;
using Rollup.Sequencer.Chain;
using Rollup.Sequencer.Mempool;
using Rollup.Sequencer.Production;

namespace Rollup.Sequencer.Node;

/// <summary>Everything a node is started with. The CLI fills it from defaults, a config file, environment variables
/// and flags (in that order of precedence, lowest first; see docs/node.md).</summary>
public sealed record NodeConfig
{
    public required string DataDir { get; init; }
    public required Genesis Genesis { get; init; }
    public RpcConfig Rpc { get; init; } = new();
    public PoolConfig Pool { get; init; } = new();
    public ProducerConfig Producer { get; init; } = new();
    public BatchPolicy Batches { get; init; } = new();
    /// <summary>fsync every write (survives power loss, not just a killed process); slower.</summary>
    public bool SyncWrites { get; init; }
    /// <summary>First wait before retrying a failed L1 step (it doubles up to a minute).</summary>
    public TimeSpan L1FirstRetryDelay { get; init; } = TimeSpan.FromSeconds(1);
    /// <summary>exclude-unprovable: transactions reaching an execution state this says the prover cannot prove are
    /// refused by eth_sendRawTransaction and reported by eth_estimateGas; null (the default) admits everything.</summary>
    public Execution.IExecutionSupport? ExecutionSupport { get; init; }
}
