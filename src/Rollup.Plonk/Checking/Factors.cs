using Rollup.Crypto.Bn254.Fields;
using Rollup.Plonk.Circuit;

namespace Rollup.Plonk.Checking;

/// <summary>The column queries an expression is a multiple of (factors of its top-level product, through negation and
/// scaling): where any of them is zero the whole expression is zero. Circuits gate almost every constraint by a
/// selector and a flag, so checking these first lets the checker skip nearly every row.</summary>
internal sealed class Factors : IExpressionVisitor<IEnumerable<ColumnQuery>>
{
    public static readonly Factors Instance = new();

    public static List<ColumnQuery> Of(Expression e) => e.Accept(Instance).ToList();

    public IEnumerable<ColumnQuery> Constant(Fr value) => [];
    public IEnumerable<ColumnQuery> Query(ColumnQuery q) => [q];
    public IEnumerable<ColumnQuery> Challenge(Challenge c) => [];
    public IEnumerable<ColumnQuery> Sum(Expression a, Expression b) => [];
    public IEnumerable<ColumnQuery> Product(Expression a, Expression b) => a.Accept(this).Concat(b.Accept(this));
    public IEnumerable<ColumnQuery> Negated(Expression a) => a.Accept(this);
    public IEnumerable<ColumnQuery> Scaled(Expression a, Fr k) => a.Accept(this);
}

/// <summary>Rows worth evaluating for an expression: if it has a fixed-column factor, only the rows where that factor
/// is non-zero (cached per fixed query), and of those only the rows where every factor is non-zero.</summary>
internal sealed class RowFilter(Assignment assignment)
{
    private readonly Dictionary<(Column, int), int[]> _nonZeroRows = [];

    public IEnumerable<int> RowsFor(Expression e)
    {
        var factors = Factors.Of(e);
        var fixedFactor = factors.FirstOrDefault(f => f.Column.Kind == ColumnKind.Fixed);
        IEnumerable<int> candidates = fixedFactor is null ? Enumerable.Range(0, assignment.Rows) : NonZeroRows(fixedFactor);
        if (factors.Count == 0) return candidates;
        var values = factors.Select(f => (Values: assignment.Values(f.Column), f.Rotation)).ToArray();
        int mask = assignment.Rows - 1;
        return candidates.Where(row =>
        {
            foreach (var (v, rotation) in values)
                if (v[(row + rotation) & mask].IsZero) return false;
            return true;
        });
    }

    private int[] NonZeroRows(ColumnQuery q)
    {
        if (_nonZeroRows.TryGetValue((q.Column, q.Rotation), out var rows)) return rows;
        var values = assignment.Values(q.Column);
        int mask = assignment.Rows - 1;
        rows = Enumerable.Range(0, assignment.Rows).Where(r => !values[(r + q.Rotation) & mask].IsZero).ToArray();
        _nonZeroRows[(q.Column, q.Rotation)] = rows;
        return rows;
    }
}
