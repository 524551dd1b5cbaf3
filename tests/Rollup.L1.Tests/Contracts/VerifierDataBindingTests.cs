using Rollup.Crypto.Kzg;
using Rollup.L1.Abi;
using Rollup.L1.Contracts;
using Rollup.L1.Deployment;
using Rollup.L1.Proofs;
using Rollup.L1.Tests.Support;
using Rollup.Plonk.Keys;
using Rollup.Plonk.Solidity;

namespace Rollup.L1.Tests.Contracts;

/// <summary>The interpreted verifier trusts its data contracts (the constraint program, constants, commitments), so it
/// must be impossible to deploy one over other bytes: its constructor compares each data contract's EXTCODEHASH with
/// the hash of the bytes it was generated for. A data contract with one byte changed, or an address with no code,
/// makes the deployment revert; the genuine data deploys.</summary>
public class VerifierDataBindingTests(AnvilFixture anvil) : IClassFixture<AnvilFixture>
{
    [Fact]
    public async Task The_verifier_deploys_only_over_its_own_data()
    {
        var bed = await RollupTestbed.DeployAsync(anvil.Node);
        var layout = BatchStatementCircuit.Configure();
        var a = BatchStatementCircuit.Assign(layout, Enumerable.Range(0, 7).Select(i => new Rollup.Core.Numerics.UInt256((ulong)i + 1, 0, 0, 0)).ToArray());
        var vk = KeyGenerator.Generate(a, Srs.InsecureFromSeed(1 << 4, "rollup l1 data binding"u8)).Vk;
        var data = VerifierData.For(vk);
        var code = Assert.Single(data.RuntimeCodes());

        async Task<Rollup.Core.Types.Address> DeployData(byte[] runtime) =>
            (await ContractClient.DeployAsync(bed.Owner, new CompiledContract("Data", "test", ContractAbi.Parse("[]"), VerifierData.CreationCode(runtime), runtime), [])).Contract.Address;
        async Task DeployVerifier(Rollup.Core.Types.Address dataContract)
        {
            var source = InterpretedVerifierGenerator.Generate(vk, [7], data, [dataContract.ToArray()], "BoundVerifier");
            await ContractClient.DeployAsync(bed.Owner, SolcJs.Compile(source, "BoundVerifier"), []);
        }

        var tampered = (byte[])code.Clone();
        tampered[^1] ^= 1; // the program's last byte
        await Assert.ThrowsAnyAsync<ExecutionRevertedException>(async () => await DeployVerifier(await DeployData(tampered)));
        await Assert.ThrowsAnyAsync<ExecutionRevertedException>(() => DeployVerifier(bed.Owner.Address)); // no code there
        await DeployVerifier(await DeployData(code));
    }
}
