using Microsoft.Extensions.Logging.Abstractions;
using Rollup.Crypto.Bn254.Fields;
using Rollup.Plonk.Verifying;
using Rollup.Proving;
using Rollup.Sequencer.Tests.Support;
using Xunit.Abstractions;

namespace Rollup.Sequencer.Tests;

/// <summary>The batch circuit with the state transition (`prover-state-transition`): a batch the node sealed is proven
/// from the node's own RocksDB state tree, and the proof verifies only against the batch's real previous and new state
/// roots — the statement's roots are proven, not just carried. Checked with the C# verifier (the generated Solidity
/// verifier of this larger circuit is not deployed here).</summary>
public sealed class StateRootProofTests(ITestOutputHelper output)
{
    [Fact]
    public async Task A_sealed_batch_is_proven_with_its_state_roots_and_another_new_root_is_rejected()
    {
        await using var node = await TestNode.Start(c => c with { Batches = c.Batches with { MaxBlocks = 2 } });
        foreach (var tx in new[] { Txs.Transfer(TestNode.Keys[0], 0, Txs.Addr(1), 1_000_000), Txs.Transfer(TestNode.Keys[1], 0, Txs.Addr(2), 12345) })
        {
            await node.Rpc.Call("eth_sendRawTransaction", Txs.Raw(tx));
            await Wait.Until(async () => (await node.Rpc.Call("eth_getTransactionReceipt", tx.Hash.ToString())).ValueKind == System.Text.Json.JsonValueKind.Object, 30_000);
        }
        var context = node.Node.Context;
        await Wait.Until(() => Task.FromResult(context.Batches.Get(1) is not null), 30_000);
        var batch = context.Batches.Get(1)!;
        Assert.NotEqual(batch.PrevStateRoot, batch.StateRoot);

        var clock = System.Diagnostics.Stopwatch.StartNew();
        var prover = new BatchProver(context.Chain, context.State, TestNode.ChainId,
            new ProverOptions { K = BatchCircuit.MinimumTransitionK + 1, StateTransition = true }, NullLogger.Instance);
        var proof = prover.Prove(batch).Proof;
        output.WriteLine($"keys and proof of batch 1 ({batch.TransactionCount} transfers) with the state transition on 2^{prover.Options.K} rows: {clock.Elapsed.TotalSeconds:F1} s");

        var statement = BatchWitness.Statement(batch, TestNode.ChainId);
        Assert.True(Verifier.Verify(prover.Key.Vk, [statement], proof));
        var otherRoot = statement.ToArray();
        otherRoot[3] += Fr.One; // the new root's low limb
        Assert.False(Verifier.Verify(prover.Key.Vk, [otherRoot], proof));
        var otherPrevious = statement.ToArray();
        otherPrevious[0] += Fr.One;
        Assert.False(Verifier.Verify(prover.Key.Vk, [otherPrevious], proof));
    }
}
