using Rollup.Circuits.Evm.Math;
using Rollup.Circuits.Tables;
using Rollup.Circuits.Witness;
using Rollup.Core.Numerics;
using Rollup.Crypto.Bn254.Fields;
using Rollup.Evm;
using Rollup.Evm.State;
using Rollup.Evm.Tracing.Zk;
using Rollup.Plonk.Circuit;

namespace Rollup.Circuits.Evm.Gadgets;

/// <summary>The start of a transaction, its first 16 accesses in the order the transaction processor makes them: the
/// sender's nonce (= the transaction's), code hash (none or empty: EIP-3607) and balance are read; the gas is bought
/// (balance −= gas limit × effective gas price, with no underflow); the sender, the recipient and the ten Cancun
/// precompiles are warmed (EIP-2929). <see cref="BeginTxCallGadget"/> continues it.
/// <para>It follows the end of the previous transaction, or is the batch's first step (its predecessor is then the
/// last step, padding) with tx id 1. Its own step state is all zeros but the counters.</para></summary>
public sealed class BeginTxGadget : IGadget
{
    /// <summary>Precompiles the processor warms, in its order (Cancun: 0x01 … 0x0a).</summary>
    public const int Precompiles = 10;

    public ExecutionState State => ExecutionState.BeginTx;
    public IReadOnlyList<byte> Opcodes => [];

    private TxLookup _nonce = null!, _gasLimit = null!, _price = null!, _caller = null!, _callee = null!;
    private SmallNumber _gasLimitBytes = null!, _priceBytes = null!;
    private CellRef _gasCost = null!, _codeHashIsZero = null!, _debitCarry = null!;
    private WordBytes _balanceAfter = null!;

    public void Configure(GadgetBuilder b)
    {
        var tx = b.Cur(StepField.TxId);
        var afterEnd = b.Config.Flag(ExecutionState.EndTx, previous: true);
        var atStart = b.Config.Flag(ExecutionState.Padding, previous: true);
        b.Require("follows the end of a transaction or starts the batch", afterEnd + atStart - 1);
        b.Require("the batch starts with transaction 1", atStart * (tx - 1));
        foreach (var f in new[] { StepField.Pc, StepField.Gas, StepField.StackSize, StepField.CallId, StepField.MemorySize, StepField.Opcode, StepField.CodeId, StepField.ReversibleWrites, StepField.IsPersistent, StepField.EndOfReversion })
            b.Require($"step state: {f} is zero", b.Cur(f));

        var ctx = b.Context;
        _nonce = ctx.Tx(b, "nonce", tx, TxField.Nonce);
        _gasLimit = ctx.Tx(b, "gas limit", tx, TxField.GasLimit);
        _price = ctx.Tx(b, "gas price", tx, TxField.EffectiveGasPrice);
        _caller = ctx.Tx(b, "caller", tx, TxField.CallerAddress);
        _callee = ctx.Tx(b, "callee", tx, TxField.CalleeAddress);
        // Gas limit and price below 2^64, so the purchase is one limb computed exactly.
        _gasLimitBytes = SmallNumber.Require(b, "gas limit", _gasLimit.Lo);
        _priceBytes = SmallNumber.Require(b, "gas price", _price.Lo);
        b.Require("gas price high limb is zero", _price.Hi);
        _gasCost = b.Cell("gas purchase");
        b.Require("gas purchase = gas limit × price", _gasCost - _gasLimit.Lo.Expr * _price.Lo);

        var nonce = StateAccess.Account(b, "sender nonce", false, _caller.Lo, AccountField.Nonce);
        b.Require("the sender's nonce is the transaction's", nonce.ValueLo - _nonce.Lo);
        b.Require("the sender's nonce (hi)", nonce.ValueHi);

        var codeHash = StateAccess.Account(b, "sender code hash", false, _caller.Lo, AccountField.CodeHash);
        _codeHashIsZero = b.Cell("sender has no account code hash");
        var empty = EvmWord.FromHash(AccountData.EmptyCodeHash);
        b.Require("code-hash flag is a bit", _codeHashIsZero * (1 - (Expression)_codeHashIsZero));
        b.Require("no code hash: zero (lo)", _codeHashIsZero * codeHash.ValueLo);
        b.Require("no code hash: zero (hi)", _codeHashIsZero * codeHash.ValueHi);
        b.Require("the sender has no code (lo)", (1 - (Expression)_codeHashIsZero) * (codeHash.ValueLo - Expression.Constant(Words.Lo(empty))));
        b.Require("the sender has no code (hi)", (1 - (Expression)_codeHashIsZero) * (codeHash.ValueHi - Expression.Constant(Words.Hi(empty))));

        StateAccess.Account(b, "sender balance", false, _caller.Lo, AccountField.Balance);
        var debit = StateAccess.Account(b, "gas purchase debit", true, _caller.Lo, AccountField.Balance);
        _balanceAfter = b.Word("balance after the purchase");
        b.Require("debit writes the new balance (lo)", debit.ValueLo - _balanceAfter.Lo);
        b.Require("debit writes the new balance (hi)", debit.ValueHi - _balanceAfter.Hi);
        _debitCarry = WordAddition.Require(b, "gas purchase", _balanceAfter, Limbs.Small(_gasCost), new Limbs(debit.PrevLo, debit.PrevHi));

        StateAccess.WarmAccount(b, "warm sender", tx, _caller.Lo);
        StateAccess.WarmAccount(b, "warm recipient", tx, _callee.Lo);
        for (int p = 1; p <= Precompiles; p++) StateAccess.WarmAccount(b, $"warm precompile {p}", tx, Expression.Constant(p));

        b.OwnTransition();
        b.Require("next: the call's start", 1 - b.Config.Flag(ExecutionState.BeginTxCall, next: true) - b.Config.Flag(ExecutionState.BeginTxTransfer, next: true));
        b.Require("next: same transaction", b.Next(StepField.TxId) - tx);
    }

    public void Assign(StepContext step)
    {
        var tx = step.Tx!;
        step.Set(_nonce, tx, TxField.Nonce);
        step.Set(_gasLimit, tx, TxField.GasLimit);
        step.Set(_price, tx, TxField.EffectiveGasPrice);
        step.Set(_caller, tx, TxField.CallerAddress);
        step.Set(_callee, tx, TxField.CalleeAddress);
        _gasLimitBytes.Assign(step, tx.GasLimit);
        _priceBytes.Assign(step, tx.EffectiveGasPrice.U0);
        var cost = new UInt256(tx.GasLimit) * tx.EffectiveGasPrice;
        step.Set(_gasCost, Words.Lo(cost));
        step.Set(_codeHashIsZero, step.Rw[1].Value.IsZero ? 1UL : 0UL);
        var after = step.Rw[3].Value;
        step.Set(_balanceAfter, after);
        step.Set(_debitCarry, WordAddition.Carry(after, cost));
    }
}
