using Rollup.Plonk.Circuit;

namespace Rollup.Circuits.Evm.Gadgets;

/// <summary>DUP1 … DUP16 (3 gas): reads the n-th item from the top, n = opcode − 0x7f, and writes a copy of it as the
/// new top. Stack bounds are proven, not assumed: the item exists (stack size − n ≥ 0) and the stack has room
/// (1023 − stack size ≥ 0); a step that would underflow or overflow is an error state, never a DUP.</summary>
public sealed class DupGadget : IGadget
{
    public ExecutionState State => ExecutionState.Dup;
    public IReadOnlyList<byte> Opcodes => Enumerable.Range(0x80, 16).Select(i => (byte)i).ToArray();

    private OpcodeRange _opcode = null!;
    private SmallRange _itemExists = null!, _roomLeft = null!;

    public void Configure(GadgetBuilder b)
    {
        _opcode = OpcodeRange.Declare(b, 0x80, 0x8f);
        var n = _opcode.Index + 1;
        var size = b.Cur(StepField.StackSize);
        _itemExists = SmallRange.Declare(b, "stack size - n", size - n);
        _roomLeft = SmallRange.Declare(b, "1023 - stack size", 1023 - size);

        var copied = b.StackAt(write: false, size - n);
        var top = b.StackAt(write: true, size);
        b.Require("the new top is the copied item (lo)", top.ValueLo - copied.ValueLo);
        b.Require("the new top is the copied item (hi)", top.ValueHi - copied.ValueHi);
        b.Transition(gasCost: Expression.Constant(3), stackDelta: 1);
    }

    public void Assign(StepContext step)
    {
        var s = step.Step!;
        _opcode.Assign(step);
        _itemExists.Assign(step, s.StackPointer - (s.Opcode - 0x7f));
        _roomLeft.Assign(step, 1023 - s.StackPointer);
    }
}
