using Rollup.Core.Numerics;
using Rollup.Plonk.Circuit;

namespace Rollup.Circuits.Evm;

/// <summary>A memory offset (a popped word) split as offset = 32·word + shift: the word index (4 byte cells, so
/// word &lt; 2^32) and the shift in the word as a one-hot vector of 32 bit cells (Σ sel = 1, shift = Σ k·sel_k), which
/// also selects bytes by position with degree-2 sums. The high limb must be zero. The split is unique because
/// 0 ≤ shift &lt; 32 and word &lt; 2^32 (offset &lt; 2^37, far beyond any memory gas can pay for: 2^32 words cost more
/// than 2^55 gas, so a larger offset is always the out-of-gas error state, never a successful step).</summary>
public sealed class MemoryOffset
{
    public const int WordIndexBytes = 4;

    private readonly CellRef[] _wordBytes;
    private readonly CellRef[] _selectors;

    /// <summary>The index of the word the offset falls in (its byte address / 32).</summary>
    public Expression Word { get; }
    /// <summary>sel_k: 1 exactly when the offset is 32·word + k.</summary>
    public IReadOnlyList<CellRef> Selectors => _selectors;
    /// <summary>1 when the offset is a multiple of 32 (the access stays in one word).</summary>
    public Expression Aligned => _selectors[0];

    private MemoryOffset(CellRef[] wordBytes, CellRef[] selectors, Expression word) => (_wordBytes, _selectors, Word) = (wordBytes, selectors, word);

    public static MemoryOffset Declare(GadgetBuilder b, RwSlot offset) => Declare(b, offset.ValueLo, offset.ValueHi);

    /// <summary>The split of the word (lo, hi); a gadget that may not access memory passes lo·flag and hi·flag through
    /// cells (zero splits as word 0, shift 0).</summary>
    public static MemoryOffset Declare(GadgetBuilder b, Expression lo, Expression hi)
    {
        var wordBytes = Enumerable.Range(0, WordIndexBytes).Select(i => b.ByteCell($"offset / 32, byte {i}")).ToArray();
        var selectors = Enumerable.Range(0, 32).Select(k => b.Cell($"offset % 32 is {k}")).ToArray();
        Expression word = wordBytes[WordIndexBytes - 1];
        for (int i = WordIndexBytes - 2; i >= 0; i--) word = word * 256 + wordBytes[i];
        Expression sum = Expression.Constant(0), shift = Expression.Constant(0);
        for (int k = 0; k < 32; k++)
        {
            b.Require($"offset % 32 is {k}: a bit", selectors[k] * (1 - (Expression)selectors[k]));
            sum += selectors[k];
            shift += (Expression)selectors[k] * k;
        }
        b.Require("offset % 32: exactly one", sum - 1);
        b.Require("offset = 32·word + shift", lo - (word * 32 + shift));
        b.Require("offset high limb is zero", hi);
        return new MemoryOffset(wordBytes, selectors, word);
    }

    public void Assign(StepContext step, in UInt256 offset)
    {
        if (!offset.FitsInUlong || offset.U0 >= 1UL << 37) throw new InvalidOperationException($"memory offset {offset} is past 2^37");
        ulong word = offset.U0 / 32;
        for (int i = 0; i < WordIndexBytes; i++) step.Set(_wordBytes[i], (word >> (8 * i)) & 0xff);
        for (int k = 0; k < 32; k++) step.Set(_selectors[k], (offset.U0 % 32) == (ulong)k ? 1UL : 0UL);
    }

    /// <summary>Byte <paramref name="j"/> of a word in memory order (0 = the lowest address, the most significant byte).</summary>
    public static CellRef MemoryByte(WordBytes word, int j) => word.Bytes[31 - j];

    /// <summary>The limbs of the big-endian word whose memory-order bytes are <paramref name="bytes"/>: (lo, hi).</summary>
    public static (Expression Lo, Expression Hi) Limbs(IReadOnlyList<Expression> bytes)
    {
        Expression hi = bytes[0], lo = bytes[16];
        for (int j = 1; j < 16; j++) hi = hi * 256 + bytes[j];
        for (int j = 17; j < 32; j++) lo = lo * 256 + bytes[j];
        return (lo, hi);
    }
}
