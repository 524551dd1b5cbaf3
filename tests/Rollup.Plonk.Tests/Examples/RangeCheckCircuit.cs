using Rollup.Crypto.Bn254.Fields;
using Rollup.Plonk.Circuit;

namespace Rollup.Plonk.Tests.Examples;

/// <summary>Each value in column <c>value</c> on a row with <c>q_range</c> on must be a byte: a lookup into a fixed
/// table of 0..255. The values are also copied to an instance column, so a prover cannot pick them.</summary>
public static class RangeCheckCircuit
{
    public sealed record Layout(ConstraintSystem System, Column Value, Column Selector, Column Table, Column Public);

    public static Layout Configure()
    {
        var cs = new ConstraintSystem();
        var value = cs.Advice("value");
        var q = cs.Selector("q_range");
        var table = cs.Fixed("byte_table");
        var pub = cs.Instance("public_values");
        cs.EnableEquality(value);
        cs.EnableEquality(pub);
        cs.Lookup("value is a byte", q.Cur, [value.Cur], [table.Cur]);
        return new Layout(cs, value, q, table, pub);
    }

    public static Assignment Assign(Layout l, IReadOnlyList<ulong> values, int k = 9)
    {
        var a = new Assignment(l.System, k);
        for (int i = 0; i < 256; i++) a.Assign(l.Table, i, (ulong)i);
        for (int i = 256; i < a.Rows; i++) a.Assign(l.Table, i, 0UL); // padding repeats a valid entry
        for (int i = 0; i < values.Count; i++)
        {
            a.Assign(l.Selector, i, 1UL);
            a.Assign(l.Value, i, values[i]);
            a.Assign(l.Public, i, values[i]);
            a.Copy(l.Value, i, l.Public, i);
        }
        return a;
    }
}
