using Rollup.Plonk.Circuit;

namespace Rollup.Circuits.Evm.Gadgets;

/// <summary>SWAP1 … SWAP16 (3 gas): exchanges the top with the item n below it, n = opcode − 0x8f. Reads the top (slot
/// size − 1) and the deep item (slot size − 1 − n), then writes each one's value to the other's slot; the state circuit
/// chains each write's previous value to the read before it. The deep item must exist: size − 1 − n ≥ 0.</summary>
public sealed class SwapGadget : IGadget
{
    public ExecutionState State => ExecutionState.Swap;
    public IReadOnlyList<byte> Opcodes => Enumerable.Range(0x90, 16).Select(i => (byte)i).ToArray();

    private OpcodeRange _opcode = null!;
    private SmallRange _deepExists = null!;

    public void Configure(GadgetBuilder b)
    {
        _opcode = OpcodeRange.Declare(b, 0x90, 0x9f);
        var n = _opcode.Index + 1;
        var size = b.Cur(StepField.StackSize);
        var deepSlot = size - 1 - n;
        _deepExists = SmallRange.Declare(b, "stack size - 1 - n", deepSlot);

        var top = b.StackAt(write: false, size - 1);
        var deep = b.StackAt(write: false, deepSlot);
        var newTop = b.StackAt(write: true, size - 1);
        var newDeep = b.StackAt(write: true, deepSlot);
        b.Require("the top takes the deep item (lo)", newTop.ValueLo - deep.ValueLo);
        b.Require("the top takes the deep item (hi)", newTop.ValueHi - deep.ValueHi);
        b.Require("the deep slot takes the top (lo)", newDeep.ValueLo - top.ValueLo);
        b.Require("the deep slot takes the top (hi)", newDeep.ValueHi - top.ValueHi);
        b.Transition(gasCost: Expression.Constant(3), stackDelta: 0);
    }

    public void Assign(StepContext step)
    {
        var s = step.Step!;
        _opcode.Assign(step);
        _deepExists.Assign(step, s.StackPointer - 1 - (s.Opcode - 0x8f));
    }
}
