using Xunit.Abstractions;
using System.Numerics;
using Rollup.Crypto.Bn254.Fields;
using Rollup.Plonk.Checking;
using Rollup.Plonk.Circuit;
using Rollup.Plonk.Tests.Examples;

namespace Rollup.Plonk.Tests;

/// <summary>The constraint checker on the example circuits: valid witnesses pass; every single-cell mutation of the
/// witness is caught, and the failure names the broken constraint.</summary>
public class CheckerTests
{
    private readonly ITestOutputHelper _output;
    public CheckerTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public void Valid_witnesses_pass()
    {
        var rc = RangeCheckCircuit.Configure();
        Assert.Empty(new ConstraintChecker().Check(RangeCheckCircuit.Assign(rc, [0, 1, 200, 255])));
        var fib = FibonacciCircuit.Configure();
        Assert.Empty(new ConstraintChecker().Check(FibonacciCircuit.Assign(fib, 1, 1, 20)));
        var add = Add256Circuit.Configure();
        var max = (BigInteger.One << 256) - 1;
        Assert.Empty(new ConstraintChecker().Check(Add256Circuit.Assign(add, max, max)));
        Assert.Empty(new ConstraintChecker().Check(Add256Circuit.Assign(add, BigInteger.Parse("123456789012345678901234567890"), 42)));
    }

    [Fact]
    public void An_out_of_range_value_fails_the_lookup_by_name()
    {
        var rc = RangeCheckCircuit.Configure();
        var a = RangeCheckCircuit.Assign(rc, [3, 256]);
        var failure = Assert.Single(new ConstraintChecker().Check(a));
        Assert.Equal(FailureKind.Lookup, failure.Kind);
        Assert.Equal("value is a byte", failure.Name);
        Assert.Equal(1, failure.Row);
        Assert.Contains(failure.Cells, c => c.Cell == "value[1]" && c.Value == Fr.FromUInt64(256));
    }

    [Fact]
    public void A_wrong_fibonacci_step_names_the_gate_row_and_cells()
    {
        var fib = FibonacciCircuit.Configure();
        var a = FibonacciCircuit.Assign(fib, 1, 1, 10);
        a[fib.B, 5] += Fr.One;
        var failures = new ConstraintChecker { RowLabel = r => $"step {r}" }.Check(a);
        Assert.Contains(failures, f => f.Name == "fibonacci step: next b is a + b" && f.Row == 4 && f.RowLabel == "step 4");
        Assert.Contains(failures, f => f.Name == "fibonacci step: next a is b" && f.Row == 5);
        _output.WriteLine(string.Join("\n", failures));
    }

    public static TheoryData<string> Circuits => new() { "range", "fibonacci", "add256" };

    [Theory]
    [MemberData(nameof(Circuits))]
    public void Every_single_cell_mutation_of_the_witness_is_caught(string circuit)
    {
        var assignment = Build(circuit);
        Assert.Empty(new ConstraintChecker().Check(assignment));
        var (tried, caught, missed) = Mutations.TryAll(assignment);
        _output.WriteLine($"{circuit}: {tried} mutations tried, {caught} caught");
        Assert.True(missed.Count == 0, $"uncaught mutations: {string.Join(", ", missed.Take(20))}");
        Assert.True(tried > 0);
    }

    internal static Assignment Build(string circuit) => circuit switch
    {
        "range" => RangeCheckCircuit.Assign(RangeCheckCircuit.Configure(), [0, 7, 128, 255]),
        "fibonacci" => FibonacciCircuit.Assign(FibonacciCircuit.Configure(), 1, 1, 12),
        _ => Add256Circuit.Assign(Add256Circuit.Configure(), (BigInteger.One << 255) + 12345, (BigInteger.One << 200) - 1),
    };
}

/// <summary>Mutates each assigned witness cell in turn (adding one, and once more replacing it by a random value) and
/// runs the checker: every mutation must break some constraint.</summary>
internal static class Mutations
{
    public static (int Tried, int Caught, List<string> Missed) TryAll(Assignment a, int seed = 1)
    {
        var rng = new Random(seed);
        var checker = new ConstraintChecker { MaxFailures = 1 };
        int tried = 0, caught = 0;
        var missed = new List<string>();
        foreach (var cell in a.AssignedWitnessCells.ToList())
        {
            var original = a[cell.Column, cell.Row];
            foreach (var replacement in new[] { original + Fr.One, Fr.Random(rng) })
            {
                a[cell.Column, cell.Row] = replacement;
                tried++;
                if (checker.Check(a).Count > 0) caught++; else missed.Add(cell.ToString());
                a[cell.Column, cell.Row] = original;
            }
        }
        return (tried, caught, missed);
    }
}
