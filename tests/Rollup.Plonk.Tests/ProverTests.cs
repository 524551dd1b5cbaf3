using System.Numerics;
using Rollup.Crypto.Bn254.Fields;
using Rollup.Crypto.Kzg;
using Rollup.Plonk.Circuit;
using Rollup.Plonk.Keys;
using Rollup.Plonk.Proving;
using Rollup.Plonk.Tests.Examples;
using Rollup.Plonk.Verifying;
using Xunit.Abstractions;

namespace Rollup.Plonk.Tests;

/// <summary>End to end: proofs of valid witnesses verify; proofs with a byte flipped, against other public inputs, or
/// made from a witness the checker rejects, do not.</summary>
public class ProverTests(ITestOutputHelper output)
{
    private static readonly Lazy<Srs> TestSrs = new(() => Srs.InsecureFromSeed(1 << 9, "rollup plonk tests"u8));

    private static Fr[][] PublicInputs(Assignment a) =>
        a.System.InstanceColumns.Select(c =>
        {
            var values = a.Values(c);
            int used = Array.FindLastIndex(values, v => !v.IsZero) + 1;
            return values[..used];
        }).ToArray();

    private static (ProvingKey, byte[]) ProveValid(Assignment a, IPhaseSynthesizer? synthesizer)
    {
        var pk = KeyGenerator.Generate(a, TestSrs.Value.Truncate(a.Rows));
        var proof = Prover.Prove(pk, a, PublicInputs(a), synthesizer).ToBytes();
        return (pk, proof);
    }

    public static TheoryData<string> Circuits => CheckerTests.Circuits;

    /// <summary>For the two-phase example, the challenge the prover's synthesizer last used (read back from the
    /// witness: acc_a[1] = byte_a[0]·r + byte_a[1]); null otherwise.</summary>
    private static Fr[]? LastChallenges(Assignment a, IPhaseSynthesizer? synthesizer)
    {
        if (synthesizer is null) return null;
        var cs = a.System;
        Column Col(string name) => cs.AllColumns.Single(c => c.Name == name);
        var b0 = a[Col("byte_a"), 0];
        var r = (a[Col("acc_a"), 1] - a[Col("byte_a"), 1]) * b0.Inverse();
        return [r];
    }

    /// <summary>The prover works in the assignment's own column arrays (BorrowedColumns): they must come back bit for
    /// bit, and a second proof of the same assignment must be the same bytes. (Snapshot after a first proof: the
    /// two-phase example's synthesizer rewrites its phase-1 columns with the transcript's challenge.)</summary>
    [Theory]
    [MemberData(nameof(Circuits))]
    public void Proving_gives_the_assignment_back_unchanged(string circuit)
    {
        var (a, synthesizer) = CheckerTests.BuildWithSynthesizer(circuit);
        var (pk, proof) = ProveValid(a, synthesizer);
        var columns = a.System.AllColumns.ToList();
        var before = columns.Select(c => (Fr[])a.Values(c).Clone()).ToArray();
        Assert.Equal(proof, Prover.Prove(pk, a, PublicInputs(a), synthesizer).ToBytes());
        for (int i = 0; i < columns.Count; i++) Assert.Equal(before[i], a.Values(columns[i]));
    }

    /// <summary>The key keeps only digests of the fixed columns and the prover uses the assignment's: one that is not
    /// the key's is refused by name (before, it was silently replaced by the key's).</summary>
    [Fact]
    public void An_assignment_whose_fixed_column_is_not_the_keys_is_refused()
    {
        var a = CheckerTests.Build("range");
        var pk = KeyGenerator.Generate(a, TestSrs.Value.Truncate(a.Rows));
        var column = a.System.FixedColumns[0];
        a.Values(column)[1] += Fr.One;
        var e = Assert.Throws<ArgumentException>(() => Prover.Prove(pk, a, PublicInputs(a)));
        Assert.Contains(column.Name, e.Message);
    }

    [Theory]
    [MemberData(nameof(Circuits))]
    public void A_valid_proof_verifies_and_a_tampered_one_does_not(string circuit)
    {
        var (a, synthesizer) = CheckerTests.BuildWithSynthesizer(circuit);
        var (pk, proof) = ProveValid(a, synthesizer);
        var inputs = PublicInputs(a);
        Assert.True(Verifier.Verify(pk.Vk, inputs, proof), "a valid proof must verify");

        // Flip one byte at a spread of positions: every one must be rejected.
        var rng = new Random(5);
        int tried = 0;
        foreach (int position in Enumerable.Range(0, 40).Select(_ => rng.Next(proof.Length)).Append(0).Append(proof.Length - 1))
        {
            var bad = (byte[])proof.Clone();
            bad[position] ^= (byte)(1 << rng.Next(8));
            Assert.False(Verifier.Verify(pk.Vk, inputs, bad), $"proof with byte {position} flipped verified");
            tried++;
        }
        output.WriteLine($"{circuit}: {proof.Length}-byte proof, {tried} single-byte tamperings rejected");

        // Different public inputs.
        if (inputs.Length > 0 && inputs[0].Length > 0)
        {
            var other = inputs.Select(c => c.ToArray()).ToArray();
            other[0][0] += Fr.One;
            Assert.False(Verifier.Verify(pk.Vk, other, proof));
        }
        Assert.False(Verifier.Verify(pk.Vk, inputs, proof[..^1]));
    }

    [Theory]
    [MemberData(nameof(Circuits))]
    public void Proofs_from_witnesses_the_checker_rejects_do_not_verify(string circuit)
    {
        var (a, synthesizer) = CheckerTests.BuildWithSynthesizer(circuit);
        var pk = KeyGenerator.Generate(a, TestSrs.Value.Truncate(a.Rows));
        // Later phases are recomputed by the synthesizer during proving, so corrupt phase-0 cells (which it reads).
        var cells = a.AssignedWitnessCells.Where(c => c.Column.Kind == ColumnKind.Advice && c.Column.Phase == 0).OrderBy(c => c.Column.Index).ThenBy(c => c.Row).ToList();
        var rng = new Random(11);
        int tried = 0;
        foreach (var cell in cells.OrderBy(_ => rng.Next()).Take(3))
        {
            var original = a[cell.Column, cell.Row];
            a[cell.Column, cell.Row] = original + Fr.One;
            var proof = Prover.Prove(pk, a, PublicInputs(a), synthesizer).ToBytes();
            Assert.NotEmpty(new Checking.ConstraintChecker { Challenges = LastChallenges(a, synthesizer) }.Check(a));
            Assert.False(Verifier.Verify(pk.Vk, PublicInputs(a), proof), $"proof from a witness with {cell} changed verified");
            a[cell.Column, cell.Row] = original;
            tried++;
        }
        output.WriteLine($"{circuit}: {tried} proofs from bad witnesses, all rejected");
    }
}
