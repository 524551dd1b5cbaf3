using Rollup.Core.Types;
using Rollup.Crypto.Bn254.Fields;
using Rollup.Crypto.Kzg;
using Rollup.Evm.Execution;
using Rollup.Plonk.Circuit;
using Rollup.Plonk.Keys;
using Rollup.Plonk.Proving;
using Rollup.Plonk.Solidity;
using Rollup.Plonk.Verifying;
using Xunit.Abstractions;

namespace Rollup.Plonk.Tests;

/// <summary>The generated Solidity verifier, compiled by solc and run on the EVM, agrees with the C# verifier on valid
/// proofs, tampered proofs, wrong public inputs and malformed proofs; malformed ones are refused cheaply.</summary>
public class SolidityVerifierTests(ITestOutputHelper output)
{
    private static readonly Lazy<Srs> TestSrs = new(() => Srs.InsecureFromSeed(1 << 9, "rollup plonk tests"u8));

    private sealed record Setup(ProvingKey Pk, Fr[][] Inputs, byte[] Proof, byte[] Verifier, Dictionary<Address, byte[]> DataContracts);

    public static TheoryData<string, bool> CircuitsAndVerifiers()
    {
        var data = new TheoryData<string, bool>();
        foreach (string circuit in ProverTests.Circuits) { data.Add(circuit, false); data.Add(circuit, true); }
        return data;
    }

    /// <summary>Where the interpreted verifier's data contracts sit in these tests.</summary>
    private static Address DataAddress(int i) => Address.Parse($"0x00000000000000000000000000000000da7a{i:x4}");

    private static Setup Prepare(string circuit, bool interpreted = false)
    {
        var (a, synthesizer) = CheckerTests.BuildWithSynthesizer(circuit);
        var pk = KeyGenerator.Generate(a, TestSrs.Value.Truncate(a.Rows));
        var inputs = a.System.InstanceColumns.Select(c =>
        {
            var values = a.Values(c);
            return values[..(Array.FindLastIndex(values, v => !v.IsZero) + 1)];
        }).ToArray();
        var proof = Prover.Prove(pk, a, inputs, synthesizer).ToBytes();
        var lengths = inputs.Select(i => i.Length).ToArray();
        if (!interpreted)
            return new Setup(pk, inputs, proof, Solc.RuntimeBytecode(SolidityVerifierGenerator.Generate(pk.Vk, lengths), "PlonkVerifier"), []);
        var data = VerifierData.For(pk.Vk);
        var codes = data.RuntimeCodes();
        var addresses = Enumerable.Range(0, codes.Count).Select(DataAddress).ToList();
        var source = InterpretedVerifierGenerator.Generate(pk.Vk, lengths, data, addresses.Select(a => a.ToArray()).ToList());
        return new Setup(pk, inputs, proof, Solc.RuntimeBytecode(source, "PlonkVerifier", InterpretedVerifierGenerator.OptimizerRuns),
            addresses.Zip(codes).ToDictionary(p => p.First, p => p.Second));
    }

    private static (bool Accepted, long Gas) RunOnEvm(Setup s, byte[] proof, Fr[][] inputs)
    {
        var calldata = VerifierCalldata.Encode(proof, inputs.SelectMany(i => i).ToArray());
        const long gasLimit = 10_000_000;
        var (result, _) = new CodeRunner { OtherCode = s.DataContracts }.Run(s.Verifier, calldata, gasLimit);
        Assert.True(result.Success, $"the verifier must return, not revert or fail: {result.Reason}");
        Assert.Equal(32, result.Output.Length);
        return (result.Output[31] == 1, gasLimit - result.GasLeft);
    }

    [Theory]
    [MemberData(nameof(CircuitsAndVerifiers))]
    public void Agrees_with_the_CSharp_verifier(string circuit, bool interpreted)
    {
        var s = Prepare(circuit, interpreted);
        var (accepted, gas) = RunOnEvm(s, s.Proof, s.Inputs);
        Assert.True(accepted, "the valid proof must verify on the EVM");
        output.WriteLine($"{circuit} ({(interpreted ? "interpreted" : "straight-line")}): valid proof verified on the EVM with {gas:N0} gas; " +
            $"verifier runtime code {s.Verifier.Length:N0} bytes, data {s.DataContracts.Values.Sum(c => c.Length):N0} bytes");

        var rng = new Random(9);
        int agreed = 0;
        for (int i = 0; i < 25; i++)
        {
            var bad = (byte[])s.Proof.Clone();
            bad[rng.Next(bad.Length)] ^= (byte)(1 << rng.Next(8));
            bool csharp = Verifier.Verify(s.Pk.Vk, s.Inputs, bad);
            var (evm, badGas) = RunOnEvm(s, bad, s.Inputs);
            Assert.Equal(csharp, evm);
            Assert.False(evm);
            agreed++;
        }
        if (s.Inputs.Length > 0 && s.Inputs[0].Length > 0)
        {
            var other = s.Inputs.Select(c => c.ToArray()).ToArray();
            other[0][0] += Fr.One;
            Assert.False(RunOnEvm(s, s.Proof, other).Accepted);
            Assert.False(Verifier.Verify(s.Pk.Vk, other, s.Proof));
        }
        output.WriteLine($"{circuit}: {agreed} tampered proofs rejected by both verifiers");
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Malformed_proofs_are_refused_cheaply(bool interpreted)
    {
        var s = Prepare("fibonacci", interpreted);
        // A point off the curve: (1, 1).
        var offCurve = (byte[])s.Proof.Clone();
        Array.Clear(offCurve, 0, 64);
        offCurve[31] = 1;
        offCurve[63] = 1;
        // A coordinate ≥ q, and a scalar ≥ r (the first evaluation set to all ones).
        var bigCoordinate = (byte[])s.Proof.Clone();
        Array.Fill(bigCoordinate, (byte)0xff, 0, 32);
        int firstEvaluation = 64 * (s.Pk.Vk.Layout.System.AdviceColumns.Count + s.Pk.Vk.Layout.PermutationChunks + s.Pk.Vk.Layout.QuotientPieces
            + 2 * s.Pk.Vk.Layout.System.Lookups.Count);
        var bigScalar = (byte[])s.Proof.Clone();
        Array.Fill(bigScalar, (byte)0xff, firstEvaluation, 32);
        foreach (var (name, proof) in new[] { ("off curve", offCurve), ("coordinate ≥ q", bigCoordinate), ("scalar ≥ r", bigScalar), ("short", s.Proof[..^32]), ("long", [.. s.Proof, 0]) })
        {
            Assert.False(Verifier.Verify(s.Pk.Vk, s.Inputs, proof));
            var (accepted, gas) = RunOnEvm(s, proof, s.Inputs);
            Assert.False(accepted);
            Assert.True(gas < 60_000, $"{name}: refusing cost {gas:N0} gas");
            output.WriteLine($"{name}: refused with {gas:N0} gas");
        }
        var tooBigInput = s.Inputs.Select(c => c.ToArray()).ToArray();
        var calldata = VerifierCalldata.Encode(s.Proof, tooBigInput.SelectMany(i => i).ToArray());
        Array.Fill(calldata, (byte)0xff, calldata.Length - 32, 32); // last public input = 2^256 − 1 ≥ r
        var (result, _) = new CodeRunner { OtherCode = s.DataContracts }.Run(s.Verifier, calldata, 10_000_000);
        Assert.True(result.Success);
        Assert.Equal(0, result.Output[31]);
    }
}
