using Rollup.Core.Chain;
using Rollup.Core.Numerics;
using Rollup.Core.Transactions;
using Rollup.Evm.Execution;
using Rollup.Evm.State;
using Rollup.Sequencer.Rpc;

namespace Rollup.Sequencer.Execution;

/// <summary>eth_estimateGas as geth does it: run at the cap (a failure there is the answer: a revert, or "gas required
/// exceeds allowance"), then try the gas used plus headroom for the 63/64 rule, then bisect until within 1.5%.</summary>
public sealed class GasEstimator(ForkRules rules)
{
    private const double ErrorRatio = 0.015;
    private const ulong CallStipend = 2_300;

    public ulong Estimate(CallArgs args, IStateSource state, BlockEnvironment block, ulong cap)
    {
        var runner = new CallRunner(rules);
        ulong hi = args.Gas is { } g && g >= IntrinsicGas.TxBase ? Math.Min(g, cap) : cap;
        var price = CallRunner.GasPrice(args, block.BaseFee);
        if (!price.IsZero)
        {
            // The sender cannot pay for more gas than its balance (less the value) buys.
            var balance = state.TryGetAccount(args.From ?? default, out var a) ? a.Balance : UInt256.Zero;
            if (balance < args.Value) throw RpcException.Server("insufficient funds for transfer");
            var allowance = (balance - args.Value) / price;
            if (allowance < hi) hi = (ulong)allowance;
        }
        ulong intrinsic = IntrinsicGas.Calculate(args.Data, args.To is null, args.AccessList, rules);
        if (hi < intrinsic) throw RpcException.Server($"gas required exceeds allowance ({hi})");

        CallOutcome Run(ulong gas) => runner.Run(args, state, block, gas);

        // A plain transfer to an account without code costs exactly the base gas (geth's shortcut, and exact).
        if (args.To is { } to && args.Data.Length == 0 && args.AccessList.Count == 0 && hi >= IntrinsicGas.TxBase
            && (!state.TryGetAccount(to, out var target) || target.CodeHash == AccountData.EmptyCodeHash)
            && Run(IntrinsicGas.TxBase).Success)
            return IntrinsicGas.TxBase;

        var first = Run(hi);
        if (!first.Success)
        {
            if (first.Reason == ExitReason.Revert) throw CallErrors.From(first);
            if (first.Reason == ExitReason.OutOfGas) throw RpcException.Server($"gas required exceeds allowance ({hi})");
            throw CallErrors.From(first);
        }
        ulong lo = Math.Max(intrinsic, first.GasUsed) - 1;
        ulong optimistic = (first.GasUsed + CallStipend) * 64 / 63;
        if (optimistic < hi)
        {
            if (Run(optimistic).Success) hi = optimistic; else lo = optimistic;
        }
        while (lo + 1 < hi)
        {
            if ((double)(hi - lo) / hi < ErrorRatio) break;
            ulong mid = lo + (hi - lo) / 2;
            if (mid > lo * 2) mid = lo * 2; // the answer is usually near the gas used: probe low first
            if (Run(mid).Success) hi = mid; else lo = mid;
        }
        return hi;
    }
}
