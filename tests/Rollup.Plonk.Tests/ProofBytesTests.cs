using Rollup.Bench;
using Rollup.Core.Crypto;
using Rollup.Crypto.Kzg;
using Rollup.Plonk.Keys;
using Rollup.Plonk.Proving;
using Xunit.Abstractions;

namespace Rollup.Plonk.Tests;

/// <summary>The prover has no randomness (no blinding), so a proof's bytes are a function of the circuit, the witness
/// and the SRS. These digests were taken before the prover's speedups; a change to how the prover computes must keep
/// them. Only a change to the protocol itself (docs/plonk.md) may update them, together with the Solidity verifier.</summary>
public class ProofBytesTests(ITestOutputHelper output)
{
    private static readonly Lazy<Srs> TestSrs = new(() => Srs.InsecureFromSeed(1 << 9, "rollup plonk tests"u8));

    public static TheoryData<string, string> Expected => new()
    {
        { "range", "7d1dd526e7ce81abb7ea4838f6f92213c0cd77ef69c328d80271ff6289c145c6" },
        { "fibonacci", "011654913844e9b38b8eaffabc9d88184457ff8b70ba5b0126ae422271e4b163" },
        { "add256", "0619db1f53111100bb9befa3f6b6ab0f551f187bdec1eec032de6632cd875e3a" },
        { "rlc", "b8567d0f55af4d2754a1ceae5df64bea36a7b148bfe80f1b2737a169272e31e8" },
        { "bench", "fc1c0b62aecb1e78b9a15f58f5bfc519ef2ee86ece630c004ab659ee7797462a" },
    };

    [Theory]
    [MemberData(nameof(Expected))]
    public void Proof_bytes_are_unchanged(string circuit, string expectedKeccak)
    {
        byte[] proof;
        if (circuit == "bench")
        {
            var l = PlonkBenchCircuit.Configure();
            var a = PlonkBenchCircuit.Assign(l, 6);
            var pk = KeyGenerator.Generate(a, TestSrs.Value.Truncate(a.Rows));
            proof = Prover.Prove(pk, a, PlonkBenchCircuit.PublicInputs(l, a)).ToBytes();
        }
        else
        {
            var (a, synthesizer) = CheckerTests.BuildWithSynthesizer(circuit);
            var pk = KeyGenerator.Generate(a, TestSrs.Value.Truncate(a.Rows));
            var inputs = a.System.InstanceColumns.Select(c =>
            {
                var values = a.Values(c);
                return values[..(Array.FindLastIndex(values, v => !v.IsZero) + 1)];
            }).ToArray();
            proof = Prover.Prove(pk, a, inputs, synthesizer).ToBytes();
        }
        string actual = Convert.ToHexString(Keccak256.Hash(proof).Bytes).ToLowerInvariant();
        output.WriteLine($"{circuit}: {proof.Length} bytes, keccak {actual}");
        Assert.Equal(expectedKeccak, actual);
    }
}
