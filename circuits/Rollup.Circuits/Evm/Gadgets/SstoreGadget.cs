using Rollup.Circuits.Evm.Math;
using Rollup.Core.Numerics;
using Rollup.Evm.Tracing.Zk;
using Rollup.Plonk.Circuit;

namespace Rollup.Circuits.Evm.Gadgets;

/// <summary>SSTORE (Cancun rules): pops a key and a value and writes the value to that slot of the running contract,
/// never in a static call and only with more than the 2,300-gas stipend left (EIP-2200). Gas and refund follow
/// EIP-2200 net metering with EIP-2929 prices and EIP-3529's clearing refund, from three values: the slot's
/// <i>original</i> value (when the transaction began: the RW table's committed value, which the state circuit proves),
/// its <i>current</i> value (the read) and the <i>new</i> one.
/// <list type="bullet">
/// <item>gas: 2,100 more if the slot was cold (it is warmed); then 100 if current = new; else if original = current
///   ("first change in the transaction") 20,000 if original is 0, else 2,900; else 100.</item>
/// <item>refund, net (the EVM applies it once, after the write): first change of a non-zero original to 0: +4,800;
///   a slot already changed in this transaction: −4,800 if original ≠ 0 and current = 0, +4,800 if original ≠ 0 and
///   new = 0; and +19,900 (original 0) or +2,800 when new = original (the slot is restored).</item>
/// </list>
/// Accesses: the contract and static flag from the call context, key and value pops, the warm-up (reversible), the
/// read of the current value, the write (reversible), and, when the net refund is not zero, the refund counter's write
/// (reversible, optional, last).</summary>
public sealed class SstoreGadget : IGadget
{
    public const long Sentry = 2_300, ColdCost = 2_100, WarmCost = 100;
    public const long SetCost = 20_000, ResetCost = 2_900, ClearRefund = 4_800;

    public ExecutionState State => ExecutionState.Sstore;
    public IReadOnlyList<byte> Opcodes => [0x55];

    private SmallNumber _aboveSentry = null!;
    private WordEquality _currentIsNew = null!, _originalIsCurrent = null!, _originalIsNew = null!, _originalZero = null!, _newZero = null!, _currentZero = null!;
    private CellRef _firstChange = null!, _dirty = null!, _firstClear = null!, _dirtyNonZeroOriginal = null!, _restored = null!, _delta = null!;
    private ComparisonZeroTest _deltaZero = null!;

    public void Configure(GadgetBuilder b)
    {
        b.Require("opcode is SSTORE", b.Cur(StepField.Opcode) - 0x55);
        var address = StateAccess.AddressOf(StateAccess.ContextRead(b, "the contract", CallContextField.CalleeAddress));
        var isStatic = StateAccess.ContextRead(b, "static call", CallContextField.IsStatic);
        b.Require("not in a static call", isStatic.ValueLo);
        _aboveSentry = SmallNumber.Require(b, "gas left − 2,301", b.Cur(StepField.Gas) - (Sentry + 1));

        var key = b.StackPop(1);
        var value = b.StackPop(2);
        var tx = b.Cur(StepField.TxId);
        var warm = StateAccess.Slot(b, "warm the slot", true, RwTag.AccessListStorage, tx, address, key.ValueLo);
        b.Reversible(warm);
        b.Require("warm the slot: key high", warm.KeyHi - key.ValueHi);
        b.Require("warm the slot: warm", warm.ValueLo - 1);
        b.Require("warm the slot: warm (hi)", warm.ValueHi);
        b.Require("was warm is a bit", warm.PrevLo * (1 - warm.PrevLo));
        b.Require("was warm (hi)", warm.PrevHi);
        var read = StateAccess.Slot(b, "current value", false, RwTag.Storage, Expression.Constant(0), address, key.ValueLo);
        b.Require("current value: key high", read.KeyHi - key.ValueHi);
        var write = StateAccess.Slot(b, "storage write", true, RwTag.Storage, Expression.Constant(0), address, key.ValueLo);
        b.Reversible(write);
        b.Require("storage write: key high", write.KeyHi - key.ValueHi);
        b.Require("writes the popped value (lo)", write.ValueLo - value.ValueLo);
        b.Require("writes the popped value (hi)", write.ValueHi - value.ValueHi);

        Limbs current = new(read.ValueLo, read.ValueHi), original = new(read.CommittedLo, read.CommittedHi), next = new(value.ValueLo, value.ValueHi);
        _currentIsNew = new WordEquality(b, "current = new", current, next);
        _originalIsCurrent = new WordEquality(b, "original = current", original, current);
        _originalIsNew = new WordEquality(b, "original = new", original, next);
        _originalZero = WordEquality.IsZero(b, "original is zero", original);
        _newZero = WordEquality.IsZero(b, "new is zero", next);
        _currentZero = WordEquality.IsZero(b, "current is zero", current);
        Expression changes = 1 - _currentIsNew.Equal.Expr, originalZero = _originalZero.Equal;

        _firstChange = b.Cell("first change in the transaction");
        b.Require("first change = changes · (original = current)", _firstChange - changes * _originalIsCurrent.Equal);
        _dirty = b.Cell("changes a slot already changed");
        b.Require("dirty = changes · (original ≠ current)", _dirty - changes * (1 - _originalIsCurrent.Equal.Expr));
        var cost = Expression.Constant(WarmCost) + _firstChange.Expr * (Expression.Constant(ResetCost - WarmCost) + (SetCost - ResetCost) * originalZero);

        _firstClear = b.Cell("first change clears the slot");
        b.Require("first clear = first change · new is zero", _firstClear - _firstChange.Expr * _newZero.Equal);
        _dirtyNonZeroOriginal = b.Cell("dirty with a non-zero original");
        b.Require("dirty non-zero original = dirty · (original ≠ 0)", _dirtyNonZeroOriginal - _dirty * (1 - originalZero));
        _restored = b.Cell("restores the original");
        b.Require("restored = dirty · (original = new)", _restored - _dirty.Expr * _originalIsNew.Equal);
        _delta = b.Cell("net refund change");
        b.Require("net refund change", _delta - (
            _firstClear.Expr * (1 - originalZero) * ClearRefund
            + _dirtyNonZeroOriginal.Expr * (_newZero.Equal - _currentZero.Equal.Expr) * ClearRefund
            + _restored.Expr * (Expression.Constant(ResetCost - WarmCost) + (SetCost - ResetCost) * originalZero)));

        // The refund counter is written only when it changes.
        _deltaZero = new ComparisonZeroTest(b, "net refund change", _delta);
        var refunds = 1 - _deltaZero.IsZero.Expr;
        var refund = b.SlotIf(refunds);
        b.Require("refund write: is a write", refunds * (refund.IsWrite - 1));
        b.Require("refund write: tag", refunds * (refund.Tag - RwSlot.TagValue(RwTag.TxRefund)));
        b.Require("refund write: id", refunds * (refund.Id - tx));
        b.Require("refund write: address", refund.Address);
        b.Require("refund write: key", refund.KeyLo);
        b.Require("refund write: key high", refund.KeyHi);
        b.Require("refund write: adds the net change", refunds * (refund.ValueLo - refund.PrevLo - _delta));
        b.Require("refund write: high limb", refund.ValueHi);
        b.Require("refund write: previous high limb", refund.PrevHi);
        b.Reversible(refund, when: refunds);

        b.Transition(gasCost: ColdCost * (1 - warm.PrevLo) + cost, stackDelta: -2);
    }

    public void Assign(StepContext step)
    {
        _aboveSentry.Assign(step, (ulong)(step.Step!.GasLeft - (Sentry + 1)));
        var read = step.Rw[5];
        UInt256 current = read.Value, original = read.Committed, next = step.Rw[3].Value;
        _currentIsNew.Assign(step, current, next);
        _originalIsCurrent.Assign(step, original, current);
        _originalIsNew.Assign(step, original, next);
        _originalZero.AssignIsZero(step, original);
        _newZero.AssignIsZero(step, next);
        _currentZero.AssignIsZero(step, current);
        bool changes = current != next, first = changes && original == current, dirty = changes && original != current;
        step.Set(_firstChange, first ? 1UL : 0UL);
        step.Set(_dirty, dirty ? 1UL : 0UL);
        step.Set(_firstClear, first && next.IsZero ? 1UL : 0UL);
        step.Set(_dirtyNonZeroOriginal, dirty && !original.IsZero ? 1UL : 0UL);
        step.Set(_restored, dirty && original == next ? 1UL : 0UL);
        long delta = NetRefund(original, current, next);
        var d = delta >= 0 ? Rollup.Crypto.Bn254.Fields.Fr.FromUInt64((ulong)delta) : -Rollup.Crypto.Bn254.Fields.Fr.FromUInt64((ulong)-delta);
        step.Set(_delta, d);
        _deltaZero.Assign(step, d);
    }

    /// <summary>The net refund change (Cancun), as the gadget's constraints state it.</summary>
    private static long NetRefund(in UInt256 original, in UInt256 current, in UInt256 next)
    {
        if (current == next) return 0;
        if (original == current) return !original.IsZero && next.IsZero ? ClearRefund : 0;
        long delta = 0;
        if (!original.IsZero) delta += next.IsZero ? ClearRefund : current.IsZero ? -ClearRefund : 0;
        if (original == next) delta += original.IsZero ? SetCost - WarmCost : ResetCost - WarmCost;
        return delta;
    }
}
