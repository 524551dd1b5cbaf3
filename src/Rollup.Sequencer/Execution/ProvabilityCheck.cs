using Rollup.Core.Transactions;
using Rollup.Core.Types;
using Rollup.Evm.Tracing.Zk;
using Rollup.Sequencer.Node;
using Rollup.Sequencer.Rpc;

namespace Rollup.Sequencer.Execution;

/// <summary>With exclude-unprovable on: runs a transaction (or call arguments) on the head state with the zk tracer and
/// refuses it with a -32000 error when it reaches an execution state the prover has no gadget for. Checked at admission
/// (eth_sendRawTransaction) and reported by eth_estimateGas, on the head state: a transaction whose path changes with
/// the state it finally runs on can still reach the block (the prover then refuses that batch, docs/node.md).</summary>
public static class ProvabilityCheck
{
    public const string Prefix = "unprovable: ";

    public static void Require(NodeContext node, CallArgs args)
    {
        if (node.ExecutionSupport is not { } support) return;
        if (args.To is null) throw RpcException.Server(Prefix + "contract creation has no gadget yet");
        if (args.AccessList.Count > 0) throw RpcException.Server(Prefix + "transactions with an access list have no gadget yet");
        var head = node.Head;
        var zk = new ZkTracer();
        var env = node.Producer.Builder.Environment(head.Header, n => node.Chain.GetBlock(n)?.Hash ?? Hash256.Zero);
        new CallRunner(node.Rules).Run(args, node.State.At(head.Number), env, Math.Min(args.Gas ?? node.Rpc.GasCap, node.Rpc.GasCap), zk);
        if (support.Unsupported(zk.Trace) is { } why) throw RpcException.Server(Prefix + why);
    }

    /// <summary>The raw transaction's check; a transaction that does not decode or whose signature fails is left to the
    /// pool, which reports that with geth's messages.</summary>
    public static void Require(NodeContext node, byte[] raw)
    {
        if (node.ExecutionSupport is null) return;
        Transaction tx;
        Address sender;
        try
        {
            tx = TransactionDecoder.Decode(raw);
            sender = TransactionValidator.ValidateSignature(tx, node.Rules, node.ChainId);
        }
        catch (TxException) { return; }
        Require(node, new CallArgs
        {
            From = sender, To = tx.To, Gas = tx.GasLimit, Value = tx.Value, Data = tx.Data, AccessList = tx.AccessList,
            MaxFeePerGas = tx.MaxFeePerGas, MaxPriorityFeePerGas = tx.MaxPriorityFeePerGas,
        });
        RequireCapacity(node, tx, sender);
    }

    /// <summary>With a prover: a transaction that alone needs more than one batch circuit holds (run as the only
    /// transaction of the next block) is refused now, rather than dropped by the producer later. A transaction whose
    /// nonce is ahead of the account's cannot run on the head state yet; the producer checks it when it does.</summary>
    private static void RequireCapacity(NodeContext node, Transaction tx, Address sender)
    {
        if (node.Producer.Capacity is not { } capacity) return;
        var head = node.Head.Header;
        if (node.State.At(head.Number).TryGetAccount(sender, out var account) ? account.Nonce != tx.Nonce : tx.Nonce != 0) return;
        if (capacity.Overflow(node.Producer.NextDraft(head), [tx], [sender]) is { } why)
            throw RpcException.Server(Prefix + $"the transaction alone needs more than the prover's batch circuit holds: {why}");
    }
}
