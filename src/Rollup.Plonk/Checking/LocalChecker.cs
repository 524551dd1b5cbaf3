using Rollup.Crypto.Bn254.Fields;
using Rollup.Plonk.Circuit;

namespace Rollup.Plonk.Checking;

/// <summary>Re-checks only what a change to a few cells can break, for an assignment that satisfied every constraint
/// before the change. A gate polynomial reads a changed cell (column c, row r) only on the rows r − rotation for the
/// rotations at which it queries c; a lookup input likewise; a lookup whose table reads c can lose a row anywhere, so
/// it is re-checked whole; copy constraints touching the cell are re-checked. Under that precondition the result is
/// non-empty exactly when <see cref="ConstraintChecker.Check"/> would be — this is what makes exhaustive mutation tests
/// of big circuits affordable (a full check per mutation costs the whole grid).</summary>
public sealed class LocalChecker
{
    private readonly Assignment _assignment;
    private readonly RowEvaluator _eval;
    private readonly Dictionary<Column, List<(int Gate, int Poly, int Rotation)>> _gateQueries = [];
    private readonly Dictionary<Column, List<(int Lookup, int Input, int Rotation)>> _inputQueries = [];
    private readonly Dictionary<Column, List<int>> _tableColumns = [];
    private readonly HashSet<ConstraintChecker.TupleKey>?[] _tables;
    private Dictionary<(Column, int), List<int>>? _copiesByCell;

    /// <param name="challenges">Challenge values; random if not given (constraints must hold for any).</param>
    public LocalChecker(Assignment assignment, IReadOnlyList<Fr>? challenges = null)
    {
        _assignment = assignment;
        var cs = assignment.System;
        _eval = new RowEvaluator(assignment, challenges ?? ConstraintChecker.RandomChallenges(cs.Challenges.Count));
        for (int g = 0; g < cs.Gates.Count; g++)
            for (int p = 0; p < cs.Gates[g].Polynomials.Count; p++)
                foreach (var q in cs.Gates[g].Polynomials[p].Polynomial.Queries().Distinct())
                    Add(_gateQueries, q.Column, (g, p, q.Rotation));
        _tables = new HashSet<ConstraintChecker.TupleKey>?[cs.Lookups.Count];
        for (int l = 0; l < cs.Lookups.Count; l++)
        {
            var lookup = cs.Lookups[l];
            for (int i = 0; i < lookup.Inputs.Count; i++)
                foreach (var q in lookup.Inputs[i].Values.SelectMany(e => e.Queries()).Concat(lookup.Inputs[i].Selector.Queries()).Distinct())
                    Add(_inputQueries, q.Column, (l, i, q.Rotation));
            foreach (var column in lookup.Table.SelectMany(e => e.Queries()).Select(q => q.Column).Distinct())
                Add(_tableColumns, column, l);
        }
    }

    /// <summary>Stop after this many failures.</summary>
    public int MaxFailures { get; init; } = 100;

    /// <summary>The failures the changed cells cause (their current values against everything that reads them).</summary>
    public IReadOnlyList<ConstraintFailure> CheckChanged(params (Column Column, int Row)[] cells)
    {
        var cs = _assignment.System;
        var failures = new List<ConstraintFailure>();

        var gateRows = new HashSet<(int, int, int)>();
        foreach (var (column, row) in cells)
            if (_gateQueries.TryGetValue(column, out var uses))
                foreach (var (g, p, rotation) in uses) gateRows.Add((g, p, _assignment.Wrap(row - rotation)));
        foreach (var (g, p, row) in gateRows.OrderBy(t => t))
        {
            if (failures.Count >= MaxFailures) return failures;
            var (name, poly) = cs.Gates[g].Polynomials[p];
            _eval.Row = row;
            if (_eval.Evaluate(poly).IsZero) continue;
            string label = name == cs.Gates[g].Name ? name : $"{cs.Gates[g].Name}: {name}";
            failures.Add(new ConstraintFailure(FailureKind.Gate, label, row, ConstraintChecker.Cells(_assignment, poly.Queries().Distinct().ToList(), row)));
        }

        var wholeLookups = new HashSet<int>();
        foreach (var (column, _) in cells)
            if (_tableColumns.TryGetValue(column, out var lookups)) wholeLookups.UnionWith(lookups);
        var inputRows = new HashSet<(int, int, int)>();
        foreach (var (column, row) in cells)
            if (_inputQueries.TryGetValue(column, out var uses))
                foreach (var (l, i, rotation) in uses)
                    if (!wholeLookups.Contains(l)) inputRows.Add((l, i, _assignment.Wrap(row - rotation)));
        foreach (var (l, i, row) in inputRows.OrderBy(t => t))
        {
            if (failures.Count >= MaxFailures) return failures;
            CheckInput(l, i, row, TableOf(l, cache: true), failures);
        }
        foreach (var l in wholeLookups.Order())
        {
            var table = TableOf(l, cache: false);
            for (int i = 0; i < cs.Lookups[l].Inputs.Count; i++)
                for (int row = 0; row < _assignment.Rows && failures.Count < MaxFailures; row++)
                    CheckInput(l, i, row, table, failures);
        }

        _copiesByCell ??= IndexCopies();
        foreach (var cell in cells)
            if (_copiesByCell.TryGetValue(cell, out var copies))
                foreach (var k in copies)
                {
                    if (failures.Count >= MaxFailures) return failures;
                    var (a, b) = _assignment.Copies[k];
                    var va = _assignment[a.Column, a.Row];
                    var vb = _assignment[b.Column, b.Row];
                    if (va != vb) failures.Add(new ConstraintFailure(FailureKind.Copy, $"{a} == {b}", a.Row, [(a.ToString(), va), (b.ToString(), vb)]));
                }
        return failures;
    }

    private void CheckInput(int l, int i, int row, HashSet<ConstraintChecker.TupleKey> table, List<ConstraintFailure> failures)
    {
        var lookup = _assignment.System.Lookups[l];
        var input = lookup.Inputs[i];
        _eval.Row = row;
        if (_eval.Evaluate(input.Selector).IsZero) return;
        if (table.Contains(new ConstraintChecker.TupleKey(input.Values.Select(_eval.Evaluate).ToArray()))) return;
        var queries = input.Values.SelectMany(e => e.Queries()).Concat(input.Selector.Queries()).Distinct().ToList();
        string name = lookup.Inputs.Count == 1 ? lookup.Name : $"{lookup.Name} (input {i})";
        failures.Add(new ConstraintFailure(FailureKind.Lookup, name, row, ConstraintChecker.Cells(_assignment, queries, row)));
    }

    private HashSet<ConstraintChecker.TupleKey> TableOf(int l, bool cache)
    {
        if (cache && _tables[l] is { } cached) return cached;
        var table = new HashSet<ConstraintChecker.TupleKey>();
        var expressions = _assignment.System.Lookups[l].Table;
        for (int row = 0; row < _assignment.Rows; row++)
        {
            _eval.Row = row;
            table.Add(new ConstraintChecker.TupleKey(expressions.Select(_eval.Evaluate).ToArray()));
        }
        if (cache) _tables[l] = table;
        return table;
    }

    private Dictionary<(Column, int), List<int>> IndexCopies()
    {
        var index = new Dictionary<(Column, int), List<int>>();
        for (int k = 0; k < _assignment.Copies.Count; k++)
        {
            var (a, b) = _assignment.Copies[k];
            Add(index, (a.Column, a.Row), k);
            Add(index, (b.Column, b.Row), k);
        }
        return index;
    }

    private static void Add<TKey, TValue>(Dictionary<TKey, List<TValue>> map, TKey key, TValue value) where TKey : notnull
    {
        if (!map.TryGetValue(key, out var list)) map[key] = list = [];
        list.Add(value);
    }
}
