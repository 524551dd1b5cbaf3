using Rollup.Core.Blocks;
using Rollup.Core.Types;
using Rollup.Evm.State;
using Rollup.Sequencer.Execution;
using Rollup.Sequencer.Node;

namespace Rollup.Sequencer.Rpc.Methods;

/// <summary>eth_call (with state overrides) and eth_estimateGas, on the state after the requested block and in
/// that block's environment.</summary>
public static class CallMethods
{
    public static void Register(RpcMethodTable t, NodeContext node)
    {
        t.Add("eth_call", p =>
        {
            p.AtMost(3);
            var args = p.Required(0, CallArgs.Parse);
            var block = BlockResolver.Require(node, p, 1);
            var state = WithOverrides(node.State.At(block.Number), p, 2);
            ulong gas = Math.Min(args.Gas ?? node.Rpc.GasCap, node.Rpc.GasCap);
            var outcome = new CallRunner(node.Rules).Run(args, state, Environment(node, block), gas);
            if (!outcome.Success) throw CallErrors.From(outcome);
            return RpcHex.Data(outcome.Output);
        });
        t.Add("eth_estimateGas", p =>
        {
            p.AtMost(3);
            var args = p.Required(0, CallArgs.Parse);
            var block = BlockResolver.Require(node, p, 1);
            var state = WithOverrides(node.State.At(block.Number), p, 2);
            ulong cap = Math.Min(block.Header.GasLimit, node.Rpc.GasCap);
            var estimate = new GasEstimator(node.Rules).Estimate(args, state, Environment(node, block), cap);
            // With exclude-unprovable, a call the sequencer would refuse is an error here too, before a wallet signs it.
            Execution.ProvabilityCheck.Require(node, args with { Gas = estimate });
            return RpcHex.Quantity(estimate);
        });
    }

    private static IStateSource WithOverrides(IStateSource state, RpcParams p, int index) =>
        p.Has(index) ? new OverlayStateSource(state, p.Required(index, OverlayStateSource.Parse)) : state;

    private static Evm.Execution.BlockEnvironment Environment(NodeContext node, Block block) =>
        node.Producer.Builder.Environment(block.Header, n => node.Chain.GetBlock(n)?.Hash ?? Hash256.Zero);
}
