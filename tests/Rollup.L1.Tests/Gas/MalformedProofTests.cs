using System.Numerics;
using Rollup.Crypto.Bn254.Fields;
using Rollup.Crypto.Kzg;
using Rollup.L1;
using Rollup.L1.Contracts;
using Rollup.L1.Deployment;
using Rollup.L1.Rpc;
using Rollup.L1.Proofs;
using Rollup.L1.Tests.Support;
using Rollup.Plonk.Keys;
using Rollup.Plonk.Proving;
using Rollup.Plonk.Solidity;
using Rollup.Plonk.Verifying;
using Xunit.Abstractions;

namespace Rollup.L1.Tests.Gas;

/// <summary>Malformed proofs for the batch circuit on anvil: a point off the curve, a coordinate equal to q, a scalar
/// equal to r (the smallest value that is not a field element), a proof a word short or a byte long. The C# verifier
/// and the deployed Solidity verifier both refuse each, the Solidity one up front for little gas (answering false,
/// not reverting and not burning the gas limit in a precompile), and finalizeBatch reverts with InvalidProof.</summary>
public class MalformedProofTests(AnvilFixture anvil, ITestOutputHelper output) : IClassFixture<AnvilFixture>
{
    private const ulong CheapRefusal = 60_000; // whole transaction, calldata included; a valid proof costs ~240,000

    [Theory]
    [InlineData(VerifierKind.StraightLine)]
    [InlineData(VerifierKind.Interpreted)]
    public async Task Malformed_proofs_are_refused_up_front_on_chain_and_off(VerifierKind kind)
    {
        var bed = await RollupTestbed.DeployAsync(anvil.Node);
        await bed.CommitAsync(1);
        var root = RollupTestbed.Root(1);
        var inputs = await bed.Rollup.PublicInputsAsync(1, root);
        var layout = BatchStatementCircuit.Configure();
        var a = BatchStatementCircuit.Assign(layout, inputs);
        var pk = KeyGenerator.Generate(a, Srs.InsecureFromSeed(1 << 4, "rollup l1 malformed"u8));
        var instance = inputs.Select(BatchStatementCircuit.ToFr).ToArray();
        var proof = Prover.Prove(pk, a, [instance]).ToBytes();
        var verifier = (await PlonkVerifierDeployer.DeployAsync(bed.Owner, pk.Vk, [instance.Length], "MalformedVerifier", kind)).Contract;
        await bed.Rollup.SetVerifierAsync(bed.Owner, verifier.Address);

        int firstEvaluation = proof.Length - 32 * pk.Vk.Layout.Queries.Count - 64 * pk.Vk.Layout.Rotations.Count;
        var cases = new (string Name, byte[] Proof)[]
        {
            ("point off the curve (1, 1)", With(proof, 0, Word(1), Word(1))),
            ("coordinate = q", With(proof, 0, Word(Fq.Modulus))),
            ("opening witness off the curve", With(proof, proof.Length - 64, Word(1), Word(1))),
            ("scalar = r", With(proof, firstEvaluation, Word(Fr.Modulus))),
            ("one word short", proof[..^32]),
            ("one byte long", [.. proof, 0]),
            ("empty", []),
        };
        var valid = await bed.Node.Client.CallAsync(Call(bed, verifier.Address, proof, instance));
        Assert.Equal(1, valid[31]);
        foreach (var (name, bad) in cases)
        {
            Assert.False(Verifier.Verify(pk.Vk, [instance], bad), $"{name}: the C# verifier must refuse");
            var call = Call(bed, verifier.Address, bad, instance);
            var answer = await bed.Node.Client.CallAsync(call);
            Assert.True(answer.Length == 32 && answer[31] == 0 && answer.All(b => b == 0), $"{name}: the Solidity verifier must answer false");
            ulong gas = await bed.Node.Client.EstimateGasAsync(call);
            Assert.True(gas < CheapRefusal, $"{name}: refusing cost {gas:N0} gas");
            await RollupTestbed.AssertRevertsAsync(() => bed.Rollup.FinalizeBatchAsync(bed.Prover, 1, root, bad), "InvalidProof");
            output.WriteLine($"{kind}: {name,-32} refused for {gas,7:N0} gas (whole transaction; {gas - VerifierGasTests.IntrinsicGas(call.Data),6:N0} execution)");
        }
        await bed.Rollup.FinalizeBatchAsync(bed.Prover, 1, root, proof);
        Assert.Equal(root, await bed.Rollup.StateRootAsync(1));
    }

    private static CallRequest Call(RollupTestbed bed, Rollup.Core.Types.Address verifier, byte[] proof, Fr[] instance) =>
        new() { From = bed.Owner.Address, To = verifier, Data = VerifierCalldata.Encode(proof, instance) };

    /// <summary>A 32-byte big-endian word.</summary>
    private static byte[] Word(BigInteger value)
    {
        var bytes = value.ToByteArray(isUnsigned: true, isBigEndian: true);
        var word = new byte[32];
        bytes.CopyTo(word, 32 - bytes.Length);
        return word;
    }

    private static byte[] With(byte[] proof, int at, params byte[][] words)
    {
        var copy = (byte[])proof.Clone();
        for (int i = 0; i < words.Length; i++) words[i].CopyTo(copy, at + 32 * i);
        return copy;
    }
}
