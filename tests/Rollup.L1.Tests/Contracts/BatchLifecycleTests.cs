using Rollup.Core.Types;
using Rollup.L1.Batches;
using Rollup.L1.Tests.Support;

namespace Rollup.L1.Tests.Contracts;

/// <summary>Commit, finalize and revert on a real anvil, through the C# client.</summary>
public class BatchLifecycleTests(AnvilFixture anvil) : IClassFixture<AnvilFixture>
{
    private Task<RollupTestbed> DeployAsync() => RollupTestbed.DeployAsync(anvil.Node);

    [Fact]
    public async Task Deployment_finalizes_the_genesis_batch()
    {
        var bed = await DeployAsync();
        var rollup = bed.Rollup;
        Assert.Equal(0UL, await rollup.LastCommittedBatchAsync());
        Assert.Equal(0UL, await rollup.LastFinalizedBatchAsync());
        Assert.Equal(bed.GenesisRoot, await rollup.StateRootAsync(0));
        Assert.Equal(BatchHashing.GenesisBatchHash, await rollup.BatchHashAsync(0));
        Assert.Equal(RollupTestbed.L2ChainId, await rollup.L2ChainIdAsync());
        Assert.Equal(bed.Deployment.Verifier.Address, (await rollup.VerifierAsync()).ToString());
        Assert.Equal(bed.Owner.Address, await rollup.OwnerAsync());

        // The genesis is announced with the same events as every other batch, so an indexer needs no special case.
        var committed = await rollup.GetCommittedBatchesAsync(bed.Deployment.DeployedAtBlock);
        var finalized = await rollup.GetFinalizedBatchesAsync(bed.Deployment.DeployedAtBlock);
        Assert.Equal(new[] { new Rollup.L1.Contracts.BatchCommitted(0, BatchHashing.GenesisBatchHash, Hash256.Zero, BatchHashing.GenesisDataHash) }, committed);
        Assert.Equal(new[] { new Rollup.L1.Contracts.BatchFinalized(0, BatchHashing.GenesisBatchHash, bed.GenesisRoot) }, finalized);
    }

    [Fact]
    public async Task Commit_then_finalize()
    {
        var bed = await DeployAsync();
        var rollup = bed.Rollup;
        var data = RollupTestbed.Data(1);

        var committed = await rollup.CommitBatchAsync(bed.Sequencer, 1, BatchHashing.GenesisBatchHash, data);
        Assert.Equal(1UL, committed.Index);
        Assert.Equal(BatchHashing.DataHash(data), committed.DataHash);
        Assert.Equal(BatchHashing.GenesisBatchHash, committed.ParentBatchHash);
        Assert.Equal(BatchHashing.BatchHash(1, BatchHashing.GenesisBatchHash, BatchHashing.DataHash(data)), committed.BatchHash);
        Assert.Equal(committed.BatchHash, await rollup.BatchHashAsync(1));
        Assert.Equal(committed.DataHash, await rollup.DataHashAsync(1));
        Assert.Equal(1UL, await rollup.LastCommittedBatchAsync());

        // The contract's public inputs are the ones the off-chain encoding gives.
        var root = RollupTestbed.Root(1);
        var expected = BatchPublicInputs.Encode(bed.GenesisRoot, root, committed.DataHash, RollupTestbed.L2ChainId);
        Assert.Equal(expected, await rollup.PublicInputsAsync(1, root));

        var finalized = await rollup.FinalizeBatchAsync(bed.Prover, 1, root, InsecureDigestProof.For(expected));
        Assert.Equal(new Rollup.L1.Contracts.BatchFinalized(1, committed.BatchHash, root), finalized);
        Assert.Equal(root, await rollup.StateRootAsync(1));
        Assert.Equal(1UL, await rollup.LastFinalizedBatchAsync());

        // Logs by topic find the same events.
        var logs = await rollup.GetFinalizedBatchesAsync(bed.Deployment.DeployedAtBlock);
        Assert.Equal(finalized, logs[^1]);
    }

    [Fact]
    public async Task Wrong_proofs_are_rejected_and_change_nothing()
    {
        var bed = await DeployAsync();
        await bed.CommitAsync(1);
        var root = RollupTestbed.Root(1);
        var proof = await bed.ProofAsync(1, root);

        for (int i = 0; i < proof.Length; i += 7)
        {
            var flipped = (byte[])proof.Clone();
            flipped[i] ^= 0x01;
            await RollupTestbed.AssertRevertsAsync(() => bed.Rollup.FinalizeBatchAsync(bed.Prover, 1, root, flipped), "InvalidProof");
        }
        // A valid proof of another transition (another new root, or another previous root) is not a proof of this one.
        await RollupTestbed.AssertRevertsAsync(() => bed.Rollup.FinalizeBatchAsync(bed.Prover, 1, RollupTestbed.Root(99), proof), "InvalidProof");
        var otherPrevious = await bed.ProofAsync(1, root, previousRoot: RollupTestbed.Root(98));
        await RollupTestbed.AssertRevertsAsync(() => bed.Rollup.FinalizeBatchAsync(bed.Prover, 1, root, otherPrevious), "InvalidProof");
        await RollupTestbed.AssertRevertsAsync(() => bed.Rollup.FinalizeBatchAsync(bed.Prover, 1, root, []), "InvalidProof");

        Assert.Equal(0UL, await bed.Rollup.LastFinalizedBatchAsync());
        Assert.Equal(Hash256.Zero, await bed.Rollup.StateRootAsync(1));
        await bed.Rollup.FinalizeBatchAsync(bed.Prover, 1, root, proof);
    }

    [Fact]
    public async Task Batches_finalize_in_order_only()
    {
        var bed = await DeployAsync();
        await bed.CommitAsync(2);
        var root2 = RollupTestbed.Root(2);
        await RollupTestbed.AssertRevertsAsync(
            () => bed.Rollup.FinalizeBatchAsync(bed.Prover, 2, root2, new byte[32]), "BatchFinalizedOutOfOrder", 1UL, 2UL);
        await RollupTestbed.AssertRevertsAsync(() => bed.Rollup.FinalizeBatchAsync(bed.Prover, 3, root2, new byte[32]), "BatchNotCommitted", 3UL);

        await bed.FinalizeAsync(1);
        await RollupTestbed.AssertRevertsAsync(() => bed.FinalizeAsync(1), "BatchAlreadyFinalized", 1UL);
        await RollupTestbed.AssertRevertsAsync(() => bed.Rollup.PublicInputsAsync(0, root2), "BatchAlreadyFinalized", 0UL);
        await bed.FinalizeAsync(2);
        Assert.Equal(2UL, await bed.Rollup.LastFinalizedBatchAsync());
    }

    [Fact]
    public async Task Commits_must_extend_the_chain()
    {
        var bed = await DeployAsync();
        var genesis = BatchHashing.GenesisBatchHash;
        await RollupTestbed.AssertRevertsAsync(
            () => bed.Rollup.CommitBatchAsync(bed.Sequencer, 2, genesis, RollupTestbed.Data(2)), "UnexpectedBatchIndex", 1UL, 2UL);
        await RollupTestbed.AssertRevertsAsync(
            () => bed.Rollup.CommitBatchAsync(bed.Sequencer, 0, genesis, RollupTestbed.Data(0)), "UnexpectedBatchIndex", 1UL, 0UL);
        var wrongParent = RollupTestbed.Root(5);
        await RollupTestbed.AssertRevertsAsync(
            () => bed.Rollup.CommitBatchAsync(bed.Sequencer, 1, wrongParent, RollupTestbed.Data(1)), "ParentBatchHashMismatch", genesis, wrongParent);
        await RollupTestbed.AssertRevertsAsync(() => bed.Rollup.CommitBatchAsync(bed.Sequencer, 1, genesis, []), "EmptyBatchData");
        Assert.Equal(0UL, await bed.Rollup.LastCommittedBatchAsync());
    }

    [Fact]
    public async Task Revert_removes_the_batch_and_all_after_it()
    {
        var bed = await DeployAsync();
        var committed = await bed.CommitAsync(3);
        await bed.FinalizeAsync(1);

        var reverted = await bed.Rollup.RevertBatchAsync(bed.Sequencer, 2);
        Assert.Equal(new[] { (2UL, committed[1].BatchHash), (3UL, committed[2].BatchHash) }, reverted.Select(r => (r.Index, r.BatchHash)));
        Assert.Equal(1UL, await bed.Rollup.LastCommittedBatchAsync());
        Assert.Equal(Hash256.Zero, await bed.Rollup.BatchHashAsync(2));
        Assert.Equal(Hash256.Zero, await bed.Rollup.DataHashAsync(3));

        // The sequencer can commit different batches from there on, and they finalize.
        var replacement = await bed.Rollup.CommitBatchAsync(bed.Sequencer, 2, committed[0].BatchHash, RollupTestbed.Data(2, " (again)"));
        Assert.NotEqual(committed[1].BatchHash, replacement.BatchHash);

        await RollupTestbed.AssertRevertsAsync(() => bed.Rollup.RevertBatchAsync(bed.Sequencer, 1), "BatchAlreadyFinalized", 1UL);
        await RollupTestbed.AssertRevertsAsync(() => bed.Rollup.RevertBatchAsync(bed.Sequencer, 0), "BatchAlreadyFinalized", 0UL);
        await RollupTestbed.AssertRevertsAsync(() => bed.Rollup.RevertBatchAsync(bed.Sequencer, 3), "BatchNotCommitted", 3UL);
    }

    [Fact]
    public async Task Cast_reads_the_same_state()
    {
        var bed = await DeployAsync();
        var committed = await bed.CommitAsync(2);
        await bed.FinalizeAsync(1);
        string rollup = bed.Rollup.Address.ToString();
        Assert.Equal("2", await CastTool.RunAsync("call", rollup, "lastCommittedBatch()(uint64)", "--rpc-url", anvil.Node.Url));
        Assert.Equal(committed[1].BatchHash.ToString(), await CastTool.RunAsync("call", rollup, "batchHashes(uint64)(bytes32)", "2", "--rpc-url", anvil.Node.Url));
        Assert.Equal(RollupTestbed.Root(1).ToString(), await CastTool.RunAsync("call", rollup, "stateRoots(uint64)(bytes32)", "1", "--rpc-url", anvil.Node.Url));
    }
}
