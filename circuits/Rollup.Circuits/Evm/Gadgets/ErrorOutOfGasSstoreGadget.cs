using Rollup.Circuits.Evm.Math;
using Rollup.Core.Numerics;
using Rollup.Evm.Execution;
using Rollup.Evm.Tracing.Zk;
using Rollup.Plonk.Circuit;

namespace Rollup.Circuits.Evm.Gadgets;

/// <summary>Error state out of gas on SSTORE (it has no static cost: all of it is dynamic), in either of two ways:
/// <list type="bullet">
/// <item><b>the stipend rule</b> (EIP-2200): with 2,300 gas or less left, SSTORE fails before it looks at the slot,
///   whatever it would cost — proven as 2,300 − gas ≥ 0;</item>
/// <item><b>the cost</b>: with more left, the EVM warms the slot and reads its current value, then finds the cost
///   (<see cref="SstoreGadget"/>'s: 2,100 more if the slot was cold, then 100, 2,900 or 20,000 by the original, current
///   and new values) above the gas left — proven as cost − gas − 1 ≥ 0.</item>
/// </list>
/// A bit picks the case, and 8 bytes hold stipend ? 2,300 − gas : gas − 2,301, so it is the true one. The step reads
/// the contract and the static flag (it must be 0: in a static call SSTORE fails for that first) from the call context
/// and pops key and value; in the cost case the warm-up (reversible: the failed call's undo block, which this step
/// reserves, turns it back) and the read of the current value follow, on optional slots, as the trace logs them.</summary>
public sealed class ErrorOutOfGasSstoreGadget : IErrorGadget
{
    public ExecutionState State => ExecutionState.ErrorOutOfGasSstore;
    public IReadOnlyList<byte> Opcodes => [];
    public IReadOnlyList<byte> HaltingOpcodes => [0x55];
    public IReadOnlyList<CallContextField> ContextReads => [CallContextField.CalleeAddress, CallContextField.IsStatic];

    public bool Handles(ZkStep step) => step.Halt == ExitReason.OutOfGas && step.Opcode == 0x55;

    private SmallRange _itemsExist = null!;
    private CellRef _stipend = null!, _firstChange = null!, _cost = null!;
    private SmallNumber _side = null!;
    private WordEquality _currentIsNew = null!, _originalIsCurrent = null!, _originalZero = null!;
    private GasShortfall _shortfall = null!;

    public void Configure(GadgetBuilder b)
    {
        b.Require("opcode is SSTORE", b.Cur(StepField.Opcode) - 0x55);
        var address = StateAccess.AddressOf(StateAccess.ContextRead(b, "the contract", CallContextField.CalleeAddress));
        var isStatic = StateAccess.ContextRead(b, "static call", CallContextField.IsStatic);
        b.Require("not in a static call", isStatic.ValueLo);
        _itemsExist = SmallRange.Declare(b, "stack size - 2", b.Cur(StepField.StackSize) - 2);
        var key = b.StackPop(1);
        var value = b.StackPop(2);

        // Which case: the stipend bit, proven by the side of 2,300 the gas left is on.
        var gas = b.Cur(StepField.Gas);
        _stipend = b.Cell("gas left is within the stipend");
        Expression stipend = _stipend, costCase = 1 - stipend;
        b.Require("the stipend bit is a bit", stipend * costCase);
        _side = SmallNumber.Require(b, "stipend ? 2,300 − gas : gas − 2,301",
            stipend * (SstoreGadget.Sentry - gas) + costCase * (gas - (SstoreGadget.Sentry + 1)));

        // The cost case: the warm-up and the current value, as SSTORE would have them.
        var tx = b.Cur(StepField.TxId);
        var warm = b.SlotIf(costCase);
        StateWhen(b, warm, costCase, "warm the slot", write: true, RwTag.AccessListStorage, tx, address, key);
        b.Require("warm the slot: warm", costCase * (warm.ValueLo - 1));
        b.Require("warm the slot: warm (hi)", warm.ValueHi);
        b.Require("was warm is a bit", warm.PrevLo * (1 - warm.PrevLo));
        b.Require("was warm (hi)", warm.PrevHi);
        var read = b.SlotIf(costCase);
        StateWhen(b, read, costCase, "current value", write: false, RwTag.Storage, Expression.Constant(0), address, key);
        b.Reversible(warm, when: costCase);

        Limbs current = new(read.ValueLo, read.ValueHi), original = new(read.CommittedLo, read.CommittedHi), next = new(value.ValueLo, value.ValueHi);
        _currentIsNew = new WordEquality(b, "current = new", current, next);
        _originalIsCurrent = new WordEquality(b, "original = current", original, current);
        _originalZero = WordEquality.IsZero(b, "original is zero", original);
        _firstChange = b.Cell("first change in the transaction");
        b.Require("first change = changes · (original = current)", _firstChange - (1 - _currentIsNew.Equal.Expr) * _originalIsCurrent.Equal);
        _cost = b.Cell("the cost");
        b.Require("cost = cold surcharge + 100, 2,900 or 20,000", _cost - (SstoreGadget.ColdCost * (1 - warm.PrevLo) + SstoreGadget.WarmCost
            + _firstChange.Expr * (Expression.Constant(SstoreGadget.ResetCost - SstoreGadget.WarmCost) + (SstoreGadget.SetCost - SstoreGadget.ResetCost) * _originalZero.Equal.Expr)));
        _shortfall = GasShortfall.Require(b, _cost, bytes: 2, when: costCase);
        b.EndTransition(gasCost: gas, reverts: true); // an exceptional halt consumes the call's gas and undoes its writes
    }

    /// <summary>A storage-side access (access list or storage) on an optional slot, stated when <paramref name="when"/>.</summary>
    private static void StateWhen(GadgetBuilder b, RwSlot slot, Expression when, string name, bool write, RwTag tag, Expression id, Expression address, RwSlot key)
    {
        b.Require($"{name}: is a {(write ? "write" : "read")}", when * (slot.IsWrite - (write ? 1 : 0)));
        b.Require($"{name}: tag", when * (slot.Tag - RwSlot.TagValue(tag)));
        b.Require($"{name}: id", when * (slot.Id - id));
        b.Require($"{name}: address", when * (slot.Address - address));
        b.Require($"{name}: key", when * (slot.KeyLo - key.ValueLo));
        b.Require($"{name}: key high", when * (slot.KeyHi - key.ValueHi));
        if (!write)
        {
            b.Require($"{name}: read keeps the value (lo)", when * (slot.PrevLo - slot.ValueLo));
            b.Require($"{name}: read keeps the value (hi)", when * (slot.PrevHi - slot.ValueHi));
        }
    }

    public void Assign(StepContext step)
    {
        var s = step.Step!;
        _itemsExist.Assign(step, s.StackPointer - 2);
        bool stipend = s.GasLeft <= SstoreGadget.Sentry;
        step.Set(_stipend, stipend ? 1UL : 0UL);
        _side.Assign(step, (ulong)(stipend ? SstoreGadget.Sentry - s.GasLeft : s.GasLeft - (SstoreGadget.Sentry + 1)));

        // Slots: contract, static flag, key, value, then (cost case) the warm-up and the current value.
        var next = step.Rw[3].Value;
        var (wasWarm, current, original) = stipend ? (false, UInt256.Zero, UInt256.Zero) : (!step.Rw[4].Previous.IsZero, step.Rw[5].Value, step.Rw[5].Committed);
        _currentIsNew.Assign(step, current, next);
        _originalIsCurrent.Assign(step, original, current);
        _originalZero.AssignIsZero(step, original);
        bool first = current != next && original == current;
        step.Set(_firstChange, first ? 1UL : 0UL);
        long cost = (wasWarm ? 0 : SstoreGadget.ColdCost) + (first ? (original.IsZero ? SstoreGadget.SetCost : SstoreGadget.ResetCost) : SstoreGadget.WarmCost);
        step.Set(_cost, (ulong)cost);
        _shortfall.Assign(step, cost, on: !stipend);
    }
}
