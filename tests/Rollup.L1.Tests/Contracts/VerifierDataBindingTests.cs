using Rollup.Crypto.Kzg;
using Rollup.L1.Abi;
using Rollup.L1.Contracts;
using Rollup.L1.Deployment;
using Rollup.L1.Proofs;
using Rollup.L1.Tests.Support;
using Rollup.Plonk.Keys;
using Rollup.Plonk.Solidity;

namespace Rollup.L1.Tests.Contracts;

/// <summary>The interpreted verifier trusts its data contracts (constants, commitments) and runs its code contracts (the
/// compiled constraints), so it must be impossible to deploy one over other bytes: its constructor compares each
/// contract's EXTCODEHASH with the hash of the bytes it was generated for. Either contract with one byte changed, or
/// an address with no code in its place, makes the deployment revert; the genuine ones deploy.</summary>
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
        var codes = data.RuntimeCodes();
        Assert.Equal(2, codes.Count); // the data (constants, openings, commitments), then the constraint code

        async Task<Rollup.Core.Types.Address> DeployData(byte[] runtime) =>
            (await ContractClient.DeployAsync(bed.Owner, new CompiledContract("Data", "test", ContractAbi.Parse("[]"), VerifierData.CreationCode(runtime), runtime), [])).Contract.Address;
        async Task DeployVerifier(IEnumerable<Rollup.Core.Types.Address> contracts)
        {
            var source = InterpretedVerifierGenerator.Generate(vk, [7], data, contracts.Select(c => c.ToArray()).ToList(), "BoundVerifier");
            await ContractClient.DeployAsync(bed.Owner, SolcJs.Compile(source, "BoundVerifier", optimizerRuns: InterpretedVerifierGenerator.OptimizerRuns), []);
        }

        var genuine = new List<Rollup.Core.Types.Address>();
        foreach (var runtime in codes) genuine.Add(await DeployData(runtime));
        for (int i = 0; i < codes.Count; i++)
        {
            var tampered = (byte[])codes[i].Clone();
            tampered[^1] ^= 1; // the last commitment's last byte; the constraint code's last byte
            var others = genuine.ToArray();
            others[i] = await DeployData(tampered);
            await Assert.ThrowsAnyAsync<ExecutionRevertedException>(() => DeployVerifier(others));
            others[i] = bed.Owner.Address; // no code there
            await Assert.ThrowsAnyAsync<ExecutionRevertedException>(() => DeployVerifier(others));
        }
        await DeployVerifier(genuine);
    }
}
