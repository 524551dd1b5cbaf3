using Rollup.Circuits.Evm.Math;
using Rollup.Circuits.Tables;
using Rollup.Core.Numerics;
using Rollup.Crypto.Bn254.Fields;
using Rollup.Evm.Tracing.Zk;
using Rollup.Plonk.Circuit;

namespace Rollup.Circuits.Evm.Gadgets;

/// <summary>The end of a transaction, after the step that ended its root call (which handed over the gas left):
/// the root call's success flag is written; the refund counter is read and capped at a fifth of the gas used
/// (EIP-3529); the gas left plus the refund goes back to the sender at the effective gas price; the coinbase gets
/// the gas used at the priority fee (effective price − base fee, which must not be negative); the base fee's part
/// is burned. Then the next transaction begins, or, after the batch's last one, padding.</summary>
public sealed class EndTxGadget : IGadget
{
    /// <summary>The states that end a root call successfully, and unsuccessfully; EndTx follows one of them.</summary>
    public static readonly ExecutionState[] SuccessfulEnds = [ExecutionState.Stop, ExecutionState.Return, ExecutionState.BeginTxTransfer];
    public static readonly ExecutionState[] FailedEnds =
    [
        ExecutionState.Revert, ExecutionState.ErrorInvalidOpcode, ExecutionState.ErrorStackUnderflow, ExecutionState.ErrorStackOverflow,
        ExecutionState.ErrorOutOfGasStatic, ExecutionState.ErrorInvalidJump, ExecutionState.ErrorInvalidJumpI,
        ExecutionState.ErrorOutOfGasMemory, ExecutionState.ErrorOutOfGasSload, ExecutionState.ErrorOutOfGasSstore,
        ExecutionState.ErrorOutOfGasExp,
    ];

    public const int RefundQuotient = 5;

    public ExecutionState State => ExecutionState.EndTx;
    public IReadOnlyList<byte> Opcodes => [];

    private TxLookup _gasLimit = null!, _price = null!, _caller = null!, _blockNumber = null!, _batchSize = null!;
    private BlockLookup _coinbase = null!, _baseFee = null!;
    private SmallNumber _quotient = null!, _remainder = null!, _remainderHeadroom = null!, _capDistance = null!, _gasUsed = null!, _tip = null!, _priceBytes = null!;
    private CellRef _capped = null!, _refund = null!, _returned = null!, _fee = null!, _senderCarry = null!, _coinbaseCarry = null!, _lastInverse = null!, _isLast = null!;
    private WordBytes _senderAfter = null!, _coinbaseAfter = null!;

    public void Configure(GadgetBuilder b)
    {
        var tx = b.Cur(StepField.TxId);
        Expression Previous(ExecutionState[] states) => states.Aggregate(Expression.Constant(0), (acc, s) => acc + b.Config.Flag(s, previous: true));
        var succeeded = Previous(SuccessfulEnds);
        b.Require("follows the end of the root call", succeeded + Previous(FailedEnds) - 1);
        foreach (var f in new[] { StepField.Pc, StepField.StackSize, StepField.MemorySize, StepField.Opcode, StepField.CodeId, StepField.ReversibleWrites, StepField.IsPersistent, StepField.EndOfReversion })
            b.Require($"step state: {f} is zero", b.Cur(f));

        var ctx = b.Context;
        _gasLimit = ctx.Tx(b, "gas limit", tx, TxField.GasLimit);
        _price = ctx.Tx(b, "gas price", tx, TxField.EffectiveGasPrice);
        _caller = ctx.Tx(b, "caller", tx, TxField.CallerAddress);
        _blockNumber = ctx.Tx(b, "block number", tx, TxField.BlockNumber);
        _batchSize = ctx.Tx(b, "batch size", Expression.Constant(0), TxField.BatchSize);
        _coinbase = ctx.Block(b, "coinbase", _blockNumber.Lo, BlockField.Coinbase);
        _baseFee = ctx.Block(b, "base fee", _blockNumber.Lo, BlockField.BaseFee);
        _priceBytes = SmallNumber.Require(b, "gas price", _price.Lo);
        b.Require("gas price high limb is zero", _price.Hi.Expr);
        b.Require("base fee high limb is zero", _baseFee.Hi);

        StateAccess.CallContext(b, "root call success", b.Cur(StepField.CallId), CallContextField.IsSuccess, Limbs.Small(succeeded));
        var refundRead = StateAccess.Slot(b, "refund counter", false, RwTag.TxRefund, tx, Expression.Constant(0), Expression.Constant(0));
        b.Require("refund counter high limb is zero", refundRead.ValueHi);
        var counter = refundRead.ValueLo;

        // used = gas limit − gas left = 5q + r, 0 ≤ r ≤ 4; refund = min(counter, q).
        var gasLeft = b.Cur(StepField.Gas);
        var used = _gasLimit.Lo.Expr - gasLeft;
        _quotient = new SmallNumber(Enumerable.Range(0, 8).Select(i => b.ByteCell($"used / 5[{i}]")).ToArray());
        _remainder = new SmallNumber([b.ByteCell("used % 5")]);
        _remainderHeadroom = SmallNumber.Require(b, "4 − used % 5", 4 - _remainder.Value, bytes: 1);
        b.Require("used = 5·quotient + remainder", used - (_quotient.Value * RefundQuotient + _remainder.Value));
        _capped = b.Cell("the refund is capped");
        b.Require("capped is a bit", _capped * (1 - (Expression)_capped));
        _capDistance = SmallNumber.Require(b, "|counter − cap|", (2 * (Expression)_capped - 1) * (counter - _quotient.Value));
        _refund = b.Cell("refund");
        b.Require("refund = capped ? cap : counter", _refund - (counter + _capped * (_quotient.Value - counter)));

        _returned = b.Cell("gas returned");
        b.Require("gas returned = gas left + refund", _returned - (gasLeft + _refund));
        _gasUsed = SmallNumber.Require(b, "gas used", _gasLimit.Lo.Expr - _returned);
        _tip = SmallNumber.Require(b, "priority fee per gas", _price.Lo.Expr - _baseFee.Lo);
        _fee = b.Cell("priority fee");
        b.Require("priority fee = gas used × tip", _fee - _gasUsed.Value * _tip.Value);

        var sender = StateAccess.Account(b, "sender gets the gas back", true, _caller.Lo, AccountField.Balance);
        _senderAfter = b.Word("sender balance after");
        b.Require("sender credit writes the new balance (lo)", sender.ValueLo - _senderAfter.Lo);
        b.Require("sender credit writes the new balance (hi)", sender.ValueHi - _senderAfter.Hi);
        var repayment = b.Cell("repayment");
        b.Require("repayment = gas returned × price", repayment - _returned.Expr * _price.Lo);
        _repayment = repayment;
        _senderCarry = WordAddition.Require(b, "sender credit", new Limbs(sender.PrevLo, sender.PrevHi), Limbs.Small(repayment), _senderAfter);

        var coinbase = StateAccess.Account(b, "coinbase gets the priority fee", true, _coinbase.Lo, AccountField.Balance);
        _coinbaseAfter = b.Word("coinbase balance after");
        b.Require("coinbase credit writes the new balance (lo)", coinbase.ValueLo - _coinbaseAfter.Lo);
        b.Require("coinbase credit writes the new balance (hi)", coinbase.ValueHi - _coinbaseAfter.Hi);
        _coinbaseCarry = WordAddition.Require(b, "coinbase credit", new Limbs(coinbase.PrevLo, coinbase.PrevHi), Limbs.Small(_fee), _coinbaseAfter);

        // The last transaction (tx id = batch size) is followed by padding, any other by the next one's start.
        var remaining = _batchSize.Lo.Expr - tx;
        _isLast = b.Cell("is the batch's last transaction");
        _lastInverse = b.Cell("1 / (batch size − tx id)");
        b.Require("is last = (remaining == 0)", _isLast - (1 - remaining * _lastInverse));
        b.Require("is last means nothing remains", _isLast * remaining);
        b.Require("the inverse is pinned on the last", _isLast.Expr * _lastInverse);
        b.OwnTransition();
        b.Require("next: padding after the last", _isLast * (1 - b.Config.Flag(ExecutionState.Padding, next: true)));
        b.Require("next: the next transaction's start", (1 - (Expression)_isLast) * (1 - b.Config.Flag(ExecutionState.BeginTx, next: true)));
        b.Require("next: tx id", b.Next(StepField.TxId) - (tx + 1 - _isLast));
    }

    private CellRef _repayment = null!;

    public void Assign(StepContext step)
    {
        var tx = step.Tx!;
        var block = step.Block!;
        step.Set(_gasLimit, tx, TxField.GasLimit);
        step.Set(_price, tx, TxField.EffectiveGasPrice);
        step.Set(_caller, tx, TxField.CallerAddress);
        step.Set(_blockNumber, tx, TxField.BlockNumber);
        step.Set(_batchSize, 0, TxField.BatchSize, (Fr.FromUInt64((ulong)tx.BatchSize), Fr.Zero));
        step.Set(_coinbase, block, BlockField.Coinbase);
        step.Set(_baseFee, block, BlockField.BaseFee);
        ulong price = tx.EffectiveGasPrice.U0;
        _priceBytes.Assign(step, price);

        ulong gasLeft = (ulong)step.Step!.GasLeft;
        ulong used = tx.GasLimit - gasLeft;
        ulong counter = step.Rw[1].Value.U0;
        ulong cap = used / RefundQuotient;
        _quotient.Assign(step, cap);
        _remainder.Assign(step, used % RefundQuotient);
        _remainderHeadroom.Assign(step, 4 - used % RefundQuotient);
        bool capped = counter > cap;
        step.Set(_capped, capped ? 1UL : 0UL);
        _capDistance.Assign(step, capped ? counter - cap : cap - counter);
        ulong refund = System.Math.Min(counter, cap);
        step.Set(_refund, refund);
        ulong returned = gasLeft + refund;
        step.Set(_returned, returned);
        ulong gasUsed = tx.GasLimit - returned;
        _gasUsed.Assign(step, gasUsed);
        ulong tip = price - block.BaseFee.U0;
        _tip.Assign(step, tip);
        var fee = new UInt256(gasUsed) * new UInt256(tip);
        step.Set(_fee, Witness.Words.Lo(fee));
        var repayment = new UInt256(returned) * new UInt256(price);
        step.Set(_repayment, Witness.Words.Lo(repayment));
        step.Set(_senderAfter, step.Rw[2].Value);
        step.Set(_senderCarry, WordAddition.Carry(step.Rw[2].Previous, repayment));
        step.Set(_coinbaseAfter, step.Rw[3].Value);
        step.Set(_coinbaseCarry, WordAddition.Carry(step.Rw[3].Previous, fee));

        var remaining = Fr.FromUInt64((ulong)tx.BatchSize) - Fr.FromUInt64((ulong)tx.Id);
        bool last = remaining == Fr.Zero;
        step.Set(_isLast, last ? 1UL : 0UL);
        step.Set(_lastInverse, last ? Fr.Zero : remaining.Inverse());
    }
}
