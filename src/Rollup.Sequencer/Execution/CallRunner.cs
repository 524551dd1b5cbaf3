using Rollup.Core.Chain;
using Rollup.Core.Numerics;
using Rollup.Core.Transactions;
using Rollup.Core.Types;
using Rollup.Evm.Execution;
using Rollup.Evm.Host;
using Rollup.Evm.State;
using Rollup.Evm.Tracing;
using Rollup.Sequencer.Rpc;

namespace Rollup.Sequencer.Execution;

/// <summary>How a call ended: the reason, its output (return or revert data) and the gas it used after refunds.</summary>
public sealed record CallOutcome(ExitReason Reason, byte[] Output, ulong GasUsed)
{
    public bool Success => Reason.IsSuccess();
}

/// <summary>Runs eth_call's and eth_estimateGas's message on a throw-away journaled state: like a transaction, but
/// without a signature or nonce check, and paying for gas only when a gas price is given (geth's rules).</summary>
public sealed class CallRunner(ForkRules rules)
{
    public CallOutcome Run(CallArgs args, IStateSource source, BlockEnvironment block, ulong gasLimit, ITracer? tracer = null)
    {
        var state = new JournaledState(source);
        state.BeginTransaction();
        IWorldState world = tracer is IStateObserver observer ? observer.Observe(state) : state;
        var from = args.From ?? Address.Zero;
        var gasPrice = GasPrice(args, block.BaseFee);

        ulong intrinsic = IntrinsicGas.Calculate(args.Data, args.To is null, args.AccessList, rules);
        if (gasLimit < intrinsic) throw RpcException.Server($"intrinsic gas too low: have {gasLimit}, want {intrinsic}");
        var gasCost = new UInt256(gasLimit) * gasPrice;
        var balance = world.GetBalance(from);
        if (balance < gasCost + args.Value)
            throw RpcException.Server($"insufficient funds for gas * price + value: address {from} have {balance} want {gasCost + args.Value}");
        world.SubtractBalance(from, gasCost);

        var env = new ExecutionEnvironment { Rules = rules, Block = block, State = world, Origin = from, GasPrice = gasPrice, Tracer = tracer };
        var executor = new EvmExecutor(env);
        world.WarmAccount(from);
        if (args.To is { } to) world.WarmAccount(to);
        foreach (var p in executor.Precompiles.Addresses) world.WarmAccount(p);
        foreach (var entry in args.AccessList)
        {
            world.WarmAccount(entry.Address);
            foreach (var key in entry.StorageKeys) world.WarmStorage(entry.Address, Evm.EvmWord.FromHash(key));
        }
        world.WarmAccount(block.Coinbase);

        long gas = (long)(gasLimit - intrinsic);
        Message message;
        if (args.To is { } recipient)
        {
            world.SetNonce(from, world.GetNonce(from) + 1);
            message = new Message
            {
                Kind = CallKind.Call, Gas = gas, Sender = from, Recipient = recipient, CodeAddress = recipient,
                Value = args.Value, TransfersValue = true, Input = args.Data,
            };
        }
        else
        {
            message = new Message { Kind = CallKind.Create, Gas = gas, Sender = from, Value = args.Value, TransfersValue = true, Input = args.Data };
        }
        var result = executor.Execute(message);
        long used = (long)gasLimit - result.GasLeft;
        long refund = Math.Min(Math.Max(world.Refund, 0), used / 5);
        return new CallOutcome(result.Reason, result.Output, (ulong)(used - refund));
    }

    /// <summary>The price the call pays per gas: the legacy gas price, or the EIP-1559 fields against the base fee,
    /// or nothing at all.</summary>
    public static UInt256 GasPrice(CallArgs args, in UInt256 baseFee)
    {
        if (args.GasPrice is { } price) return price;
        if (args.MaxFeePerGas is not { } cap) return UInt256.Zero;
        var tip = args.MaxPriorityFeePerGas ?? UInt256.Zero;
        var wanted = baseFee + tip;
        return wanted < cap ? wanted : cap;
    }
}
