using Rollup.Circuits.Poseidon;
using Rollup.Crypto.Bn254.Fields;
using Rollup.Crypto.Hashing;
using Rollup.Plonk.Checking;
using Rollup.Plonk.Circuit;
using Xunit.Abstractions;

namespace Rollup.Circuits.Tests;

/// <summary>The Poseidon chip for the state tree's widths: honest permutations satisfy it and their outputs are
/// Rollup.Crypto's Poseidon (which the crypto tests hold equal to circomlibjs); every advice cell of a permutation,
/// changed, is caught; a lookup of a wrong hash fails; a proof of the chip verifies.</summary>
public class PoseidonChipTests(ITestOutputHelper output)
{
    private static readonly Dictionary<int, int> Capacity = new() { [2] = 1, [3] = 2, [4] = 2, [9] = 1 };

    private sealed record Built(ConstraintSystem Cs, PoseidonChip Chip, Assignment A, Column[] Query, Column QueryOn, Dictionary<int, List<Fr>> Outputs, Dictionary<int, List<Fr[]>> Inputs);

    /// <summary>The chip plus a tiny "client": advice columns holding (width, inputs, output) tuples looked up in the chip.</summary>
    private static Built Build(int seed)
    {
        var cs = new ConstraintSystem();
        var chip = new PoseidonChip(cs, Capacity);
        var query = Enumerable.Range(0, chip.MaxWidth + 1).Select(i => cs.Advice($"client_{i}")).ToArray();
        var on = cs.Advice("client_on");
        cs.Lookup("client hash is a Poseidon hash", on.Cur, query.Select(c => c.Cur).ToArray(), chip.TableExpressions);

        var rng = new Random(seed);
        var inputs = new Dictionary<int, List<Fr[]>>();
        foreach (var (t, n) in Capacity)
            inputs[t] = Enumerable.Range(0, n).Select(_ => Enumerable.Range(0, t - 1).Select(_ => Fr.Random(rng)).ToArray()).ToList();
        int k = 4;
        while ((1 << k) < chip.RowCount + 1) k++;
        var a = new Assignment(cs, k);
        var outputs = chip.Assign(a, 0, inputs);
        int row = 0;
        foreach (var (t, list) in inputs)
            for (int i = 0; i < list.Count; i++, row++)
            {
                a.Assign(on, row, 1UL);
                a.Assign(query[0], row, (ulong)t);
                for (int j = 0; j < t - 1; j++) a[query[1 + j], row] = list[i][j];
                a[query[chip.MaxWidth], row] = outputs[t][i];
            }
        return new Built(cs, chip, a, query, on, outputs, inputs);
    }

    [Fact]
    public void Honest_permutations_satisfy_the_chip_and_equal_the_library_hash()
    {
        var b = Build(1);
        Assert.Empty(new ConstraintChecker().Check(b.A));
        foreach (var (t, list) in b.Inputs)
            for (int i = 0; i < list.Count; i++)
                Assert.Equal(Rollup.Crypto.Hashing.Poseidon.Hash(list[i]), b.Outputs[t][i]);
        output.WriteLine($"{b.Chip.RowCount} rows for {Capacity.Values.Sum()} permutations; {b.Cs.AdviceColumns.Count} advice columns");
    }

    [Fact]
    public void Every_advice_cell_of_every_permutation_is_bound()
    {
        var b = Build(2);
        var chipColumns = b.Chip.State.Concat(b.Chip.Squares).Append(b.Chip.Output).ToArray();
        var checker = new LocalChecker(b.A) { MaxFailures = 1 };
        int tried = 0;
        var missed = new List<string>();
        for (int row = 0; row < b.Chip.RowCount; row++)
            foreach (var column in chipColumns)
            {
                var original = b.A[column, row];
                b.A[column, row] = original + Fr.One;
                tried++;
                if (checker.CheckChanged((column, row)).Count == 0) missed.Add($"{column.Name}[{row}]");
                b.A[column, row] = original;
            }
        output.WriteLine($"poseidon chip: {tried - missed.Count}/{tried} mutations caught");
        Assert.True(missed.Count == 0, "uncaught: " + string.Join(", ", missed.Take(20)));
    }

    [Fact]
    public void A_wrong_hash_is_not_in_the_table()
    {
        var b = Build(3);
        b.A[b.Query[b.Chip.MaxWidth], 0] += Fr.One;
        var failures = new ConstraintChecker().Check(b.A);
        Assert.Contains(failures, f => f.Name == "client hash is a Poseidon hash");
    }

    [Fact]
    public void The_chip_proves_and_a_wrong_round_does_not()
    {
        var b = Build(4);
        var srs = Rollup.Crypto.Kzg.Srs.InsecureFromSeed(b.A.Rows, "poseidon chip"u8);
        var pk = Rollup.Plonk.Keys.KeyGenerator.Generate(b.A, srs);
        var proof = Rollup.Plonk.Proving.Prover.Prove(pk, b.A, []).ToBytes();
        Assert.True(Rollup.Plonk.Verifying.Verifier.Verify(pk.Vk, [], proof));
        b.A[b.Chip.State[1], 5] += Fr.One;
        var bad = Rollup.Plonk.Proving.Prover.Prove(pk, b.A, []).ToBytes();
        Assert.False(Rollup.Plonk.Verifying.Verifier.Verify(pk.Vk, [], bad));
    }
}
