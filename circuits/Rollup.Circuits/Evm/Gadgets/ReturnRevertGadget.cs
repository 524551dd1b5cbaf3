using Rollup.Evm.Tracing.Zk;
using Rollup.Plonk.Circuit;

namespace Rollup.Circuits.Evm.Gadgets;

/// <summary>RETURN and REVERT: pop an offset and a size and end the call; no static gas, only memory expansion.
/// A zero size touches no memory and expands nothing, whatever the offset. A non-zero one needs size &lt; 2^128 (high
/// limb zero), offset &lt; 2^37 and size − 1 &lt; 2^40 (larger is the out-of-gas error state), reads the words
/// w0 … w_last that [offset, offset + size) overlaps (in the log, so each is a read the state circuit answers) and
/// grows memory to w_last + 1 words.
/// <para>Every range quantity is multiplied by "not empty" through cells: start = ne·offset, size − 1 as 5 bytes
/// (ne·(size − 1)), end = start + (size − 1) = 32·w_last + r, end words = ne·(w_last + 1); the words read are
/// end words − w0, one enabled slot each (on-bits e_0 ≥ e_1 ≥ …, Σ e = count), at most 14 (448 bytes; a larger range is
/// refused by the witness builder until a copy circuit owns such reads).</para>
/// <para>Wave 1: the returned bytes are not bound to anything (no copy circuit), and the call's end (the end-of-call
/// or end-of-transaction step) does not yet read the gas left; <see cref="MemoryExpansion.Gas"/> is proven here for
/// it.</para></summary>
public sealed class ReturnRevertGadget(bool isRevert) : IGadget
{
    public const int MaxWords = EvmCircuitConfig.Height - 2;
    private const int SizeBytes = 5;

    public ExecutionState State => isRevert ? ExecutionState.Revert : ExecutionState.Return;
    public IReadOnlyList<byte> Opcodes => [isRevert ? (byte)0xfd : (byte)0xf3];

    private IsZero _size = null!;
    private SmallRange _itemsExist = null!;
    private CellRef _start = null!, _endWords = null!;
    private CellRef[] _sizeMinusOne = [], _lastWord = [], _lastShift = [], _on = [];
    private MemoryOffset _first = null!;
    private MemoryExpansion _expansion = null!;

    public void Configure(GadgetBuilder b)
    {
        string name = isRevert ? "REVERT" : "RETURN";
        b.Require($"opcode is {name}", b.Cur(StepField.Opcode) - Opcodes[0]);
        var offset = b.StackPop(1);
        var size = b.StackPop(2);
        _itemsExist = SmallRange.Declare(b, "stack size - 2", b.Cur(StepField.StackSize) - 2);
        _size = IsZero.Declare(b, "size", size.ValueLo, size.ValueHi);
        var nonEmpty = _size.NonZero;
        b.Require("a non-empty range's size fits a limb", nonEmpty * size.ValueHi);
        b.Require("a non-empty range's offset fits a limb", nonEmpty * offset.ValueHi);

        _start = b.Cell("range start (0 when empty)");
        b.Require("range start = not empty · offset", _start - nonEmpty * offset.ValueLo);
        _first = MemoryOffset.Declare(b, _start, Expression.Constant(0));

        _sizeMinusOne = Enumerable.Range(0, SizeBytes).Select(i => b.ByteCell($"size - 1, byte {i}")).ToArray();
        b.Require("size - 1 is a 40-bit number when not empty", nonEmpty * (size.ValueLo - 1) - Number(_sizeMinusOne));
        _lastWord = Enumerable.Range(0, MemoryOffset.WordIndexBytes).Select(i => b.ByteCell($"last byte / 32, byte {i}")).ToArray();
        _lastShift = Enumerable.Range(0, 5).Select(i => b.Cell($"last byte % 32, bit {i}")).ToArray();
        Expression shift = Expression.Constant(0);
        for (int i = 0; i < 5; i++)
        {
            b.Require($"last byte % 32, bit {i} is a bit", _lastShift[i] * (1 - (Expression)_lastShift[i]));
            shift += (Expression)_lastShift[i] * (1 << i);
        }
        var lastWord = Number(_lastWord);
        b.Require("last byte = start + size - 1 = 32·last word + shift", (Expression)_start + Number(_sizeMinusOne) - (lastWord * 32 + shift));
        _endWords = b.Cell("memory words the range needs");
        b.Require("words needed = not empty · (last word + 1)", _endWords - nonEmpty * (lastWord + 1));

        // The words read: count = words needed − first word (0 when empty), one enabled slot each, in order.
        _on = Enumerable.Range(0, MaxWords).Select(j => b.Cell($"word {j} of the range is read")).ToArray();
        Expression count = Expression.Constant(0);
        for (int j = 0; j < MaxWords; j++)
        {
            b.Require($"word {j} read: a bit", _on[j] * (1 - (Expression)_on[j]));
            if (j > 0) b.Require($"word {j} read only after word {j - 1}", _on[j] * (1 - (Expression)_on[j - 1]));
            count += _on[j];
            var slot = b.SlotIf(_on[j]);
            StackAccess.AccessWhen(b, slot, _on[j], $"word {j} of the range", write: false, RwTag.Memory, _first.Word + j);
        }
        b.Require("words read = words needed - first word", count - (_endWords - _first.Word));

        _expansion = MemoryExpansion.Declare(b, _endWords);
        b.EndTransition(gasCost: _expansion.Gas, reverts: isRevert);
    }

    private static Expression Number(CellRef[] littleEndianBytes)
    {
        Expression v = littleEndianBytes[^1];
        for (int i = littleEndianBytes.Length - 2; i >= 0; i--) v = v * 256 + littleEndianBytes[i];
        return v;
    }

    public void Assign(StepContext step)
    {
        var offset = step.Rw[0].Value;
        var size = step.Rw[1].Value;
        _itemsExist.Assign(step, step.Step!.StackPointer - 2);
        _size.Assign(step, size);
        bool empty = size.IsZero;
        ulong start = empty ? 0 : offset.U0, sizeMinusOne = empty ? 0 : size.U0 - 1, last = start + sizeMinusOne;
        step.Set(_start, start);
        _first.Assign(step, new Rollup.Core.Numerics.UInt256(start));
        for (int i = 0; i < SizeBytes; i++) step.Set(_sizeMinusOne[i], (sizeMinusOne >> (8 * i)) & 0xff);
        for (int i = 0; i < _lastWord.Length; i++) step.Set(_lastWord[i], ((last / 32) >> (8 * i)) & 0xff);
        for (int i = 0; i < 5; i++) step.Set(_lastShift[i], ((last % 32) >> i) & 1);
        ulong endWords = empty ? 0 : last / 32 + 1;
        step.Set(_endWords, endWords);
        ulong count = empty ? 0 : last / 32 - start / 32 + 1;
        if (count > MaxWords) throw new InvalidOperationException($"a {(isRevert ? "REVERT" : "RETURN")} of {count} words needs the copy circuit");
        for (int j = 0; j < MaxWords; j++) step.Set(_on[j], (ulong)j < count ? 1UL : 0UL);
        _expansion.Assign(step, endWords);
    }
}
