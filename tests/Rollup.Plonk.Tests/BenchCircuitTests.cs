using Rollup.Bench;
using Rollup.Crypto.Bn254.Fields;
using Rollup.Crypto.Kzg;
using Rollup.Plonk.Checking;
using Rollup.Plonk.Circuit;
using Rollup.Plonk.Keys;
using Rollup.Plonk.Proving;
using Rollup.Plonk.Verifying;
using Xunit.Abstractions;

namespace Rollup.Plonk.Tests;

/// <summary>The benchmark circuit (bench/Rollup.Bench) is sound: its witness passes the checker, every single-cell
/// change to it is caught, and its proof verifies while a proof from a changed witness does not.</summary>
public class BenchCircuitTests(ITestOutputHelper output)
{
    private const int K = 5;

    [Fact]
    public void The_witness_passes_and_every_single_cell_change_is_caught()
    {
        var l = PlonkBenchCircuit.Configure();
        var a = PlonkBenchCircuit.Assign(l, K, seed: 3);
        Assert.Empty(new ConstraintChecker().Check(a));
        Assert.Equal(4, l.System.Degree);

        // Every cell the witness generator wrote: rows 0..n-2 of every advice column, the accumulator's total on the
        // last row, and the public values (the generator writes columns directly, so AssignedWitnessCells is empty).
        int steps = a.Rows - 1;
        var cells = l.A.SelectMany(c => Enumerable.Range(0, steps).Select(r => new Cell(c, r)))
            .Append(new Cell(l.A[6], steps))
            .Concat(Enumerable.Range(0, PlonkBenchCircuit.PublicCount).Select(r => new Cell(l.Public, r)));
        var checker = new ConstraintChecker { MaxFailures = 1 };
        var rng = new Random(7);
        int tried = 0;
        var missed = new List<string>();
        foreach (var cell in cells)
        {
            var original = a[cell.Column, cell.Row];
            foreach (var replacement in new[] { original + Fr.One, Fr.Random(rng) })
            {
                a.Values(cell.Column)[cell.Row] = replacement;
                tried++;
                if (checker.Check(a).Count == 0) missed.Add(cell.ToString());
                a.Values(cell.Column)[cell.Row] = original;
            }
        }
        output.WriteLine($"bench circuit at 2^{K}: {tried} mutations tried, {tried - missed.Count} caught");
        Assert.True(missed.Count == 0, $"uncaught mutations: {string.Join(", ", missed)}");
    }

    [Fact]
    public void A_proof_verifies_and_a_proof_from_a_changed_witness_does_not()
    {
        var l = PlonkBenchCircuit.Configure();
        var a = PlonkBenchCircuit.Assign(l, K);
        var pk = KeyGenerator.Generate(a, Srs.InsecureFromSeed(a.Rows, "rollup plonk tests"u8));
        var inputs = PlonkBenchCircuit.PublicInputs(l, a);
        var proof = Prover.Prove(pk, a, inputs).ToBytes();
        Assert.True(Verifier.Verify(pk.Vk, inputs, proof));

        a.Values(l.A[1])[4] += Fr.One; // breaks the mul-add gate on row 4
        Assert.False(Verifier.Verify(pk.Vk, inputs, Prover.Prove(pk, a, inputs).ToBytes()));
    }
}
