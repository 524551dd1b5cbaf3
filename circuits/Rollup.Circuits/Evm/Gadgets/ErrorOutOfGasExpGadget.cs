using Rollup.Circuits.Evm.Math;
using Rollup.Evm.Execution;
using Rollup.Evm.Tracing.Zk;

namespace Rollup.Circuits.Evm.Gadgets;

/// <summary>Error state out of gas on EXP's dynamic cost: 10 gas static, then 50 per byte of the exponent, more than the
/// gas left. The step pops base and exponent (the trace logs both inputs), measures the exponent's byte length as EXP
/// does (<see cref="ByteLength"/>) and proves 10 + 50·length − gas − 1 ≥ 0 (two bytes: the cost is at most 1,610).</summary>
public sealed class ErrorOutOfGasExpGadget : IErrorGadget
{
    public ExecutionState State => ExecutionState.ErrorOutOfGasExp;
    public IReadOnlyList<byte> Opcodes => [];
    public IReadOnlyList<byte> HaltingOpcodes => [0x0a];

    public bool Handles(ZkStep step) => step.Halt == ExitReason.OutOfGas && step.Opcode == 0x0a && step.GasLeft >= ExpGadget.BaseCost;

    private SmallRange _itemsExist = null!;
    private ByteLength _exponent = null!;
    private GasShortfall _shortfall = null!;

    public void Configure(GadgetBuilder b)
    {
        b.Require("opcode is EXP", b.Cur(StepField.Opcode) - 0x0a);
        _itemsExist = SmallRange.Declare(b, "stack size - 2", b.Cur(StepField.StackSize) - 2);
        b.StackPop(1); // the base: read, as the EVM pops it, but it does not change the cost
        var exponent = b.StackPop(2);
        _exponent = ByteLength.Declare(b, "exponent", new Limbs(exponent.ValueLo, exponent.ValueHi));
        _shortfall = GasShortfall.Require(b, Rollup.Plonk.Circuit.Expression.Constant(ExpGadget.BaseCost) + ExpGadget.ByteCost * _exponent.Length, bytes: 2);
        b.EndTransition(gasCost: b.Cur(StepField.Gas), reverts: true); // an exceptional halt consumes the call's gas and undoes its writes
    }

    public void Assign(StepContext step)
    {
        _itemsExist.Assign(step, step.Step!.StackPointer - 2);
        var exponent = step.Rw[1].Value;
        _exponent.Assign(step, exponent);
        _shortfall.Assign(step, ExpGadget.BaseCost + ExpGadget.ByteCost * ByteLength.Of(exponent));
    }
}
