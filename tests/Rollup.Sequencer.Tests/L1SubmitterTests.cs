using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using Rollup.Core.Crypto;
using Rollup.Core.Numerics;
using Rollup.Core.Types;
using Rollup.L1;
using Rollup.L1.Contracts;
using Rollup.L1.Deployment;
using Rollup.L1.Devnet;
using Rollup.L1.Rpc;
using Rollup.L1.Sending;
using Rollup.Sequencer.Batches;
using Rollup.Sequencer.L1;
using Rollup.Sequencer.Node;
using Rollup.Sequencer.Tests.Support;

namespace Rollup.Sequencer.Tests;

/// <summary>The node's batches on a real L1: anvil started by the test, the rollup contracts deployed with the same
/// code as `rollup l1 deploy`, batches committed by <see cref="RollupL1Submitter"/>, through restarts, role changes and an L1 outage. What the contract stores (its own
/// keccak of the calldata, its batch counter, its events) is compared with what the node reports.</summary>
public sealed class L1SubmitterTests : IAsyncLifetime
{
    private AnvilProcess _anvil = null!;
    private EthClient _client = null!;
    private readonly string _dataDir = TestNode.NewDataDir();

    private static string AnvilBinary => Path.Combine(JsTools.JsDir, "node_modules", "@foundry-rs", "anvil-linux-amd64", "bin", "anvil");

    public async Task InitializeAsync()
    {
        _anvil = await AnvilProcess.StartAsync(binary: AnvilBinary);
        _client = new EthClient(_anvil.Url);
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _anvil.DisposeAsync();
        try { Directory.Delete(_dataDir, true); } catch (IOException) { }
    }

    /// <summary>One block per batch, so each transaction makes a batch; L1 retries come fast.</summary>
    private static NodeConfig OneBlockBatches(NodeConfig c) =>
        c with { Batches = c.Batches with { MaxBlocks = 1 }, L1FirstRetryDelay = TimeSpan.FromMilliseconds(100) };

    private async Task<(RollupContract Rollup, TransactionSender Sequencer, DeploymentFile Deployment)> Deploy()
    {
        var key = PrivateKey.Generate();
        await _client.Rpc.CallAsync("anvil_setBalance", [key.Address.ToString(), Quantity.Of(Units.Ether(100))]);
        var sender = await TransactionSender.CreateAsync(_client, key);
        var genesis = SequencerNode.GenesisBlock(TestNode.Config(_dataDir, OneBlockBatches));
        var deployment = await RollupDeployer.DeployAsync(sender, new DeployOptions { GenesisStateRoot = genesis.Header.StateRoot, L2ChainId = TestNode.ChainId });
        return (new RollupContract(_client, Address.Parse(deployment.Rollup)), sender, deployment);
    }

    private static RollupL1Submitter Submitter(RollupContract rollup, TransactionSender sender, DeploymentFile d) =>
        new(rollup, sender, d.DeployedAtBlock, NullLogger.Instance);

    [Fact]
    public async Task Sealed_batches_are_committed_and_stay_unproven()
    {
        var (rollup, sequencer, deployment) = await Deploy();
        await using var node = await TestNode.Start(OneBlockBatches, _dataDir, submitter: Submitter(rollup, sequencer, deployment));
        for (ulong i = 0; i < 3; i++) await SendTransfer(node, 0, i);
        await Wait.Until(async () => await Status(node, 3) == "committed", 60_000);

        Assert.Equal(3UL, await rollup.LastCommittedBatchAsync());
        Assert.Equal(0UL, await rollup.LastFinalizedBatchAsync());
        var events = await rollup.Contract.GetEventsAsync("BatchCommitted", deployment.DeployedAtBlock);
        for (ulong n = 1; n <= 3; n++)
        {
            var batch = await node.Rpc.Call("rollup_getBatch", $"0x{n:x}");
            Assert.Equal("committed", batch.GetProperty("status").GetString());
            Assert.False(batch.GetProperty("proven").GetBoolean());
            Assert.Equal(JsonValueKind.Null, batch.GetProperty("finalizeTxHash").ValueKind);
            // The contract hashed the calldata itself: it must be the data hash the node computed for the batch.
            Assert.Equal(batch.GetProperty("dataHash").GetString(), (await rollup.DataHashAsync(n)).ToString());
            var commitTx = Hash256.Parse(batch.GetProperty("commitTxHash").GetString()!);
            var receipt = (await _client.GetTransactionReceiptAsync(commitTx))!;
            Assert.True(receipt.Succeeded);
            Assert.Single(events, e => e.Log.TransactionHash == commitTx && BatchCommitted.From(e.Event).Index == n);
        }
        // "safe" is the last block of the newest committed batch.
        Assert.Equal((await node.Rpc.Call("eth_getBlockByNumber", "0x3", false)).GetProperty("hash").GetString(),
            (await node.Rpc.Call("eth_getBlockByNumber", "safe", false)).GetProperty("hash").GetString());
    }

    [Fact]
    public async Task A_batch_committed_before_a_crash_is_not_committed_again()
    {
        var (rollup, sequencer, deployment) = await Deploy();
        byte[] firstData;
        await using (var sealOnly = await TestNode.Start(OneBlockBatches, _dataDir))
        {
            await SendTransfer(sealOnly, 0, 0);
            await SendTransfer(sealOnly, 0, 1);
            await Wait.Until(async () => await Status(sealOnly, 2) == "sealed");
            firstData = BatchSealer.DataOf(sealOnly.Node.Context.Chain, sealOnly.Node.Context.Batches.Get(1)!);
        }
        // The previous process sent commitBatch(1) and died before recording it.
        var receipt = await rollup.Contract.SendAsync(sequencer, "commitBatch", [1UL, await rollup.BatchHashAsync(0), firstData]);

        await using var node = await TestNode.Start(OneBlockBatches, _dataDir, submitter: Submitter(rollup, sequencer, deployment));
        await Wait.Until(async () => await Status(node, 2) == "committed", 60_000);
        var first = await node.Rpc.Call("rollup_getBatch", "0x1");
        Assert.Equal("committed", first.GetProperty("status").GetString());
        Assert.Equal(receipt.TransactionHash.ToString(), first.GetProperty("commitTxHash").GetString());
        Assert.Equal(2UL, await rollup.LastCommittedBatchAsync());
        var commits = await rollup.Contract.GetEventsAsync("BatchCommitted", deployment.DeployedAtBlock);
        // Batch 0 is the genesis, committed by the constructor; then each batch exactly once.
        Assert.Equal([0UL, 1UL, 2UL], commits.Select(e => BatchCommitted.From(e.Event).Index));
    }

    [Fact]
    public async Task Commits_are_retried_until_the_L1_accepts_them()
    {
        var (rollup, sequencer, deployment) = await Deploy();
        // The owner (the deployer here) takes the sequencer role away: commits fail until it is given back.
        await rollup.SetSequencerAsync(sequencer, sequencer.Address, false);
        await using var node = await TestNode.Start(OneBlockBatches, _dataDir, submitter: Submitter(rollup, sequencer, deployment));
        await SendTransfer(node, 0, 0);
        await Wait.Until(async () => await Status(node, 1) == "sealed");
        await Task.Delay(1000);   // several failed attempts
        Assert.Equal("sealed", await Status(node, 1));
        Assert.Equal(0UL, await rollup.LastCommittedBatchAsync());

        await rollup.SetSequencerAsync(sequencer, sequencer.Address, true);
        await Wait.Until(async () => await Status(node, 1) == "committed", 60_000);
        Assert.Equal(1UL, await rollup.LastCommittedBatchAsync());
    }

    [Fact]
    public async Task Commits_wait_out_an_L1_outage()
    {
        var (rollup, sequencer, deployment) = await Deploy();
        // Take the L1 down (keeping its chain), let a batch be sealed, then bring the same chain back on the same port.
        string chain = (await _client.Rpc.CallAsync("anvil_dumpState", [])).GetString()!;
        int port = _anvil.Port;
        await _anvil.DisposeAsync();
        await using var node = await TestNode.Start(OneBlockBatches, _dataDir, submitter: Submitter(rollup, sequencer, deployment));
        await SendTransfer(node, 0, 0);
        await Task.Delay(1500);   // connection refused, several times
        Assert.Equal("sealed", await Status(node, 1));

        _anvil = await AnvilProcess.StartAsync(port, binary: AnvilBinary);
        await _client.Rpc.CallAsync("anvil_loadState", [chain]);
        await Wait.Until(async () => await Status(node, 1) == "committed", 90_000);
        Assert.Equal(1UL, await rollup.LastCommittedBatchAsync());
        Assert.Equal((await node.Rpc.Call("rollup_getBatch", "0x1")).GetProperty("dataHash").GetString(), (await rollup.DataHashAsync(1)).ToString());
    }

    [Fact]
    public async Task An_external_L1_with_another_genesis_is_refused()
    {
        var (_, sequencer, deployment) = await Deploy();
        var other = TestNode.Config(_dataDir) with { Genesis = new Chain.Genesis { ChainId = TestNode.ChainId } };
        var genesis = SequencerNode.GenesisBlock(other);
        var error = await Assert.ThrowsAsync<L1Exception>(() => L1Connection.ConnectAsync(_anvil.Url, sequencer.Key, deployment,
            genesis.Header.StateRoot, TestNode.ChainId, NullLoggerFactory.Instance));
        Assert.Contains("genesis state root", error.Message);
        var notSequencer = await Assert.ThrowsAsync<L1Exception>(() => L1Connection.ConnectAsync(_anvil.Url, PrivateKey.Generate(), deployment,
            Hash256.Parse(deployment.GenesisStateRoot), TestNode.ChainId, NullLoggerFactory.Instance));
        Assert.Contains("is not a sequencer", notSequencer.Message);
    }

    private static async Task SendTransfer(TestNode node, int from, ulong nonce)
    {
        var tx = Txs.Transfer(TestNode.Keys[from], nonce, Txs.Addr(9), 1000);
        await node.Rpc.Call("eth_sendRawTransaction", Txs.Raw(tx));
        await Wait.Until(async () => (await node.Rpc.Call("eth_getTransactionReceipt", tx.Hash.ToString())).ValueKind != JsonValueKind.Null);
    }

    private static async Task<string?> Status(TestNode node, ulong batch) =>
        (await node.Rpc.Call("rollup_getBatch", $"0x{batch:x}")) is { ValueKind: JsonValueKind.Object } b ? b.GetProperty("status").GetString() : null;
}
