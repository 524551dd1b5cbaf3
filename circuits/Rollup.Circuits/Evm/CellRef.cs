using Rollup.Plonk.Circuit;

namespace Rollup.Circuits.Evm;

/// <summary>A cell of the step grid, named by the gadget that owns it: a column at a rotation from the step's first row.</summary>
public sealed record CellRef(string Name, Column Column, int Rotation)
{
    public Expression Expr => Column.At(Rotation);

    public static implicit operator Expression(CellRef c) => c.Expr;

    public override string ToString() => $"{Name} ({Column.Name}@{Rotation})";
}

/// <summary>A 256-bit word held as 32 byte cells (range-checked by the byte table), little-endian: Bytes[0] is the least
/// significant. Lo and Hi recombine the limbs.</summary>
public sealed record WordBytes(CellRef[] Bytes)
{
    public Expression Lo => Sum(0);
    public Expression Hi => Sum(16);

    private Expression Sum(int from)
    {
        Expression acc = Bytes[from + 15];
        for (int i = from + 14; i >= from; i--) acc = acc * 256 + Bytes[i];
        return acc;
    }
}

/// <summary>The cells of one lookup lane a gadget took: (X, Y, Z) is a row of the sub-table its tag names.</summary>
public sealed record LaneCells(int TagValue, CellRef Tag, CellRef X, CellRef Y, CellRef Z);
