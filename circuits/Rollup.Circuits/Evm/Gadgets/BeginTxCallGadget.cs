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

/// <summary>The start of a transaction that calls code, accesses 17 to 32 after <see cref="BeginTxGadget"/>: the
/// coinbase is warmed (EIP-3651), the sender's nonce goes up by one, the value moves from the sender to the recipient
/// (no underflow, no overflow), the recipient's code hash is read (not the empty code's: this is a call to code) and
/// becomes the code id of the first instruction, and the root call's context is written (caller, callee, code address,
/// value, calldata length, not static, depth 0, not a create) under a fresh call id: the counter of its first context
/// write, which no other call can have. The first instruction then starts at pc 0 with an empty stack and memory and
/// gas limit − intrinsic gas (21,000 + the calldata's cost, which must not exceed the limit).
/// <para>With <c>toCode: false</c>, the same for a plain transfer (<see cref="ExecutionState.BeginTxTransfer"/>, 15
/// accesses): the recipient's code hash is the empty code's (or zero: no account), the context is written by the
/// processor all the same, no instruction runs, and the end of the transaction follows with all the gas left.</para></summary>
public sealed class BeginTxCallGadget(bool toCode = true) : IGadget
{
    public const long TxBaseGas = 21_000;

    public ExecutionState State => toCode ? ExecutionState.BeginTxCall : ExecutionState.BeginTxTransfer;
    public IReadOnlyList<byte> Opcodes => [];

    private TxLookup _caller = null!, _callee = null!, _value = null!, _nonce = null!, _isCreate = null!, _gasLimit = null!,
        _callDataLength = null!, _callDataCost = null!, _blockNumber = null!;
    private BlockLookup _coinbase = null!;
    private WordBytes _valueBytes = null!, _senderAfter = null!, _recipientAfter = null!;
    private CellRef _debitCarry = null!, _creditCarry = null!, _notEmptyInverse = null!, _noAccount = null!;
    private SmallNumber _gas = null!;
    private AddressWord _callerWord = null!, _calleeWord = null!;

    public void Configure(GadgetBuilder b)
    {
        var tx = b.Cur(StepField.TxId);
        b.Require("follows the start of the transaction", 1 - b.Config.Flag(ExecutionState.BeginTx, previous: true));
        foreach (var f in new[] { StepField.Pc, StepField.Gas, StepField.StackSize, StepField.CallId, StepField.MemorySize, StepField.Opcode, StepField.CodeId, StepField.ReversibleWrites, StepField.IsPersistent, StepField.EndOfReversion })
            b.Require($"step state: {f} is zero", b.Cur(f));

        var ctx = b.Context;
        _caller = ctx.Tx(b, "caller", tx, TxField.CallerAddress);
        _callee = ctx.Tx(b, "callee", tx, TxField.CalleeAddress);
        _value = ctx.Tx(b, "value", tx, TxField.Value);
        _nonce = ctx.Tx(b, "nonce", tx, TxField.Nonce);
        _isCreate = ctx.Tx(b, "is create", tx, TxField.IsCreate);
        _gasLimit = ctx.Tx(b, "gas limit", tx, TxField.GasLimit);
        _callDataLength = ctx.Tx(b, "calldata length", tx, TxField.CallDataLength);
        _callDataCost = ctx.Tx(b, "calldata gas", tx, TxField.CallDataGasCost);
        _blockNumber = ctx.Tx(b, "block number", tx, TxField.BlockNumber);
        _coinbase = ctx.Block(b, "coinbase", _blockNumber.Lo, BlockField.Coinbase);
        b.Require("a call, not a create", _isCreate.Lo);
        _valueBytes = b.Word("value");
        b.Require("value is a word (lo)", _value.Lo - _valueBytes.Lo);
        b.Require("value is a word (hi)", _value.Hi - _valueBytes.Hi);

        StateAccess.WarmAccount(b, "warm coinbase", tx, _coinbase.Lo);
        var nonce = StateAccess.Account(b, "nonce bump", true, _caller.Lo, AccountField.Nonce);
        b.Require("the nonce was the transaction's", nonce.PrevLo - _nonce.Lo);
        b.Require("the nonce was the transaction's (hi)", nonce.PrevHi);
        b.Require("the nonce goes up by one", nonce.ValueLo - _nonce.Lo - 1);
        b.Require("the nonce goes up by one (hi)", nonce.ValueHi);

        StateAccess.Account(b, "sender balance", false, _caller.Lo, AccountField.Balance);
        StateAccess.Account(b, "recipient exists", false, _callee.Lo, AccountField.CodeHash);
        var debit = StateAccess.Account(b, "value debit", true, _caller.Lo, AccountField.Balance);
        _senderAfter = b.Word("sender balance after");
        b.Require("debit writes the new balance (lo)", debit.ValueLo - _senderAfter.Lo);
        b.Require("debit writes the new balance (hi)", debit.ValueHi - _senderAfter.Hi);
        _debitCarry = WordAddition.Require(b, "value debit", _senderAfter, _valueBytes, new Limbs(debit.PrevLo, debit.PrevHi));
        var credit = StateAccess.Account(b, "value credit", true, _callee.Lo, AccountField.Balance);
        _recipientAfter = b.Word("recipient balance after");
        b.Require("credit writes the new balance (lo)", credit.ValueLo - _recipientAfter.Lo);
        b.Require("credit writes the new balance (hi)", credit.ValueHi - _recipientAfter.Hi);
        _creditCarry = WordAddition.Require(b, "value credit", new Limbs(credit.PrevLo, credit.PrevHi), _valueBytes, _recipientAfter);
        if (toCode)
        {
            // The root call's frame starts at the value transfer: if the call fails, the log undoes these two writes.
            b.Reversible(debit, ofNextStep: true);
            b.Reversible(credit, ofNextStep: true);
        }

        var code = StateAccess.Account(b, "recipient code", false, _callee.Lo, AccountField.CodeHash);
        var empty = EvmWord.FromHash(AccountData.EmptyCodeHash);
        RwSlot? codeHash = null;
        if (toCode)
        {
            codeHash = StateAccess.Account(b, "recipient code hash", false, _callee.Lo, AccountField.CodeHash);
            _notEmptyInverse = b.Cell("1 / (code hash lo − empty code hash lo)");
            b.Require("the recipient has code", (codeHash.ValueLo - Expression.Constant(Words.Lo(empty))) * _notEmptyInverse - 1);
        }
        else
        {
            _noAccount = b.Cell("the recipient has no code hash");
            b.Require("no-code-hash flag is a bit", _noAccount * (1 - (Expression)_noAccount));
            b.Require("no code hash: zero (lo)", _noAccount * code.ValueLo);
            b.Require("no code hash: zero (hi)", _noAccount * code.ValueHi);
            b.Require("the recipient has no code (lo)", (1 - (Expression)_noAccount) * (code.ValueLo - Expression.Constant(Words.Lo(empty))));
            b.Require("the recipient has no code (hi)", (1 - (Expression)_noAccount) * (code.ValueHi - Expression.Constant(Words.Hi(empty))));
        }

        var callId = b.Cur(StepField.RwCounter) + (toCode ? 8 : 7);
        // Addresses are words in the context (CALLER, ADDRESS push them): split canonically into limbs.
        _callerWord = AddressWord.Require(b, "caller as a word", _caller.Lo);
        _calleeWord = AddressWord.Require(b, "callee as a word", _callee.Lo);
        StateAccess.CallContext(b, "context: caller", callId, CallContextField.CallerAddress, _callerWord.Limbs);
        StateAccess.CallContext(b, "context: callee", callId, CallContextField.CalleeAddress, _calleeWord.Limbs);
        StateAccess.CallContext(b, "context: code address", callId, CallContextField.CodeAddress, _calleeWord.Limbs);
        StateAccess.CallContext(b, "context: value", callId, CallContextField.Value, _valueBytes);
        StateAccess.CallContext(b, "context: calldata length", callId, CallContextField.CallDataLength, Limbs.Small(_callDataLength.Lo));
        StateAccess.CallContext(b, "context: not static", callId, CallContextField.IsStatic, Limbs.Small(Expression.Constant(0)));
        StateAccess.CallContext(b, "context: depth 0", callId, CallContextField.Depth, Limbs.Small(Expression.Constant(0)));
        StateAccess.CallContext(b, "context: not a create", callId, CallContextField.IsCreate, Limbs.Small(Expression.Constant(0)));

        // The first instruction's state. Its gas must be non-negative: the limit covers the intrinsic gas.
        var gas = _gasLimit.Lo.Expr - TxBaseGas - _callDataCost.Lo;
        _gas = SmallNumber.Require(b, "gas after intrinsic", gas);
        b.OwnTransition();
        b.Require("next: the root call", b.Next(StepField.CallId) - callId);
        b.Require("next: same transaction", b.Next(StepField.TxId) - tx);
        b.Require("next: gas limit − intrinsic gas", b.Next(StepField.Gas) - gas);
        if (!toCode)
        {
            // No code runs: the transaction ends at once (EndTx pins the rest of its step state).
            b.Require("next: the end of the transaction", 1 - b.Config.Flag(ExecutionState.EndTx, next: true));
            return;
        }
        b.Require("next: pc 0", b.Next(StepField.Pc));
        b.Require("next: the value transfer's two reversible writes", b.Next(StepField.ReversibleWrites) - 2);
        b.Require("next: persistence is a claim of 0 or 1", b.Next(StepField.IsPersistent) * (1 - b.Next(StepField.IsPersistent)));
        b.Require("next: empty stack", b.Next(StepField.StackSize));
        b.Require("next: empty memory", b.Next(StepField.MemorySize));
        b.Require("next: the recipient's code", b.Next(StepField.CodeId) - (codeHash!.ValueLo + codeHash.ValueHi * Expression.Constant(WordAddition.TwoTo128)));
    }

    public void Assign(StepContext step)
    {
        var tx = step.Tx!;
        step.Set(_caller, tx, TxField.CallerAddress);
        step.Set(_callee, tx, TxField.CalleeAddress);
        step.Set(_value, tx, TxField.Value);
        step.Set(_nonce, tx, TxField.Nonce);
        step.Set(_isCreate, tx, TxField.IsCreate);
        step.Set(_gasLimit, tx, TxField.GasLimit);
        step.Set(_callDataLength, tx, TxField.CallDataLength);
        step.Set(_callDataCost, tx, TxField.CallDataGasCost);
        step.Set(_blockNumber, tx, TxField.BlockNumber);
        step.Set(_coinbase, step.Block!, BlockField.Coinbase);
        step.Set(_valueBytes, tx.Value);
        var senderAfter = step.Rw[4].Value;
        step.Set(_senderAfter, senderAfter);
        step.Set(_debitCarry, WordAddition.Carry(senderAfter, tx.Value));
        step.Set(_recipientAfter, step.Rw[5].Value);
        step.Set(_creditCarry, WordAddition.Carry(step.Rw[5].Previous, tx.Value));
        var empty = EvmWord.FromHash(AccountData.EmptyCodeHash);
        if (toCode) step.Set(_notEmptyInverse, (Words.Lo(step.Rw[7].Value) - Words.Lo(empty)).Inverse());
        else step.Set(_noAccount, step.Rw[6].Value.IsZero ? 1UL : 0UL);
        _gas.Assign(step, tx.GasLimit - 21_000 - tx.CallDataGasCost);
        _callerWord.Assign(step, tx.Caller);
        _calleeWord.Assign(step, tx.Callee!.Value);
    }
}
