using Rollup.Core.Blocks;
using Rollup.Core.Chain;
using Rollup.Sequencer.Batches;
using Rollup.Sequencer.Chain;
using Rollup.Sequencer.Mempool;
using Rollup.Sequencer.Production;
using Rollup.Sequencer.State;

namespace Rollup.Sequencer.Node;

/// <summary>The node's parts, as the JSON-RPC methods see them.</summary>
public sealed class NodeContext
{
    public required ulong ChainId { get; init; }
    public required ForkRules Rules { get; init; }
    public required ChainStore Chain { get; init; }
    public required IStateStore State { get; init; }
    public required TxPool Pool { get; init; }
    public required BlockProducer Producer { get; init; }
    public required BatchStore Batches { get; init; }
    public required BatchPipeline Pipeline { get; init; }
    public required ChainEvents Events { get; init; }
    public required RpcConfig Rpc { get; init; }
    public required PoolConfig PoolConfig { get; init; }
    /// <summary>Set with exclude-unprovable (<see cref="Execution.ProvabilityCheck"/>).</summary>
    public Execution.IExecutionSupport? ExecutionSupport { get; init; }

    public Block Head => Chain.Head!;
}
