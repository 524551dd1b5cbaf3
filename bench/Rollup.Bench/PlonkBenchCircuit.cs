using Rollup.Crypto.Bn254.Fields;
using Rollup.Plonk.Circuit;

namespace Rollup.Bench;

/// <summary>
/// The PLONK benchmark circuit: ten advice columns with the mix a zkEVM circuit has — degree-3 and degree-4
/// custom gates, a rotation, copy constraints chaining rows and tying cells to public inputs, and a grouped byte
/// range lookup into a fixed table. Every row but the last is one "step":
/// <list type="bullet">
/// <item>mul-add (degree 3): a3 = a0·a1 + a2, and a3 feeds the next row's a0 by a copy constraint;</item>
/// <item>select (degree 3): a2 = a9 ? a7 : a8, with a9 boolean (degree 3);</item>
/// <item>S-box (degree 4): a5 = a4³ + c, and a5 feeds the next row's a4 by a copy constraint;</item>
/// <item>accumulator (degree 3, rotation +1): a6[next] = a6 + a7·a8;</item>
/// <item>lookup group (degree 4): a7 and a8 are bytes.</item>
/// </list>
/// The public inputs are the chains' start and end values and the accumulator's start and total, each copied from its
/// cell.
/// The file is also compiled into the PLONK tests (checker, proof, fixed proof bytes), so the benchmark proves a
/// circuit whose soundness is tested.
/// </summary>
public static class PlonkBenchCircuit
{
    public sealed record Layout(ConstraintSystem System, Column[] A, Column QArith, Column QSbox, Column QAcc, Column QRange,
        Column RoundConstant, Column ByteTable, Column Public);

    public static Layout Configure()
    {
        var cs = new ConstraintSystem();
        var a = Enumerable.Range(0, 10).Select(i => cs.Advice($"a{i}")).ToArray();
        var qArith = cs.Selector("q_arith");
        var qSbox = cs.Selector("q_sbox");
        var qAcc = cs.Selector("q_acc");
        var qRange = cs.Selector("q_range");
        var c = cs.Fixed("round_constant");
        var table = cs.Fixed("byte_table");
        var pub = cs.Instance("public");
        foreach (var column in new[] { a[0], a[3], a[4], a[5], a[6], pub }) cs.EnableEquality(column);

        cs.Gate("mul-add", qArith.Cur * (a[0].Cur * a[1].Cur + a[2].Cur - a[3].Cur));
        cs.Gate("select",
            ("a9 is a bit", qArith.Cur * a[9].Cur * (1 - a[9].Cur)),
            ("a2 = a9 ? a7 : a8", qArith.Cur * (a[9].Cur * (a[7].Cur - a[8].Cur) + a[8].Cur - a[2].Cur)));
        cs.Gate("s-box", qSbox.Cur * (a[4].Cur * a[4].Cur * a[4].Cur + c.Cur - a[5].Cur));
        cs.Gate("accumulate", qAcc.Cur * (a[6].Next - a[6].Cur - a[7].Cur * a[8].Cur));
        cs.LookupGroup("a7 and a8 are bytes", [(qRange.Cur, [a[7].Cur]), (qRange.Cur, [a[8].Cur])], [table.Cur]);
        return new Layout(cs, a, qArith, qSbox, qAcc, qRange, c, table, pub);
    }

    /// <summary>A random valid witness on 2^k rows (k ≥ 2). Bytes are drawn from 1..255 with a7 ≠ a8, so that changing any
    /// one of them breaks some constraint (a zero factor or equal select inputs would hide a change).</summary>
    public static Assignment Assign(Layout l, int k, int seed = 1)
    {
        var asg = new Assignment(l.System, k);
        int n = asg.Rows, steps = n - 1;
        var rng = new Random(seed);
        // Bulk writes go through the live column views: the indexer would also record every cell in the set the
        // mutation tests walk, which at 2^18 rows costs more time and memory than the witness itself.
        Fr[] Col(Column c) => asg.Values(c);
        var a = l.A.Select(Col).ToArray();
        Fr[] qArith = Col(l.QArith), qSbox = Col(l.QSbox), qAcc = Col(l.QAcc), qRange = Col(l.QRange);
        Fr[] c = Col(l.RoundConstant), table = Col(l.ByteTable);

        for (int r = 0; r < n; r++) table[r] = Fr.FromUInt64((ulong)(r & 0xff));
        int top = Math.Min(256, n); // tests run with fewer than 256 rows, where the table holds 0..n-1 only
        a[0][0] = Fr.Random(rng);
        a[4][0] = Fr.Random(rng);
        for (int r = 0; r < steps; r++)
        {
            qArith[r] = qSbox[r] = qAcc[r] = qRange[r] = Fr.One;
            c[r] = Fr.Random(rng);
            ulong x = (ulong)rng.Next(1, top), y;
            do y = (ulong)rng.Next(1, top); while (y == x);
            bool bit = rng.Next(2) == 1;
            a[7][r] = Fr.FromUInt64(x);
            a[8][r] = Fr.FromUInt64(y);
            a[9][r] = bit ? Fr.One : Fr.Zero;
            a[2][r] = bit ? a[7][r] : a[8][r];
            a[1][r] = Fr.Random(rng);
            a[3][r] = a[0][r] * a[1][r] + a[2][r];
            a[5][r] = a[4][r] * a[4][r] * a[4][r] + c[r];
            a[6][r + 1] = a[6][r] + a[7][r] * a[8][r];
            if (r + 1 < steps)
            {
                a[0][r + 1] = a[3][r];
                a[4][r + 1] = a[5][r];
                asg.Copy(l.A[3], r, l.A[0], r + 1);
                asg.Copy(l.A[5], r, l.A[4], r + 1);
            }
        }
        var pub = Col(l.Public);
        pub[0] = a[0][0];
        pub[1] = a[4][0];
        pub[2] = a[3][steps - 1];
        pub[3] = a[5][steps - 1];
        pub[4] = a[6][steps];
        pub[5] = a[6][0];
        asg.Copy(l.A[0], 0, l.Public, 0);
        asg.Copy(l.A[4], 0, l.Public, 1);
        asg.Copy(l.A[3], steps - 1, l.Public, 2);
        asg.Copy(l.A[5], steps - 1, l.Public, 3);
        asg.Copy(l.A[6], steps, l.Public, 4);
        asg.Copy(l.A[6], 0, l.Public, 5);
        return asg;
    }

    /// <summary>The public inputs: the used prefix of the instance column.</summary>
    public static Fr[][] PublicInputs(Layout l, Assignment a) => [a.Values(l.Public)[..PublicCount]];

    public const int PublicCount = 6;
}
