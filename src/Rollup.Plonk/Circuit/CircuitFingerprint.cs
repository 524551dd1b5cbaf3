using System.Text;
using Rollup.Crypto.Bn254.Fields;

namespace Rollup.Plonk.Circuit;

/// <summary>A canonical text rendering of a constraint system (columns, phases, gates, lookups, equality columns,
/// challenges). The verifying key's digest covers it, so a proof is bound to the exact circuit it was made for.</summary>
public static class CircuitFingerprint
{
    public static string Describe(ConstraintSystem cs)
    {
        var sb = new StringBuilder();
        foreach (var c in cs.AllColumns) sb.Append($"column {c.Kind} {c.Index} {c.Name} phase {c.Phase}\n");
        foreach (var c in cs.EqualityColumns) sb.Append($"equality {c.Kind} {c.Index}\n");
        foreach (var ch in cs.Challenges) sb.Append($"challenge {ch.Index} {ch.Name} after {ch.AfterPhase}\n");
        foreach (var g in cs.Gates)
            foreach (var (name, p) in g.Polynomials) sb.Append($"gate {g.Name} / {name}: {Render(p)}\n");
        foreach (var l in cs.Lookups)
            sb.Append($"lookup {l.Name}: {string.Join("; ", l.Inputs.Select(i => $"when {Render(i.Selector)} ({string.Join(", ", i.Values.Select(Render))})"))} in ({string.Join(", ", l.Table.Select(Render))})\n");
        return sb.ToString();
    }

    public static string Render(Expression e) => e.Accept(new Printer());

    private sealed class Printer : IExpressionVisitor<string>
    {
        public string Constant(Fr value) => value.ToString();
        public string Query(ColumnQuery q) => $"{q.Column.Kind.ToString()[0]}{q.Column.Index}@{q.Rotation}";
        public string Challenge(Challenge c) => $"ch{c.Index}";
        public string Sum(Expression a, Expression b) => $"({a.Accept(this)} + {b.Accept(this)})";
        public string Product(Expression a, Expression b) => $"({a.Accept(this)} * {b.Accept(this)})";
        public string Negated(Expression a) => $"-{a.Accept(this)}";
        public string Scaled(Expression a, Fr k) => $"({k} * {a.Accept(this)})";
    }
}
