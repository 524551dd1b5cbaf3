using Rollup.Crypto.Bn254.Fields;
using Rollup.Plonk.Circuit;

namespace Rollup.Circuits.Tables;

/// <summary>A function of small arguments, tabulated: each row (a, b, c) says c = f(a, b) (or any relation the rows
/// list). Sub-tables share one fixed <see cref="TaggedTable"/>, told apart by their tag.</summary>
/// <param name="Name">For error messages and docs.</param>
/// <param name="RowCount">How many rows <paramref name="Rows"/> yields (the table's size decides the circuit's k).</param>
public sealed record SubTable(string Name, int RowCount, Func<IEnumerable<(Fr A, Fr B, Fr C)>> Rows)
{
    /// <summary>a AND b for every pair of nibbles (256 rows, row 16a + b). OR and XOR follow from it arithmetically:
    /// a | b = a + b − (a &amp; b), a ^ b = a + b − 2(a &amp; b). Nibbles, not bytes: a byte table would be 65,536 rows
    /// and lift every circuit with a bitwise gadget to 2^17 rows; the bitwise gadget pays with twice the lookups.</summary>
    public static readonly SubTable NibbleAnd = new("nibble AND", 1 << 8, () =>
        Enumerable.Range(0, 1 << 8).Select(i => (Fr.FromUInt64((ulong)(i >> 4)), Fr.FromUInt64((ulong)(i & 0xf)), Fr.FromUInt64((ulong)((i >> 4) & i & 0xf)))));

    /// <summary>(n, 2^n, 2^(8−n)) for n in 0..7: the bit part of a shift, its multiplier left and right (8 rows).</summary>
    public static readonly SubTable ShiftBits = new("shift bits", 8, () =>
        Enumerable.Range(0, 8).Select(n => (Fr.FromUInt64((ulong)n), Fr.FromUInt64(1UL << n), Fr.FromUInt64(1UL << (8 - n)))));
}

/// <summary>Fixed columns (tag, a, b, c) holding every sub-table a circuit asked for, each row tagged with its
/// sub-table's number (1, 2, …). Row 0 is (0, 0, 0, 0): a lane cell left unused (tag 0) must hold zeros, so an idle
/// lane can never smuggle a value past a lookup. Sub-tables are registered while gadgets are configured, so a circuit
/// pays for (and sizes its k by) only the tables its gadgets use.</summary>
public sealed class TaggedTable
{
    private readonly List<SubTable> _subTables = [];

    public Column Tag { get; }
    public Column A { get; }
    public Column B { get; }
    public Column C { get; }

    public TaggedTable(ConstraintSystem cs)
    {
        Tag = cs.Fixed("tagged_tag");
        A = cs.Fixed("tagged_a");
        B = cs.Fixed("tagged_b");
        C = cs.Fixed("tagged_c");
    }

    public IReadOnlyList<SubTable> SubTables => _subTables;

    /// <summary>Rows the table fills (the zero row and every registered sub-table).</summary>
    public int RowCount => 1 + _subTables.Sum(t => t.RowCount);

    /// <summary>The tag of <paramref name="table"/>, registering it on first use.</summary>
    public int TagOf(SubTable table)
    {
        int i = _subTables.IndexOf(table);
        if (i < 0) { _subTables.Add(table); i = _subTables.Count - 1; }
        return i + 1;
    }

    public Expression[] Columns => [Tag.Cur, A.Cur, B.Cur, C.Cur];

    public void Assign(Assignment a)
    {
        if (RowCount > a.Rows) throw new InvalidOperationException($"the tagged table needs {RowCount:N0} rows; 2^{a.K} is too few");
        int row = 1;
        for (int t = 0; t < _subTables.Count; t++)
        {
            var tag = Fr.FromUInt64((ulong)t + 1);
            int written = 0;
            foreach (var (x, y, z) in _subTables[t].Rows())
            {
                a[Tag, row] = tag;
                a[A, row] = x;
                a[B, row] = y;
                a[C, row] = z;
                row++;
                written++;
            }
            if (written != _subTables[t].RowCount) throw new InvalidOperationException($"sub-table {_subTables[t].Name} yielded {written} rows, declared {_subTables[t].RowCount}");
        }
    }
}
