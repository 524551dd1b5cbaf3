using Rollup.Plonk.Circuit;

namespace Rollup.Circuits.Evm;

/// <summary>Memory expansion and its gas. Memory holds cur = size / 32 words before the step (the step state keeps
/// the size in bytes; every transition sets it to 32·words, so it is a multiple of 32 from the empty start); the access
/// needs end words. The step's memory is new = max(cur, end): a bit "expands" picks it, proven by the comparison
/// expands ? end − cur − 1 : cur − end being a 32-bit number (4 byte cells). The gas is the difference of the memory
/// costs C(x) = 3x + ⌊x²/512⌋: 3·(new − cur) + q_new − q_cur, each q = ⌊x²/512⌋ proven by x² = 512·q + r with
/// 0 ≤ r &lt; 512 (a byte and a bit) and q &lt; 2^64 (8 byte cells; x &lt; 2^33, so x² / 512 &lt; 2^57) — without the
/// bound on q, any r would give some field element q. <see cref="DeclareWide"/> takes word counts up to 2^44 (the
/// out-of-gas state's bound), with 6 comparison bytes and 10 quotient bytes.</summary>
public sealed class MemoryExpansion
{
    private const int DiffBytes = 4, QuotientBytes = 8;
    /// <summary>Word counts below 2^44: comparisons below 2^48, quotients below 2^88 / 512 = 2^79 &lt; 2^80.</summary>
    private const int WideDiffBytes = 6, WideQuotientBytes = 10;

    private readonly CellRef _current, _new, _expands;
    private readonly CellRef[] _diff;
    private readonly Quotient _qCurrent, _qNew;

    /// <summary>Words of memory after the step.</summary>
    public Expression NewWords => _new;
    /// <summary>The memory size in bytes after the step (for the transition).</summary>
    public Expression NewSize => (Expression)_new * 32;
    /// <summary>Gas for the expansion: C(new) − C(cur).</summary>
    public Expression Gas { get; }

    private sealed class Quotient(CellRef[] bytes, CellRef remainderLow, CellRef remainderBit)
    {
        public static Quotient Declare(GadgetBuilder b, string name, Expression words, int quotientBytes)
        {
            var q = new Quotient(
                Enumerable.Range(0, quotientBytes).Select(i => b.ByteCell($"{name}²/512, byte {i}")).ToArray(),
                b.ByteCell($"{name}² % 512, low byte"), b.Cell($"{name}² % 512, bit 8"));
            b.Require($"{name}² % 512, bit 8 is a bit", q.RemainderBit * (1 - (Expression)q.RemainderBit));
            b.Require($"{name}² = 512·quotient + remainder", words * words - (q.Value * 512 + q.RemainderLow + (Expression)q.RemainderBit * 256));
            return q;
        }

        public CellRef RemainderLow => remainderLow;
        public CellRef RemainderBit => remainderBit;

        public Expression Value
        {
            get
            {
                Expression v = bytes[^1];
                for (int i = bytes.Length - 2; i >= 0; i--) v = v * 256 + bytes[i];
                return v;
            }
        }

        public void Assign(StepContext step, ulong words)
        {
            var square = (System.Numerics.BigInteger)words * words;
            var quotient = square / 512;
            var remainder = (ulong)(square % 512);
            for (int i = 0; i < bytes.Length; i++) step.Set(bytes[i], (ulong)((quotient >> (8 * i)) & 0xff));
            step.Set(remainderLow, remainder & 0xff);
            step.Set(remainderBit, remainder >> 8);
        }
    }

    private MemoryExpansion(CellRef current, CellRef @new, CellRef expands, CellRef[] diff, Quotient qCurrent, Quotient qNew)
    {
        (_current, _new, _expands, _diff, _qCurrent, _qNew) = (current, @new, expands, diff, qCurrent, qNew);
        Gas = ((Expression)_new - _current) * 3 + _qNew.Value - _qCurrent.Value;
    }

    /// <param name="endWords">Words the access needs: ⌈(offset + length) / 32⌉ (degree ≤ 1).</param>
    public static MemoryExpansion Declare(GadgetBuilder b, Expression endWords) => Declare(b, endWords, DiffBytes, QuotientBytes);

    /// <summary>As <see cref="Declare(GadgetBuilder, Expression)"/>, for word counts below 2^44.</summary>
    public static MemoryExpansion DeclareWide(GadgetBuilder b, Expression endWords) => Declare(b, endWords, WideDiffBytes, WideQuotientBytes);

    private static MemoryExpansion Declare(GadgetBuilder b, Expression endWords, int diffBytes, int quotientBytes)
    {
        var current = b.Cell("memory words before");
        var @new = b.Cell("memory words after");
        var expands = b.Cell("memory expands");
        var diff = Enumerable.Range(0, diffBytes).Select(i => b.ByteCell($"memory comparison, byte {i}")).ToArray();
        b.Require("memory words before = size / 32", b.Cur(StepField.MemorySize) - (Expression)current * 32);
        b.Require("memory expands is a bit", expands * (1 - (Expression)expands));
        b.Require("memory words after = expands ? end : before", @new - (current + expands * (endWords - current)));
        Expression difference = diff[diffBytes - 1];
        for (int i = diffBytes - 2; i >= 0; i--) difference = difference * 256 + diff[i];
        b.Require($"expands ? end - before - 1 : before - end is a {8 * diffBytes}-bit number",
            expands * (endWords - current - 1) + (1 - (Expression)expands) * (current - endWords) - difference);
        return new MemoryExpansion(current, @new, expands, diff, Quotient.Declare(b, "words before", current, quotientBytes),
            Quotient.Declare(b, "words after", @new, quotientBytes));
    }

    public void Assign(StepContext step, ulong endWords)
    {
        ulong current = step.Step!.MemorySize / 32;
        bool expands = endWords > current;
        ulong @new = expands ? endWords : current;
        ulong difference = expands ? endWords - current - 1 : current - endWords;
        step.Set(_current, current);
        step.Set(_new, @new);
        step.Set(_expands, expands ? 1UL : 0UL);
        for (int i = 0; i < _diff.Length; i++) step.Set(_diff[i], (difference >> (8 * i)) & 0xff);
        _qCurrent.Assign(step, current);
        _qNew.Assign(step, @new);
    }

    /// <summary>C(x) = 3x + ⌊x²/512⌋, the memory cost of x words (the witness side's reference).</summary>
    public static long Cost(ulong words) => (long)(3 * words + words * words / 512);
}
