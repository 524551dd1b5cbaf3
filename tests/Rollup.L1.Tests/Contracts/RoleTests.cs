using Rollup.Core.Types;
using Rollup.L1.Batches;
using Rollup.L1.Tests.Support;

namespace Rollup.L1.Tests.Contracts;

/// <summary>Who may call what, and the messages a wrong key gets.</summary>
public class RoleTests(AnvilFixture anvil) : IClassFixture<AnvilFixture>
{
    private Task<RollupTestbed> DeployAsync() => RollupTestbed.DeployAsync(anvil.Node);

    [Fact]
    public async Task Only_the_sequencer_commits_and_reverts()
    {
        var bed = await DeployAsync();
        var data = RollupTestbed.Data(1);
        foreach (var intruder in new[] { bed.User, bed.Prover, bed.Owner })
            await RollupTestbed.AssertRevertsAsync(
                () => bed.Rollup.CommitBatchAsync(intruder, 1, BatchHashing.GenesisBatchHash, data), "NotSequencer", intruder.Address);
        await bed.CommitAsync(1);
        await RollupTestbed.AssertRevertsAsync(() => bed.Rollup.RevertBatchAsync(bed.User, 1), "NotSequencer", bed.User.Address);
    }

    [Fact]
    public async Task Only_the_prover_finalizes()
    {
        var bed = await DeployAsync();
        await bed.CommitAsync(1);
        var proof = await bed.ProofAsync(1, RollupTestbed.Root(1));
        foreach (var intruder in new[] { bed.User, bed.Sequencer, bed.Owner })
            await RollupTestbed.AssertRevertsAsync(
                () => bed.Rollup.FinalizeBatchAsync(intruder, 1, RollupTestbed.Root(1), proof), "NotProver", intruder.Address);
    }

    [Fact]
    public async Task Only_the_owner_manages_roles_and_the_verifier()
    {
        var bed = await DeployAsync();
        var u = bed.User;
        await RollupTestbed.AssertRevertsAsync(() => bed.Rollup.SetSequencerAsync(u, u.Address, true), "NotOwner", u.Address);
        await RollupTestbed.AssertRevertsAsync(() => bed.Rollup.SetProverAsync(u, u.Address, true), "NotOwner", u.Address);
        await RollupTestbed.AssertRevertsAsync(() => bed.Rollup.SetVerifierAsync(u, bed.Rollup.Address), "NotOwner", u.Address);
        await RollupTestbed.AssertRevertsAsync(() => bed.Rollup.TransferOwnershipAsync(u, u.Address), "NotOwner", u.Address);
        await RollupTestbed.AssertRevertsAsync(() => bed.Rollup.SetSequencerAsync(bed.Owner, Address.Zero, true), "ZeroAddress");
        await RollupTestbed.AssertRevertsAsync(() => bed.Rollup.TransferOwnershipAsync(bed.Owner, Address.Zero), "ZeroAddress");
    }

    [Fact]
    public async Task Keys_rotate_through_the_owner()
    {
        var bed = await DeployAsync();
        var newSequencer = await anvil.Node.NewAccountAsync();
        var receipt = await bed.Rollup.SetSequencerAsync(bed.Owner, newSequencer.Address, true);
        var updated = bed.Rollup.Contract.DecodeLogs(receipt).Single();
        Assert.Equal("SequencerUpdated", updated.Name);
        Assert.Equal(newSequencer.Address, updated["account"]);
        Assert.Equal(true, updated["enabled"]);

        await bed.Rollup.SetSequencerAsync(bed.Owner, bed.Sequencer.Address, false);
        Assert.False(await bed.Rollup.IsSequencerAsync(bed.Sequencer.Address));
        await RollupTestbed.AssertRevertsAsync(
            () => bed.Rollup.CommitBatchAsync(bed.Sequencer, 1, BatchHashing.GenesisBatchHash, RollupTestbed.Data(1)), "NotSequencer", bed.Sequencer.Address);
        await bed.Rollup.CommitBatchAsync(newSequencer, 1, BatchHashing.GenesisBatchHash, RollupTestbed.Data(1));

        await bed.Rollup.TransferOwnershipAsync(bed.Owner, bed.User.Address);
        Assert.Equal(bed.User.Address, await bed.Rollup.OwnerAsync());
        await RollupTestbed.AssertRevertsAsync(() => bed.Rollup.SetProverAsync(bed.Owner, bed.Owner.Address, true), "NotOwner", bed.Owner.Address);
    }

    [Fact]
    public async Task A_sequencer_key_without_funds_is_told_so()
    {
        var bed = await DeployAsync();
        var broke = await anvil.Node.NewAccountAsync(ether: 0);
        await bed.Rollup.SetSequencerAsync(bed.Owner, broke.Address, true);
        var e = await Assert.ThrowsAsync<InsufficientFundsException>(
            () => bed.Rollup.CommitBatchAsync(broke, 1, BatchHashing.GenesisBatchHash, RollupTestbed.Data(1)));
        Assert.Contains(broke.Address.ToString(), e.Message);
        Assert.Contains("has 0 ETH", e.Message);
    }

    [Fact]
    public async Task A_transaction_that_fails_on_chain_names_its_error_too()
    {
        // An explicit gas limit skips the estimate, so the doomed transaction is mined and fails; the client replays
        // it to find out why.
        var bed = await DeployAsync();
        var e = await RollupTestbed.AssertRevertsAsync(
            () => bed.Rollup.Contract.SendAsync(bed.User, "commitBatch", [1UL, BatchHashing.GenesisBatchHash, RollupTestbed.Data(1)], gasLimit: 200_000),
            "NotSequencer", bed.User.Address);
        Assert.NotNull(e.Receipt);
        Assert.False(e.Receipt!.Succeeded);
        Assert.Contains("was mined in block", e.Message);
    }
}
