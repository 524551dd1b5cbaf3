using Rollup.Circuits.Evm.Math;
using Rollup.Circuits.Tables;
using Rollup.Evm.Execution;
using Rollup.Evm.Instructions;
using Rollup.Evm.Tracing.Zk;
using Rollup.Plonk.Circuit;

namespace Rollup.Circuits.Evm.Gadgets;

/// <summary>Error state out of gas on SLOAD's cold access (EIP-2929): the EVM warms the slot, then finds the 2,100 gas
/// of a cold read more than it has (a warm read costs the static 100, so only a cold one fails here). The step reads
/// the contract's address from the call context, pops the key and shows the warm-up's previous value was 0 (cold; the
/// state circuit proves it is the access list's) and 2,100 − gas − 1 ≥ 0 (two bytes). The warm-up is reversible: the
/// call fails, and its undo block, which this step reserves, restores the slot to cold.</summary>
public sealed class ErrorOutOfGasSloadGadget : IErrorGadget
{
    public ExecutionState State => ExecutionState.ErrorOutOfGasSload;
    public IReadOnlyList<byte> Opcodes => [];
    public IReadOnlyList<byte> HaltingOpcodes => [0x54];
    public IReadOnlyList<CallContextField> ContextReads => [CallContextField.CalleeAddress];

    public bool Handles(ZkStep step) =>
        step.Halt == ExitReason.OutOfGas && step.Opcode == 0x54
        && step.GasLeft >= InstructionTable.For(OpcodeTable.Fork).Entries[0x54].StaticGas;

    private SmallRange _itemsExist = null!;
    private GasShortfall _shortfall = null!;

    public void Configure(GadgetBuilder b)
    {
        b.Require("opcode is SLOAD", b.Cur(StepField.Opcode) - 0x54);
        var address = StateAccess.AddressOf(StateAccess.ContextRead(b, "the contract", CallContextField.CalleeAddress));
        _itemsExist = SmallRange.Declare(b, "stack size - 1", b.Cur(StepField.StackSize) - 1);
        var key = b.StackPop(1);
        var warm = StateAccess.Slot(b, "warm the slot", true, RwTag.AccessListStorage, b.Cur(StepField.TxId), address, key.ValueLo);
        b.Reversible(warm);
        b.Require("warm the slot: key high", warm.KeyHi - key.ValueHi);
        b.Require("warm the slot: warm", warm.ValueLo - 1);
        b.Require("warm the slot: warm (hi)", warm.ValueHi);
        b.Require("the slot was cold", warm.PrevLo);
        b.Require("the slot was cold (hi)", warm.PrevHi);
        _shortfall = GasShortfall.Require(b, Expression.Constant(SloadGadget.ColdCost), bytes: 2);
        b.EndTransition(gasCost: b.Cur(StepField.Gas), reverts: true); // an exceptional halt consumes the call's gas and undoes its writes
    }

    public void Assign(StepContext step)
    {
        _itemsExist.Assign(step, step.Step!.StackPointer - 1);
        _shortfall.Assign(step, SloadGadget.ColdCost);
    }
}
