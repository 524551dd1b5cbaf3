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

    private static (ProvingKey, byte[]) ProveValid(Assignment a)
    {
        var pk = KeyGenerator.Generate(a, TestSrs.Value.Truncate(a.Rows));
        var proof = Prover.Prove(pk, a, PublicInputs(a)).ToBytes();
        return (pk, proof);
    }

    public static TheoryData<string> Circuits => CheckerTests.Circuits;

    [Theory]
    [MemberData(nameof(Circuits))]
    public void A_valid_proof_verifies_and_a_tampered_one_does_not(string circuit)
    {
        var a = CheckerTests.Build(circuit);
        var (pk, proof) = ProveValid(a);
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
        var other = inputs.Select(c => c.ToArray()).ToArray();
        other[0][0] += Fr.One;
        Assert.False(Verifier.Verify(pk.Vk, other, proof));
        Assert.False(Verifier.Verify(pk.Vk, inputs, proof[..^1]));
    }

    [Theory]
    [MemberData(nameof(Circuits))]
    public void Proofs_from_witnesses_the_checker_rejects_do_not_verify(string circuit)
    {
        var a = CheckerTests.Build(circuit);
        var pk = KeyGenerator.Generate(a, TestSrs.Value.Truncate(a.Rows));
        var cells = a.AssignedWitnessCells.Where(c => c.Column.Kind == ColumnKind.Advice).OrderBy(c => c.Column.Index).ThenBy(c => c.Row).ToList();
        var rng = new Random(11);
        int tried = 0;
        foreach (var cell in cells.OrderBy(_ => rng.Next()).Take(3))
        {
            var original = a[cell.Column, cell.Row];
            a[cell.Column, cell.Row] = original + Fr.One;
            Assert.NotEmpty(new Checking.ConstraintChecker().Check(a));
            var proof = Prover.Prove(pk, a, PublicInputs(a)).ToBytes();
            Assert.False(Verifier.Verify(pk.Vk, PublicInputs(a), proof), $"proof from a witness with {cell} changed verified");
            a[cell.Column, cell.Row] = original;
            tried++;
        }
        output.WriteLine($"{circuit}: {tried} proofs from bad witnesses, all rejected");
    }
}
