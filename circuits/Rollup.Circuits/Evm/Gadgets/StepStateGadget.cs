using Rollup.Plonk.Circuit;

namespace Rollup.Circuits.Evm.Gadgets;

public enum StepStateOp { Pc, Msize, Gas }

/// <summary>PC, MSIZE and GAS (2 gas each): push a field of the step state as a new top. PC pushes the pc of the
/// instruction itself; MSIZE the memory size in bytes (the step state keeps it, a multiple of 32); GAS the gas left
/// after paying for GAS itself, gas − 2. Each value is a small number, so its high limb is zero. The stack must have
/// room for the push: 1023 − stack size ≥ 0.</summary>
public sealed class StepStateGadget(StepStateOp op) : IGadget
{
    private const int GasCost = 2;

    public ExecutionState State => op switch { StepStateOp.Pc => ExecutionState.Pc, StepStateOp.Msize => ExecutionState.Msize, _ => ExecutionState.Gas };
    public IReadOnlyList<byte> Opcodes => [op switch { StepStateOp.Pc => (byte)0x58, StepStateOp.Msize => (byte)0x59, _ => (byte)0x5a }];

    private SmallRange _roomLeft = null!;

    public void Configure(GadgetBuilder b)
    {
        b.Require($"opcode is {op.ToString().ToUpperInvariant()}", b.Cur(StepField.Opcode) - Opcodes[0]);
        var size = b.Cur(StepField.StackSize);
        _roomLeft = SmallRange.Declare(b, "1023 - stack size", 1023 - size);
        var pushed = b.StackAt(write: true, size);
        var value = op switch
        {
            StepStateOp.Pc => b.Cur(StepField.Pc),
            StepStateOp.Msize => b.Cur(StepField.MemorySize),
            _ => b.Cur(StepField.Gas) - GasCost,
        };
        b.Require($"pushes the {op.ToString().ToUpperInvariant()} value (lo)", pushed.ValueLo - value);
        b.Require($"pushes the {op.ToString().ToUpperInvariant()} value (hi is zero)", pushed.ValueHi);
        b.Transition(gasCost: Expression.Constant(GasCost), stackDelta: 1);
    }

    public void Assign(StepContext step) => _roomLeft.Assign(step, 1023 - step.Step!.StackPointer);
}
