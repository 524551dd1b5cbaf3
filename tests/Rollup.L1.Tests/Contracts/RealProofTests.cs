using Rollup.Core.Numerics;
using Rollup.Core.Types;
using Rollup.Crypto.Kzg;
using Rollup.L1.Batches;
using Rollup.L1.Contracts;
using Rollup.L1.Deployment;
using Rollup.L1.Proofs;
using Rollup.L1.Tests.Support;
using Rollup.Plonk.Keys;
using Rollup.Plonk.Proving;
using Rollup.Plonk.Solidity;
using Xunit.Abstractions;

namespace Rollup.L1.Tests.Contracts;

/// <summary>End to end with real cryptography: a PLONK proof whose public inputs are the batch's, checked on anvil by
/// the verifier SolidityVerifierGenerator writes and the interpreting one (with its data contracts), deployed behind
/// IVerifier with setVerifier. The circuit is a stand-in
/// with the zkEVM circuit's statement (<see cref="BatchStatementCircuit"/>), so this tests the plumbing, not execution.</summary>
public class RealProofTests(AnvilFixture anvil, ITestOutputHelper output) : IClassFixture<AnvilFixture>
{
    private static readonly Srs TestSrs = Srs.InsecureFromSeed(1 << 5, "rollup l1 tests"u8);

    [Theory]
    [InlineData(VerifierKind.StraightLine)]
    [InlineData(VerifierKind.Interpreted)]
    public async Task A_real_proof_finalizes_through_the_generated_verifier(VerifierKind kind)
    {
        var bed = await RollupTestbed.DeployAsync(anvil.Node);
        await bed.CommitAsync(1);
        var root = RollupTestbed.Root(1);
        var inputs = await bed.Rollup.PublicInputsAsync(1, root);

        // One verifying key for the circuit: the fixed columns do not depend on the statement.
        var layout = BatchStatementCircuit.Configure();
        var circuit = BatchStatementCircuit.Assign(layout, inputs);
        var pk = KeyGenerator.Generate(circuit, TestSrs.Truncate(circuit.Rows));
        byte[] Prove(IReadOnlyList<UInt256> statement)
        {
            var a = BatchStatementCircuit.Assign(layout, statement);
            return Prover.Prove(pk, a, [statement.Select(BatchStatementCircuit.ToFr).ToArray()]).ToBytes();
        }

        var deployed = await PlonkVerifierDeployer.DeployAsync(bed.Owner, pk.Vk, [BatchPublicInputs.Count], "BatchVerifier", kind);
        Assert.Equal(kind, deployed.Kind);
        await bed.Rollup.SetVerifierAsync(bed.Owner, deployed.Contract.Address);

        var proof = Prove(inputs);
        // A proof with a flipped byte, and a valid proof of another transition (another new root), are refused.
        var flipped = (byte[])proof.Clone();
        flipped[flipped.Length / 2] ^= 0x10;
        await RollupTestbed.AssertRevertsAsync(() => bed.Rollup.FinalizeBatchAsync(bed.Prover, 1, root, flipped), "InvalidProof");
        var otherRoot = RollupTestbed.Root(2);
        var otherProof = Prove(BatchPublicInputs.Encode(bed.GenesisRoot, otherRoot, BatchHashing.DataHash(RollupTestbed.Data(1)), RollupTestbed.L2ChainId));
        await RollupTestbed.AssertRevertsAsync(() => bed.Rollup.FinalizeBatchAsync(bed.Prover, 1, root, otherProof), "InvalidProof");

        var receipt = await bed.Rollup.Contract.SendAsync(bed.Prover, "finalizeBatch", [1UL, root, proof]);
        var finalized = BatchFinalized.From(bed.Rollup.Contract.DecodeLogs(receipt).Single());
        Assert.Equal(root, finalized.StateRoot);
        Assert.Equal(root, await bed.Rollup.StateRootAsync(1));
        output.WriteLine($"{kind}: finalizeBatch with a real proof ({proof.Length} bytes, 7 public inputs): {receipt.GasUsed:N0} gas in all");
    }
}
