using System.Text.RegularExpressions;
using Rollup.Crypto.Bn254.Curves;
using Rollup.Crypto.Bn254.Fields;
using Rollup.Evm.Execution;
using Rollup.L1.Contracts;
using Rollup.L1.Deployment;
using Rollup.Plonk.Keys;
using Rollup.Plonk.Protocol;
using Rollup.Plonk.Solidity;
using Xunit.Abstractions;

namespace Rollup.L1.Tests.Gas;

/// <summary>What a batch circuit's interpreted verifier spends before the quotient identity refuses a well-formed
/// proof that is not a proof (every point the generator, random evaluations): the input checks, the transcript, the
/// public-input evaluations and the constraints — everything but the openings and the pairing — run on the repository's
/// EVM (execution only: no intrinsic or calldata gas). Needs no real key or proof (placeholder commitments, as
/// <see cref="BatchVerifierSizeTests"/>), so it measures the full gadget set in seconds where proving it takes half an
/// hour; the difference between two verifier versions here is the difference in their verify gas.</summary>
public class VerifierRefusalGasTests(ITestOutputHelper output)
{
    [Theory]
    [MemberData(nameof(BatchVerifierSizeTests.Cases), MemberType = typeof(BatchVerifierSizeTests))]
    public void A_false_proof_is_refused_after_the_constraints(string name)
    {
        var c = BatchVerifierSizeTests.Get(name);
        var layout = new ProtocolLayout(c.Circuit.System, c.K);
        var cs = layout.System;
        var vk = new VerifyingKey(layout, cs.FixedColumns.Select(_ => G1Affine.Generator).ToArray(),
            cs.EqualityColumns.Select(_ => G1Affine.Generator).ToArray(), G2Affine.Generator, G2Affine.Generator);
        var data = VerifierData.For(vk);
        var codes = data.RuntimeCodes();
        // Away from the precompiles' addresses (a call to 0x02 would run SHA-256, not the chunk).
        var addresses = codes.Select((_, i) => Rollup.Core.Types.Address.Parse($"0x00000000000000000000000000000000da7a{i:x4}")).ToList();
        var source = InterpretedVerifierGenerator.Generate(vk, [7], data, addresses.Select(a => a.ToArray()).ToList());
        var verifier = SolcJs.Compile(source, GeneratedVerifier.ContractName, optimizerRuns: InterpretedVerifierGenerator.OptimizerRuns).DeployedBytecode;

        // Points first (advice, multiplicities, permutation products, lookup sums, quotient pieces), then the
        // evaluations, then one opening witness per rotation.
        int points = cs.AdviceColumns.Count + 2 * cs.Lookups.Count + layout.PermutationChunks + layout.QuotientPieces;
        int proofLength = int.Parse(Regex.Match(source, @"PROOF_LENGTH = (\d+);").Groups[1].Value);
        Assert.Equal(64 * points + 32 * layout.Queries.Count + 64 * layout.Rotations.Count, proofLength);
        var proof = new byte[proofLength];
        var generator = G1Affine.Generator.Encode();
        var rng = new Random(5);
        for (int i = 0; i < points; i++) generator.CopyTo(proof, 64 * i);
        for (int q = 0; q < layout.Queries.Count; q++) Fr.Random(rng).WriteBigEndian(proof.AsSpan(64 * points + 32 * q, 32));
        for (int r = 0; r < layout.Rotations.Count; r++) generator.CopyTo(proof, 64 * points + 32 * layout.Queries.Count + 64 * r);
        var inputs = Enumerable.Range(0, 7).Select(_ => Fr.Random(rng)).ToArray();

        const long limit = 30_000_000;
        var runner = new CodeRunner { OtherCode = addresses.Zip(codes).ToDictionary(p => p.First, p => p.Second) };
        var (result, _) = runner.Run(verifier, VerifierCalldata.Encode(proof, inputs), limit);
        Assert.True(result.Success, $"the verifier must answer, not revert: {result.Reason}");
        Assert.True(result.Output.Length == 32 && result.Output.ToArray().All(b => b == 0), "a false proof must be refused");
        output.WriteLine($"{c.Name} (2^{c.K}): refused after {limit - result.GasLeft:N0} gas of execution; {codes.Count} contracts " +
            $"({codes.Sum(code => code.Length):N0} bytes), verifier {verifier.Length:N0} bytes");
    }
}
