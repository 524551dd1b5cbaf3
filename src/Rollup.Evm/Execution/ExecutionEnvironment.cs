using Rollup.Core.Chain;
using Rollup.Core.Numerics;
using Rollup.Core.Types;
using Rollup.Evm.Host;
using Rollup.Evm.Instructions;
using Rollup.Evm.Tracing;

namespace Rollup.Evm.Execution;

/// <summary>Everything a transaction's code can see besides its own frame: the fork's rules and instruction table,
/// the block, the transaction's origin and gas price, the world state and the tracer, if any.</summary>
public sealed class ExecutionEnvironment
{
    public required ForkRules Rules { get; init; }
    public InstructionTable Table => InstructionTable.For(Rules.Fork);
    public required BlockEnvironment Block { get; init; }
    public required IWorldState State { get; init; }

    public Address Origin { get; init; }
    /// <summary>GASPRICE: the effective gas price the transaction pays.</summary>
    public UInt256 GasPrice { get; init; }
    public IReadOnlyList<Hash256> BlobHashes { get; init; } = [];

    public ITracer? Tracer { get; init; }
}
