using Rollup.Core.Numerics;
using Rollup.Crypto.Bn254.Fields;
using Rollup.L1.Proofs;
using Rollup.Plonk.Circuit;

namespace Rollup.L1.Tests.Support;

/// <summary>Circuits of a chosen shape, to measure how the generated verifier's gas grows with what a proof commits
/// to. Column 0 equals the public inputs (as in <see cref="BatchStatementCircuit"/>); every further advice column j
/// holds row + j, tied by a gate to a fixed column holding the row number, so each is committed and opened like a
/// real witness column; lookup l checks that column 1 + (l mod (advice − 1)), minus its offset, is in the table of
/// row numbers. Nothing here is meant to be a useful statement: only the shape matters.</summary>
internal static class ShapeCircuit
{
    public sealed record Shape(string Name, int Advice, int Lookups, int PublicInputs, int K);

    public sealed record Layout(ConstraintSystem System, Shape Shape, Column[] Advice, Column Selector, Column Rows, Column Public);

    public static Layout Configure(Shape shape)
    {
        if (shape.Advice < 1 || (shape.Lookups > 0 && shape.Advice < 2)) throw new ArgumentException("lookups need a second advice column");
        var cs = new ConstraintSystem();
        var advice = Enumerable.Range(0, shape.Advice).Select(j => cs.Advice(j == 0 ? "statement" : $"a{j}")).ToArray();
        var selector = cs.Selector("q_statement");
        var rows = cs.Fixed("row");
        var pub = cs.Instance("public");
        cs.Gate("statement equals public input", selector.Cur * (advice[0].Cur - pub.Cur));
        for (int j = 1; j < shape.Advice; j++) cs.Gate($"a{j} is row + {j}", advice[j].Cur - rows.Cur - j);
        for (int l = 0; l < shape.Lookups; l++)
        {
            int column = 1 + l % (shape.Advice - 1);
            cs.Lookup($"a{column} - {column} is a row number", null, [advice[column].Cur - column], [rows.Cur]);
        }
        return new Layout(cs, shape, advice, selector, rows, pub);
    }

    public static Assignment Assign(Layout l, IReadOnlyList<UInt256> publicInputs)
    {
        var a = new Assignment(l.System, l.Shape.K);
        for (int row = 0; row < a.Rows; row++)
        {
            a.Assign(l.Rows, row, (ulong)row);
            for (int j = 1; j < l.Advice.Length; j++) a.Assign(l.Advice[j], row, (ulong)(row + j));
        }
        for (int i = 0; i < publicInputs.Count; i++)
        {
            var value = BatchStatementCircuit.ToFr(publicInputs[i]);
            a.Assign(l.Selector, i, 1UL);
            a.Assign(l.Advice[0], i, value);
            a.Assign(l.Public, i, value);
        }
        return a;
    }

    public static Fr[] Instance(IReadOnlyList<UInt256> publicInputs) => publicInputs.Select(BatchStatementCircuit.ToFr).ToArray();
}
