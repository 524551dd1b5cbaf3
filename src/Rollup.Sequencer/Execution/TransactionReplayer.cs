using Rollup.Core.Blocks;
using Rollup.Core.Types;
using Rollup.Evm.Execution;
using Rollup.Evm.State;
using Rollup.Evm.Tracing;
using Rollup.Sequencer.Node;

namespace Rollup.Sequencer.Execution;

/// <summary>Re-runs a mined transaction for debug_traceTransaction: on the state after its parent block, after the
/// transactions before it in its block, with the tracer attached only to it.</summary>
public static class TransactionReplayer
{
    public static TransactionResult Replay(NodeContext node, Block block, int index, ITracer tracer)
    {
        var receipts = node.Chain.GetReceipts(block.Number)!;
        var state = new JournaledState(node.State.At(block.Number - 1));
        var builder = node.Producer.Builder;
        var env = builder.Environment(block.Header, n => node.Chain.GetBlock(n)?.Hash ?? Hash256.Zero);
        var processor = new TransactionProcessor(node.Rules, env);
        ulong gasUsed = 0;
        for (int i = 0; i < index; i++)
            gasUsed += processor.Execute(block.Transactions[i], receipts[i].Sender, state, block.Header.GasLimit - gasUsed).GasUsed;
        return processor.Execute(block.Transactions[index], receipts[index].Sender, state, block.Header.GasLimit - gasUsed, tracer);
    }
}
