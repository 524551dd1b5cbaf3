using System.Numerics;
using Rollup.Plonk.Circuit;

namespace Rollup.Circuits.Evm.Math;

/// <summary>Little-endian runs of byte cells read as one integer, and the witness side that fills them.</summary>
public static class ByteCells
{
    /// <summary>Σ cells[i]·256^i.</summary>
    public static Expression Compose(IReadOnlyList<CellRef> cells, int from = 0, int count = -1)
    {
        if (count < 0) count = cells.Count - from;
        Expression acc = cells[from + count - 1];
        for (int i = from + count - 2; i >= from; i--) acc = acc * 256 + cells[i];
        return acc;
    }

    public static CellRef[] Allocate(GadgetBuilder b, string name, int count) =>
        Enumerable.Range(0, count).Select(i => b.ByteCell($"{name}[{i}]")).ToArray();

    /// <summary>Writes <paramref name="value"/> into the cells, least significant byte first, modulo 256^count. An honest
    /// witness always fits; a trace that lies may not, and its witness must still be built (for the checker to reject).</summary>
    public static void Set(StepContext step, IReadOnlyList<CellRef> cells, BigInteger value)
    {
        value = ((value % (BigInteger.One << (8 * cells.Count))) + (BigInteger.One << (8 * cells.Count))) % (BigInteger.One << (8 * cells.Count));
        for (int i = 0; i < cells.Count; i++) step.Set(cells[i], (ulong)(byte)(value >> (8 * i) & 0xff));
    }

    public static void Set(StepContext step, WordBytes word, BigInteger value) => Set(step, word.Bytes, value);
}
