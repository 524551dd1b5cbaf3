using Rollup.Core.Types;
using Rollup.L1.Abi;
using Rollup.L1.Contracts;
using Rollup.L1.Tests.Support;

namespace Rollup.L1.Tests.Contracts;

/// <summary>The rollup behind the IVerifier interface: upgrades, and verifiers that revert.</summary>
public class VerifierTests(AnvilFixture anvil) : IClassFixture<AnvilFixture>
{
    [Fact]
    public async Task The_owner_swaps_the_verifier_with_an_event_and_the_new_one_is_used()
    {
        var bed = await RollupTestbed.DeployAsync(anvil.Node);
        var (reverting, _) = await ContractClient.DeployAsync(bed.Owner, ContractArtifacts.Get(ContractNames.RevertingVerifier), []);
        var old = await bed.Rollup.VerifierAsync();

        var updated = await bed.Rollup.SetVerifierAsync(bed.Owner, reverting.Address);
        Assert.Equal(new VerifierUpdated(old, reverting.Address), updated);
        Assert.Equal(reverting.Address, await bed.Rollup.VerifierAsync());

        // A verifier that reverts is reported as VerifierReverted, carrying its own error, which decodes with its ABI.
        await bed.CommitAsync(1);
        var proof = await bed.ProofAsync(1, RollupTestbed.Root(1));
        var inner = reverting.Abi.Error("MalformedProof").Encode((ulong)proof.Length);
        var e = await RollupTestbed.AssertRevertsAsync(
            () => bed.Rollup.FinalizeBatchAsync(bed.Prover, 1, RollupTestbed.Root(1), proof), "VerifierReverted", inner);
        Assert.Equal("MalformedProof", reverting.Abi.DecodeRevert((byte[])e.Revert.Arguments[0]!).Name);

        // Back to the stand-in: the same proof now finalizes.
        await bed.Rollup.SetVerifierAsync(bed.Owner, old);
        await bed.Rollup.FinalizeBatchAsync(bed.Prover, 1, RollupTestbed.Root(1), proof);
    }

    [Fact]
    public async Task The_verifier_must_be_a_contract()
    {
        var bed = await RollupTestbed.DeployAsync(anvil.Node);
        await RollupTestbed.AssertRevertsAsync(() => bed.Rollup.SetVerifierAsync(bed.Owner, bed.User.Address), "NotAContract", bed.User.Address);
        await RollupTestbed.AssertRevertsAsync(() => bed.Rollup.SetVerifierAsync(bed.Owner, Address.Zero), "NotAContract", Address.Zero);
    }

    [Fact]
    public async Task The_stand_in_verifier_says_it_is_not_real()
    {
        var bed = await RollupTestbed.DeployAsync(anvil.Node);
        var standIn = new ContractClient(anvil.Node.Client, Address.Parse(bed.Deployment.Verifier.Address), ContractArtifacts.Get(ContractNames.InsecureDigestVerifier));
        Assert.False(await standIn.CallSingleAsync<bool>("IS_REAL_VERIFIER"));
        Assert.False(bed.Deployment.Verifier.IsRealVerifier);
        Assert.Contains("NOT A REAL VERIFIER", bed.Deployment.Verifier.Warning);
    }
}
