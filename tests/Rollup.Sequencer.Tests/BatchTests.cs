using System.Text.Json;
using Rollup.Core.Types;
using Rollup.Sequencer.Batches;
using Rollup.Sequencer.Tests.Support;

namespace Rollup.Sequencer.Tests;

/// <summary>Batches: sealed by the policy's limits, their data decodes back to their blocks' transactions, they are
/// served by rollup_getBatch / rollup_getBatchByBlock, and they go sealed → committed → finalized only through the
/// L1 submitter and a prover's proof.</summary>
public sealed class BatchTests
{
    private static async Task MineTransfers(TestNode node, int sender, int count)
    {
        var key = TestNode.Keys[sender];
        ulong start = await node.Rpc.CallNumber("eth_getTransactionCount", key.Address.ToString(), "pending");
        for (int i = 0; i < count; i++)
        {
            var hash = await node.Rpc.CallString("eth_sendRawTransaction", Txs.Raw(Txs.Transfer(key, start + (ulong)i, Txs.Addr(9), 1)));
            // One block per transaction: wait for each receipt.
            await Wait.Until(async () => (await node.Rpc.Call("eth_getTransactionReceipt", hash)).ValueKind != JsonValueKind.Null);
        }
    }

    [Fact]
    public async Task Sealed_by_block_count_and_served_by_rpc()
    {
        await using var node = await TestNode.Start(c => c with { Batches = new BatchPolicy { MaxBlocks = 2, MaxAgeSeconds = 0 } });
        await MineTransfers(node, 0, 5);
        Assert.Equal(5UL, await node.Rpc.CallNumber("eth_blockNumber"));

        var first = await node.Rpc.Call("rollup_getBatch", "0x1");
        Assert.Equal("sealed", first.GetProperty("status").GetString());
        Assert.False(first.GetProperty("proven").GetBoolean());
        Assert.Equal("0x1", first.GetProperty("firstBlock").GetString());
        Assert.Equal("0x2", first.GetProperty("lastBlock").GetString());
        Assert.Equal(JsonValueKind.Null, first.GetProperty("commitTxHash").ValueKind);
        var genesis = await node.Rpc.Call("eth_getBlockByNumber", "0x0", false);
        var block2 = await node.Rpc.Call("eth_getBlockByNumber", "0x2", false);
        Assert.Equal(genesis.GetProperty("stateRoot").GetString(), first.GetProperty("prevStateRoot").GetString());
        Assert.Equal(block2.GetProperty("stateRoot").GetString(), first.GetProperty("stateRoot").GetString());

        Assert.Equal("0x2", (await node.Rpc.Call("rollup_getBatchByBlock", "0x4")).GetProperty("number").GetString());
        Assert.Equal(JsonValueKind.Null, (await node.Rpc.Call("rollup_getBatchByBlock", "0x5")).ValueKind); // still open
        Assert.Equal(JsonValueKind.Null, (await node.Rpc.Call("rollup_getBatch", "0x3")).ValueKind);

        // The batch data is the blocks' transactions, and its hash is what the record says.
        var record = node.Node.Context.Batches.Get(1)!;
        var data = BatchSealer.DataOf(node.Node.Context.Chain, record);
        Assert.Equal(record.DataHash, Core.Crypto.Keccak256.Hash(data));
        var blocks = BatchData.Decode(data);
        Assert.Equal([1UL, 2UL], blocks.Select(b => b.Number));
        Assert.Equal(node.Node.Context.Chain.GetBlock(1)!.Transactions[0].Hash, blocks[0].Transactions[0].Hash);
    }

    [Fact]
    public void Sealed_by_gas_bytes_and_age()
    {
        var policy = new BatchPolicy { MaxBlocks = 0, MaxGas = 50_000, MaxBytes = 0, MaxAgeSeconds = 0 };
        Assert.Equal([3, 6], SealPoints(policy, 7, 21_000, 110));
        Assert.Equal([2, 4, 6], SealPoints(policy with { MaxGas = 0, MaxBytes = 200 }, 7, 21_000, 110));
        // Age: blocks 10 s apart; a batch opened at block 1 (t = 10) is 30 s old at block 4.
        Assert.Equal([4, 8], SealPoints(policy with { MaxGas = 0, MaxAgeSeconds = 25 }, 8, 21_000, 110, secondsApart: 10));
    }

    /// <summary>Feeds a sealer synthetic blocks and returns the block numbers each batch ended at.</summary>
    private static List<int> SealPoints(BatchPolicy policy, int blocks, ulong gasPerBlock, int txBytes, int secondsApart = 1)
    {
        var dir = TestNode.NewDataDir();
        try
        {
            using var db = Storage.Database.Open(dir, false);
            var chain = new Chain.ChainStore(db);
            var time = new ManualTime();
            var sealer = (BatchSealer?)null;
            var points = new List<int>();
            for (int n = 0; n <= blocks; n++)
            {
                var tx = Txs.Transfer(TestNode.Keys[0], (ulong)n, Txs.Addr(1), 1, data: new byte[Math.Max(0, txBytes - 110)]);
                var block = new Core.Blocks.Block
                {
                    Header = new Core.Blocks.BlockHeader { Number = (ulong)n, GasUsed = n == 0 ? 0 : gasPerBlock, Timestamp = (ulong)(n * secondsApart), BaseFeePerGas = 1 },
                    Transactions = n == 0 ? [] : [tx],
                };
                using (var wb = new RocksDbSharp.WriteBatch())
                {
                    Chain.ChainStore.Stage(wb, block, n == 0 ? [] : [new Chain.StoredReceipt(new Core.Blocks.Receipt { Success = true }, Txs.Addr(0), null, gasPerBlock)]);
                    db.Write(wb);
                }
                chain.SetHead(block);
                time.Now = DateTimeOffset.FromUnixTimeSeconds(n * secondsApart);
                if (n == 0) { sealer = new BatchSealer(chain, new BatchStore(db), policy, time); continue; }
                foreach (var batch in sealer!.OnBlock(block)) points.Add((int)batch.LastBlock);
            }
            return points;
        }
        finally { try { Directory.Delete(dir, true); } catch (IOException) { } }
    }

    private sealed class ManualTime : TimeProvider
    {
        public DateTimeOffset Now { get; set; }
        public override DateTimeOffset GetUtcNow() => Now;
    }

    private sealed class FakeSubmitter : IL1Submitter
    {
        public Task<Hash256?> CommitAsync(BatchRecord batch, byte[] batchData, CancellationToken cancellation) =>
            Task.FromResult<Hash256?>(Core.Crypto.Keccak256.Hash(batchData));
        public Task<Hash256?> FinalizeAsync(BatchRecord batch, BatchProof proof, CancellationToken cancellation) =>
            Task.FromResult<Hash256?>(Core.Crypto.Keccak256.Hash(proof.Proof));
    }

    private sealed class GatedProver : IBatchProver
    {
        public readonly TaskCompletionSource Release = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public async Task<BatchProof> ProveAsync(BatchRecord batch, byte[] batchData, CancellationToken cancellation)
        {
            await Release.Task.WaitAsync(cancellation);
            return new BatchProof([1, 2, 3, (byte)batch.Number]);
        }
    }

    [Fact]
    public async Task Committed_then_finalized_only_with_a_proof()
    {
        var prover = new GatedProver();
        await using var node = await TestNode.Start(c => c with { Batches = new BatchPolicy { MaxBlocks = 1, MaxAgeSeconds = 0 } },
            prover: prover, submitter: new FakeSubmitter());
        await MineTransfers(node, 0, 1);
        await Wait.Until(async () => await node.Rpc.BatchStatus(1) == "committed");
        var committed = await node.Rpc.Call("rollup_getBatch", "0x1");
        Assert.False(committed.GetProperty("proven").GetBoolean());
        Assert.NotEqual(JsonValueKind.Null, committed.GetProperty("commitTxHash").ValueKind);
        Assert.Equal("0x1", (await node.Rpc.Call("eth_getBlockByNumber", "safe", false)).GetProperty("number").GetString());
        Assert.Equal("0x0", (await node.Rpc.Call("eth_getBlockByNumber", "finalized", false)).GetProperty("number").GetString());

        prover.Release.SetResult();
        await Wait.Until(async () => await node.Rpc.BatchStatus(1) == "finalized");
        var finalized = await node.Rpc.Call("rollup_getBatch", "0x1");
        Assert.True(finalized.GetProperty("proven").GetBoolean());
        Assert.NotEqual(JsonValueKind.Null, finalized.GetProperty("finalizeTxHash").ValueKind);
        Assert.Equal("0x1", (await node.Rpc.Call("eth_getBlockByNumber", "finalized", false)).GetProperty("number").GetString());
    }
}
