using Rollup.Plonk.Circuit;

namespace Rollup.Circuits.Evm.Gadgets;

/// <summary>MSTORE8 (3 gas + memory expansion): pops an offset o = 32·w + s and a value, and writes the value's lowest
/// byte at o: one write of word w, whole, with its previous value A. The low limb is split as byte + 256·rest with the
/// rest 15 byte cells (so the byte is the true low byte, not any byte with a field-element rest); the high limb does not
/// matter. New bytes (memory order): A'[j] = A[j] + sel_j·(byte − A[j]), degree 2. Memory grows to max(cur, w + 1).</summary>
public sealed class Mstore8Gadget : IGadget
{
    public ExecutionState State => ExecutionState.Mstore8;
    public IReadOnlyList<byte> Opcodes => [0x53];

    private MemoryOffset _offset = null!;
    private SmallRange _itemsExist = null!;
    private MemoryExpansion _expansion = null!;
    private CellRef[] _low = [];
    private WordBytes _word = null!;

    public void Configure(GadgetBuilder b)
    {
        b.Require("opcode is MSTORE8", b.Cur(StepField.Opcode) - 0x53);
        var offsetSlot = b.StackPop(1);
        var valueSlot = b.StackPop(2);
        _itemsExist = SmallRange.Declare(b, "stack size - 2", b.Cur(StepField.StackSize) - 2);
        _offset = MemoryOffset.Declare(b, offsetSlot);
        var slot = b.MemoryWordAt(write: true, _offset.Word);

        _low = Enumerable.Range(0, 16).Select(i => b.ByteCell($"value byte {i}")).ToArray();
        Expression low = _low[15];
        for (int i = 14; i >= 0; i--) low = low * 256 + _low[i];
        b.Require("the value's low limb is its bytes", valueSlot.ValueLo - low);
        var stored = _low[0];

        _word = b.Word("word w before");
        b.Require("word w's previous value (lo)", slot.PrevLo - _word.Lo);
        b.Require("word w's previous value (hi)", slot.PrevHi - _word.Hi);
        var after = new Expression[32];
        for (int j = 0; j < 32; j++)
        {
            var before = MemoryOffset.MemoryByte(_word, j);
            after[j] = before + _offset.Selectors[j] * (stored - (Expression)before);
        }
        var (lo, hi) = MemoryOffset.Limbs(after);
        b.Require("word w after the store (lo)", slot.ValueLo - lo);
        b.Require("word w after the store (hi)", slot.ValueHi - hi);

        _expansion = MemoryExpansion.Declare(b, _offset.Word + 1);
        b.Transition(gasCost: _expansion.Gas + 3, stackDelta: -2, nextMemorySize: _expansion.NewSize);
    }

    public void Assign(StepContext step)
    {
        var offset = step.Rw[0].Value;
        _itemsExist.Assign(step, step.Step!.StackPointer - 2);
        _offset.Assign(step, offset);
        var value = step.Rw[1].Value.ToBigEndian();
        for (int i = 0; i < 16; i++) step.Set(_low[i], value[31 - i]);
        step.Set(_word, step.Rw[2].Previous);
        _expansion.Assign(step, offset.U0 / 32 + 1);
    }
}
