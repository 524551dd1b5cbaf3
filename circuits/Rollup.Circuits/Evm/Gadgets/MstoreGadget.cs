using Rollup.Plonk.Circuit;

namespace Rollup.Circuits.Evm.Gadgets;

/// <summary>MSTORE (3 gas + memory expansion): pops an offset o = 32·w + s and a value v, and writes v's 32 bytes
/// (big-endian) at o. In the word-granular log that is a write of word w and, when unaligned, of word w + 1 (the fourth
/// slot is on only then), each whole with its previous value (A, B).
/// <para>With sel_k the one-hot shift, the new bytes (memory order, degree 2 each):
/// A'[j] = Σ_{k&gt;j} sel_k·A[j] + Σ_{k≤j} sel_k·v[j − k] (bytes before o keep A, the rest take v from its start);
/// B'[j] = Σ_{k&gt;j} sel_k·v[32 + j − k] + Σ_{k≤j} sel_k·B[j] (v's tail, then B's own bytes). When aligned, B is zero
/// and so is B' = sel_0·B, matching the disabled fourth slot's zeros. The previous values are pinned to A and B (the
/// state circuit then proves them the memory's), and v's bytes to the popped value.</para></summary>
public sealed class MstoreGadget : IGadget
{
    public ExecutionState State => ExecutionState.Mstore;
    public IReadOnlyList<byte> Opcodes => [0x52];

    private MemoryOffset _offset = null!;
    private SmallRange _itemsExist = null!;
    private MemoryExpansion _expansion = null!;
    private WordBytes _value = null!, _first = null!, _second = null!;

    public void Configure(GadgetBuilder b)
    {
        b.Require("opcode is MSTORE", b.Cur(StepField.Opcode) - 0x52);
        var offsetSlot = b.StackPop(1);
        var valueSlot = b.StackPop(2);
        _itemsExist = SmallRange.Declare(b, "stack size - 2", b.Cur(StepField.StackSize) - 2);
        _offset = MemoryOffset.Declare(b, offsetSlot);
        var aligned = _offset.Aligned;
        var firstSlot = b.MemoryWordAt(write: true, _offset.Word);
        var secondSlot = b.SlotIf(1 - aligned);
        StackAccess.AccessWhen(b, secondSlot, 1 - aligned, "word w + 1 (unaligned)", write: true, Rollup.Evm.Tracing.Zk.RwTag.Memory, _offset.Word + 1);

        _value = b.Word("value");
        _first = b.Word("word w before");
        _second = b.Word("word w + 1 before");
        b.Require("the value's bytes are the popped value (lo)", valueSlot.ValueLo - _value.Lo);
        b.Require("the value's bytes are the popped value (hi)", valueSlot.ValueHi - _value.Hi);
        b.Require("word w's previous value (lo)", firstSlot.PrevLo - _first.Lo);
        b.Require("word w's previous value (hi)", firstSlot.PrevHi - _first.Hi);
        b.Require("word w + 1's previous value (lo)", secondSlot.PrevLo - _second.Lo);
        b.Require("word w + 1's previous value (hi)", secondSlot.PrevHi - _second.Hi);
        b.Require("word w + 1 is zero when aligned (lo)", aligned * _second.Lo);
        b.Require("word w + 1 is zero when aligned (hi)", aligned * _second.Hi);

        var sel = _offset.Selectors;
        Expression V(int m) => MemoryOffset.MemoryByte(_value, m);
        var first = new Expression[32];
        var second = new Expression[32];
        for (int j = 0; j < 32; j++)
        {
            Expression a = Expression.Constant(0), bb = Expression.Constant(0);
            for (int k = 0; k < 32; k++)
            {
                if (k > j)
                {
                    a += sel[k] * (Expression)MemoryOffset.MemoryByte(_first, j);
                    bb += sel[k] * V(32 + j - k);
                }
                else
                {
                    a += sel[k] * V(j - k);
                    bb += sel[k] * (Expression)MemoryOffset.MemoryByte(_second, j);
                }
            }
            (first[j], second[j]) = (a, bb);
        }
        var (firstLo, firstHi) = MemoryOffset.Limbs(first);
        var (secondLo, secondHi) = MemoryOffset.Limbs(second);
        b.Require("word w after the store (lo)", firstSlot.ValueLo - firstLo);
        b.Require("word w after the store (hi)", firstSlot.ValueHi - firstHi);
        b.Require("word w + 1 after the store (lo)", secondSlot.ValueLo - secondLo);
        b.Require("word w + 1 after the store (hi)", secondSlot.ValueHi - secondHi);

        _expansion = MemoryExpansion.Declare(b, _offset.Word + 2 - aligned);
        b.Transition(gasCost: _expansion.Gas + 3, stackDelta: -2, nextMemorySize: _expansion.NewSize);
    }

    public void Assign(StepContext step)
    {
        var offset = step.Rw[0].Value;
        _itemsExist.Assign(step, step.Step!.StackPointer - 2);
        _offset.Assign(step, offset);
        bool aligned = offset.U0 % 32 == 0;
        step.Set(_value, step.Rw[1].Value);
        step.Set(_first, step.Rw[2].Previous);
        step.Set(_second, aligned ? default : step.Rw[3].Previous);
        _expansion.Assign(step, offset.U0 / 32 + (aligned ? 1UL : 2UL));
    }
}
