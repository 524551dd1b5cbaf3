using Rollup.Crypto.Bn254.Fields;

namespace Rollup.Plonk.Circuit;

/// <summary>A cell of the table: a column at a row.</summary>
public readonly record struct Cell(Column Column, int Row)
{
    public override string ToString() => $"{Column.Name}[{Row}]";
}

/// <summary>The filled-in table of a circuit over n = 2^k rows: fixed values (the circuit's own: selectors, constants,
/// tables), advice values (the witness), instance values (public inputs) and the copy constraints between cells.
/// Rows wrap around: a query at rotation +1 on the last row reads row 0, as the polynomials do.</summary>
public sealed class Assignment
{
    public ConstraintSystem System { get; }
    public int K { get; }
    public int Rows => 1 << K;

    private readonly Fr[][] _fixed, _advice, _instance;
    private readonly List<(Cell A, Cell B)> _copies = [];
    // One bit per advice and instance cell written through the indexer (for AssignedWitnessCells): a set of cells
    // cost ~30 bytes per cell, gigabytes for a filled 2^20-row batch, all of it alive while the proof is made.
    private readonly ulong[]?[] _adviceWritten, _instanceWritten;

    public Assignment(ConstraintSystem system, int k)
    {
        if (k is < 1 or > 28) throw new ArgumentOutOfRangeException(nameof(k), "rows are 2^k for k in 1..28");
        System = system;
        K = k;
        _fixed = system.FixedColumns.Select(_ => new Fr[Rows]).ToArray();
        _advice = system.AdviceColumns.Select(_ => new Fr[Rows]).ToArray();
        _instance = system.InstanceColumns.Select(_ => new Fr[Rows]).ToArray();
        _adviceWritten = new ulong[]?[_advice.Length];
        _instanceWritten = new ulong[]?[_instance.Length];
    }

    public IReadOnlyList<(Cell A, Cell B)> Copies => _copies;

    /// <summary>Advice and instance cells a gadget wrote (through the indexer or <see cref="Assign(Column, int, Fr)"/>):
    /// the witness a soundness test mutates one at a time. Made on each call, advice then instance columns, each by row.</summary>
    public IReadOnlyList<Cell> AssignedWitnessCells
    {
        get
        {
            var cells = new List<Cell>();
            foreach (var (columns, written) in new[] { (System.AdviceColumns, _adviceWritten), (System.InstanceColumns, _instanceWritten) })
                for (int c = 0; c < columns.Count; c++)
                    if (written[c] is { } bits)
                        for (int row = 0; row < Rows; row++)
                            if ((bits[row >> 6] & (1UL << row)) != 0) cells.Add(new Cell(columns[c], row));
            return cells;
        }
    }

    /// <summary>The values of a column (a live view: writes go into the assignment).</summary>
    public Fr[] Values(Column column) => column.Kind switch
    {
        ColumnKind.Fixed => _fixed[column.Index],
        ColumnKind.Advice => _advice[column.Index],
        _ => _instance[column.Index],
    };

    public Fr this[Column column, int row]
    {
        get => Values(column)[Wrap(row)];
        set
        {
            Values(column)[CheckRow(row)] = value;
            if (column.Kind != ColumnKind.Fixed)
            {
                var written = column.Kind == ColumnKind.Advice ? _adviceWritten : _instanceWritten;
                (written[column.Index] ??= new ulong[(Rows + 63) / 64])[row >> 6] |= 1UL << row;
            }
        }
    }

    public void Assign(Column column, int row, Fr value) => this[column, row] = value;
    public void Assign(Column column, int row, ulong value) => this[column, row] = Fr.FromUInt64(value);

    /// <summary>Requires the two cells to hold the same value (enforced by the permutation argument).</summary>
    public void Copy(Column a, int rowA, Column b, int rowB)
    {
        foreach (var c in new[] { a, b })
            if (!System.EqualityColumns.Contains(c)) throw new InvalidOperationException($"{c} is not enabled for equality");
        _copies.Add((new Cell(a, CheckRow(rowA)), new Cell(b, CheckRow(rowB))));
    }

    public int Wrap(int row) => row & (Rows - 1);

    private int CheckRow(int row)
    {
        if ((uint)row >= (uint)Rows) throw new ArgumentOutOfRangeException(nameof(row), $"row {row} outside 0..{Rows - 1}");
        return row;
    }
}
