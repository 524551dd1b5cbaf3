using Rollup.Evm.Tracing.Zk;
using Rollup.Plonk.Circuit;

namespace Rollup.Circuits.Evm.Gadgets;

/// <summary>MLOAD (3 gas + memory expansion): pops an offset o = 32·w + s and pushes the 32 bytes at o. The log holds
/// memory as words (key = word index): an aligned load (s = 0) reads word w; an unaligned one reads words w and w + 1
/// and takes bytes s … s + 31 of their 64 bytes. So the step has 3 or 4 accesses: the offset, word w, then either the
/// result (aligned) or word w + 1 followed by the result (unaligned; the fourth slot is on only then).
/// <para>Result byte i (memory order) = Σ_k sel_k · C[k + i] over the 64 bytes C = A ‖ B of the two words: degree 2,
/// and a byte because exactly one selector is 1. When aligned, B is zero (its limbs are, so its bytes are) and no cell
/// is free. Memory grows to max(cur, w + 1 + unaligned) words.</para></summary>
public sealed class MloadGadget : IGadget
{
    public ExecutionState State => ExecutionState.Mload;
    public IReadOnlyList<byte> Opcodes => [0x51];

    private MemoryOffset _offset = null!;
    private SmallRange _itemsExist = null!;
    private MemoryExpansion _expansion = null!;
    private WordBytes _first = null!, _second = null!;

    public void Configure(GadgetBuilder b)
    {
        b.Require("opcode is MLOAD", b.Cur(StepField.Opcode) - 0x51);
        var size = b.Cur(StepField.StackSize);
        _itemsExist = SmallRange.Declare(b, "stack size - 1", size - 1);
        var offsetSlot = b.StackPop(1);
        _offset = MemoryOffset.Declare(b, offsetSlot);
        var aligned = _offset.Aligned;
        var unaligned = 1 - aligned;

        var firstSlot = b.MemoryWordAt(write: false, _offset.Word);
        var thirdSlot = b.Slot();
        StackAccess.AccessWhen(b, thirdSlot, aligned, "the result (aligned)", write: true, RwTag.Stack, size - 1);
        StackAccess.AccessWhen(b, thirdSlot, unaligned, "word w + 1 (unaligned)", write: false, RwTag.Memory, _offset.Word + 1);
        var fourthSlot = b.SlotIf(unaligned);
        StackAccess.AccessWhen(b, fourthSlot, unaligned, "the result (unaligned)", write: true, RwTag.Stack, size - 1);

        _first = b.Word("word w");
        _second = b.Word("word w + 1");
        b.Require("word w is what memory holds (lo)", firstSlot.ValueLo - _first.Lo);
        b.Require("word w is what memory holds (hi)", firstSlot.ValueHi - _first.Hi);
        b.Require("word w + 1 is what memory holds (lo)", unaligned * (thirdSlot.ValueLo - _second.Lo));
        b.Require("word w + 1 is what memory holds (hi)", unaligned * (thirdSlot.ValueHi - _second.Hi));
        b.Require("word w + 1 is zero when aligned (lo)", aligned * _second.Lo);
        b.Require("word w + 1 is zero when aligned (hi)", aligned * _second.Hi);

        var bytes = new Expression[64];
        for (int j = 0; j < 32; j++) (bytes[j], bytes[32 + j]) = (MemoryOffset.MemoryByte(_first, j), MemoryOffset.MemoryByte(_second, j));
        var result = new Expression[32];
        for (int i = 0; i < 32; i++)
        {
            Expression r = Expression.Constant(0);
            for (int k = 0; k < 32; k++) r += _offset.Selectors[k] * bytes[k + i];
            result[i] = r;
        }
        var (lo, hi) = MemoryOffset.Limbs(result);
        // The pushed value sits in slot 3 when aligned, slot 4 when not (a disabled slot 4 holds zeros).
        b.Require("pushes the 32 bytes at the offset (lo)", aligned * thirdSlot.ValueLo + fourthSlot.ValueLo - lo);
        b.Require("pushes the 32 bytes at the offset (hi)", aligned * thirdSlot.ValueHi + fourthSlot.ValueHi - hi);

        _expansion = MemoryExpansion.Declare(b, _offset.Word + 1 + unaligned);
        b.Transition(gasCost: _expansion.Gas + 3, stackDelta: 0, nextMemorySize: _expansion.NewSize);
    }

    public void Assign(StepContext step)
    {
        var offset = step.Rw[0].Value;
        _itemsExist.Assign(step, step.Step!.StackPointer - 1);
        _offset.Assign(step, offset);
        bool aligned = offset.U0 % 32 == 0;
        step.Set(_first, step.Rw[1].Value);
        step.Set(_second, aligned ? default : step.Rw[2].Value);
        _expansion.Assign(step, offset.U0 / 32 + (aligned ? 1UL : 2UL));
    }
}
