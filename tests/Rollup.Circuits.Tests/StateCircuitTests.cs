using Rollup.Circuits.State;
using Rollup.Circuits.Tests.Support;
using Rollup.Core.Numerics;
using Rollup.Crypto.Bn254.Fields;
using Rollup.Evm.Bytecode;
using Rollup.Evm.Instructions;
using Rollup.Plonk.Checking;
using Rollup.Plonk.Circuit;
using Xunit.Abstractions;

namespace Rollup.Circuits.Tests;

/// <summary>The state circuit on the sorted read/write log of a real trace: it accepts the honest log and names the
/// constraint for every lie about it — a changed cell of any active row, two rows swapped, a row dropped or added.</summary>
public class StateCircuitTests(ITestOutputHelper output)
{
    private static EvmTestbed.Built Built() => EvmTestbed.Build(EvmCircuitTests.Program(5, 7));

    private static IReadOnlyList<ConstraintFailure> Check(Assignment a) => new ConstraintChecker { MaxFailures = 10 }.Check(a);

    [Fact]
    public void Every_cell_of_every_active_row_is_bound()
    {
        var b = Built();
        var a = b.Assignment;
        var state = b.Circuit.State;
        int n = b.Steps.Sum(s => s.Rw.Count);
        var checker = new LocalChecker(a) { MaxFailures = 1 };
        int tried = 0;
        var missed = new List<string>();
        for (int row = 1; row <= n; row++)
            foreach (var column in Columns(state))
            {
                var original = a[column, row];
                a[column, row] = original + Fr.One;
                tried++;
                if (checker.CheckChanged((column, row)).Count == 0) missed.Add($"{column.Name}[{row}]");
                a[column, row] = original;
            }
        output.WriteLine($"state circuit: {tried - missed.Count}/{tried} mutations caught over {n} active rows");
        Assert.True(missed.Count == 0, "uncaught: " + string.Join(", ", missed));
    }

    private static IEnumerable<Column> Columns(StateCircuit s) =>
        s.Table.Columns.Concat([s.Active, s.IsStorage, s.StorageInverse, s.IsAccount, s.AccountInverse, s.ZeroInitFirst, s.Count, s.Total])
            .Concat(s.FirstDifferent).Concat(s.Diff);

    [Fact]
    public void Swapped_rows_break_the_order()
    {
        var b = Built();
        var a = b.Assignment;
        foreach (var column in b.Circuit.State.Table.Columns)
            (a[column, 2], a[column, 3]) = (a[column, 3], a[column, 2]);
        var failures = Check(a);
        output.WriteLine(string.Join("\n", failures.Take(3)));
        Assert.Contains(failures, f => f.Name.Contains("sorted by key, then counter") || f.Name.Contains("previous is the key's last value"));
    }

    [Fact]
    public void A_dropped_row_is_caught_by_the_access_count()
    {
        // Deactivate the last access: the EVM still looks it up (so its lookup fails) and the count no longer matches.
        var b = Built();
        var a = b.Assignment;
        var state = b.Circuit.State;
        int n = b.Steps.Sum(s => s.Rw.Count);
        a[state.Active, n] = Fr.Zero;
        for (int r = n; r < a.Rows; r++) { a[state.Count, r] = Fr.FromUInt64((ulong)n - 1); }
        for (int r = 0; r < a.Rows; r++) a[state.Total, r] = Fr.FromUInt64((ulong)n - 1);
        var failures = Check(a);
        output.WriteLine(string.Join("\n", failures.Take(3)));
        Assert.Contains(failures, f => f.Name.Contains("the state circuit holds exactly the EVM's accesses"));
    }

    [Fact]
    public void An_extra_write_between_a_write_and_its_read_is_caught()
    {
        // The lie a lookup alone would allow: the SUB reads 8 where the ADD wrote 12, and the log gets a fake write of 8
        // to that stack slot between the two, with the counter of another access (the PUSH before the SUB), so the
        // sorted log is in order and every value chains. Every EVM access is still found in the table; only the count
        // (one more active row than the EVM made) is wrong.
        var code = EvmCircuitTests.Program(5, 7);
        var wrong = new UInt256(8);
        var b = EvmTestbed.Build(code, t =>
        {
            var sub = t.Steps.First(s => s.Opcode == (byte)Opcode.SUB);
            int r = sub.RwCounter + 1;
            t.Rw[r] = t.Rw[r] with { Value = wrong, Previous = wrong };
            var result = UInt256.MaxValue - wrong;
            t.Rw[sub.RwCounter + 2] = t.Rw[sub.RwCounter + 2] with { Value = result, Previous = wrong };
            var pop = t.Steps.Where(s => s.Opcode == (byte)Opcode.POP).ElementAt(1);
            t.Rw[pop.RwCounter] = t.Rw[pop.RwCounter] with { Value = result, Previous = result };
        });
        var entries = b.Steps.SelectMany(s => s.Rw).ToList();
        var addWrite = b.Steps.First(s => s.State == Evm.ExecutionState.Add).Rw[2];
        var push = b.Steps.Where(s => s.State == Evm.ExecutionState.Push).ElementAt(2).Rw[0];
        entries.Add(addWrite with { RwCounter = push.RwCounter, Value = wrong, Previous = addWrite.Value });

        var a = ReassignState(b, entries);
        var failures = Check(a);
        output.WriteLine(string.Join("\n", failures.Take(3)));
        Assert.Equal(["super: the read/write log is the EVM's: the state circuit holds exactly the EVM's accesses"], failures.Select(f => f.Name).Distinct());
    }

    private static Assignment ReassignState(EvmTestbed.Built b, List<Rollup.Evm.Tracing.Zk.RwEntry> entries)
    {
        // A fresh assignment with the same EVM steps and code, whose state circuit holds the given entries.
        var a = new Assignment(b.System, b.Assignment.K);
        foreach (var column in b.System.FixedColumns.Concat(b.System.AdviceColumns).Concat(b.System.InstanceColumns))
            if (!StateOwned(b.Circuit.State).Contains(column))
                for (int r = 0; r < a.Rows; r++) a[column, r] = b.Assignment[column, r];
        b.Circuit.State.Assign(a, entries);
        return a;
    }

    private static HashSet<Column> StateOwned(StateCircuit s) =>
        [.. s.Table.Columns, s.Active, s.IsStorage, s.StorageInverse, s.IsAccount, s.AccountInverse, s.ZeroInitFirst, s.Count, s.Total,
            .. s.FirstDifferent, .. s.Diff, s.QFirst, s.QSecond, s.QLater, s.QLastRow];
}
