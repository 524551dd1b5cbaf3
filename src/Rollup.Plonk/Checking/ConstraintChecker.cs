using Rollup.Crypto.Bn254.Fields;
using Rollup.Plonk.Circuit;

namespace Rollup.Plonk.Checking;

/// <summary>Checks an assignment against its constraint system without proving: every gate polynomial on every row,
/// every lookup row against its table, every copy constraint. Names each failure with the cells involved. It is how
/// circuits are tested for soundness: corrupt one cell of a valid witness and the checker must name a constraint.</summary>
public sealed class ConstraintChecker
{
    /// <summary>Describes a row for reports (the EVM step or transaction a circuit row belongs to).</summary>
    public Func<int, string?>? RowLabel { get; init; }

    /// <summary>Stop after this many failures (the first ones are the useful ones).</summary>
    public int MaxFailures { get; init; } = 100;

    /// <summary>Challenge values; random if not given (constraints must hold for any).</summary>
    public IReadOnlyList<Fr>? Challenges { get; init; }

    public IReadOnlyList<ConstraintFailure> Check(Assignment assignment)
    {
        var cs = assignment.System;
        var challenges = Challenges ?? RandomChallenges(cs.Challenges.Count);
        var failures = new List<ConstraintFailure>();
        var eval = new RowEvaluator(assignment, challenges);
        var filter = new RowFilter(assignment);

        foreach (var gate in cs.Gates)
            foreach (var (name, poly) in gate.Polynomials)
            {
                var queries = poly.Queries().Distinct().ToList();
                foreach (int row in filter.RowsFor(poly))
                {
                    if (failures.Count >= MaxFailures) break;
                    eval.Row = row;
                    if (eval.Evaluate(poly).IsZero) continue;
                    string label = name == gate.Name ? gate.Name : $"{gate.Name}: {name}";
                    failures.Add(new ConstraintFailure(FailureKind.Gate, label, row, Cells(assignment, queries, row), RowLabel?.Invoke(row)));
                }
            }

        // Lookups that read the same table columns (the byte table, say) share one set of its rows.
        var tables = new Dictionary<string, HashSet<TupleKey>>();
        foreach (var lookup in cs.Lookups)
        {
            string? tableKey = lookup.Table.All(e => e is ColumnQuery) ? string.Join(",", lookup.Table.Cast<ColumnQuery>().Select(q => $"{q.Column.Kind}{q.Column.Index}@{q.Rotation}")) : null;
            if (tableKey is null || !tables.TryGetValue(tableKey, out var table))
            {
                table = new HashSet<TupleKey>();
                for (int row = 0; row < assignment.Rows; row++)
                {
                    eval.Row = row;
                    table.Add(new TupleKey(lookup.Table.Select(eval.Evaluate).ToArray()));
                }
                if (tableKey is not null) tables[tableKey] = table;
            }
            for (int k = 0; k < lookup.Inputs.Count; k++)
            {
                var input = lookup.Inputs[k];
                var queries = input.Values.SelectMany(e => e.Queries()).Concat(input.Selector.Queries()).Distinct().ToList();
                string name = lookup.Inputs.Count == 1 ? lookup.Name : $"{lookup.Name} (input {k})";
                foreach (int row in filter.RowsFor(input.Selector))
                {
                    if (failures.Count >= MaxFailures) break;
                    eval.Row = row;
                    if (eval.Evaluate(input.Selector).IsZero) continue;
                    var tuple = new TupleKey(input.Values.Select(eval.Evaluate).ToArray());
                    if (!table.Contains(tuple))
                        failures.Add(new ConstraintFailure(FailureKind.Lookup, name, row, Cells(assignment, queries, row), RowLabel?.Invoke(row)));
                }
            }
        }

        foreach (var (a, b) in assignment.Copies)
        {
            if (failures.Count >= MaxFailures) break;
            var va = assignment[a.Column, a.Row];
            var vb = assignment[b.Column, b.Row];
            if (va != vb)
                failures.Add(new ConstraintFailure(FailureKind.Copy, $"{a} == {b}", a.Row, [(a.ToString(), va), (b.ToString(), vb)], RowLabel?.Invoke(a.Row)));
        }
        return failures;
    }

    internal static List<(string, Fr)> Cells(Assignment a, List<ColumnQuery> queries, int row) =>
        queries.Select(q => (Name: $"{q.Column.Name}[{a.Wrap(row + q.Rotation)}]", Value: a[q.Column, row + q.Rotation])).ToList();

    internal static Fr[] RandomChallenges(int count)
    {
        var rng = new Random();
        return Enumerable.Range(0, count).Select(_ => Fr.Random(rng)).ToArray();
    }

    /// <summary>A tuple of field elements with value equality, for table membership.</summary>
    internal readonly struct TupleKey(Fr[] values) : IEquatable<TupleKey>
    {
        private readonly Fr[] _values = values;
        public bool Equals(TupleKey other) => _values.AsSpan().SequenceEqual(other._values);
        public override bool Equals(object? obj) => obj is TupleKey t && Equals(t);
        public override int GetHashCode()
        {
            var h = new HashCode();
            foreach (var v in _values) h.Add(v);
            return h.ToHashCode();
        }
    }
}
