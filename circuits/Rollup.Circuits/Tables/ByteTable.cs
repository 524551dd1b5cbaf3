using Rollup.Plonk.Circuit;

namespace Rollup.Circuits.Tables;

/// <summary>A fixed column holding 0..255 (and zeros after): byte cells are range-checked by looking them up here.</summary>
public sealed class ByteTable
{
    public Column Column { get; }

    public ByteTable(ConstraintSystem cs) => Column = cs.Fixed("byte_table");

    public void Assign(Assignment a)
    {
        for (int i = 0; i < 256; i++) a.Assign(Column, i, (ulong)i);
    }

    /// <summary>Requires <paramref name="cell"/> to be a byte on every row.</summary>
    public void RangeCheck(ConstraintSystem cs, string name, Column cell) =>
        cs.Lookup(name, null, [cell.Cur], [Column.Cur]);
}
