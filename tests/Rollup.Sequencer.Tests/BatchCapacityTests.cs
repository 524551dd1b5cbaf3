using Microsoft.Extensions.Logging.Abstractions;
using Rollup.Core.Numerics;
using Rollup.Core.Types;
using Rollup.Proving;
using Rollup.Sequencer.Tests.Support;
using Xunit.Abstractions;

namespace Rollup.Sequencer.Tests;

/// <summary>The sealer keeps batches within the prover's circuit (<see cref="Batches.IBatchCapacity"/>): with every
/// policy limit off, a stream of transfers larger than one batch circuit holds is cut into batches that each fit —
/// and each is proven — and each cut was needed (the batch plus the next block would not fit).</summary>
public sealed class BatchCapacityTests(ITestOutputHelper output)
{
    // 2^12 rows hold 255 steps; a transfer is 3 (begin, transfer, end): 120 transfers need at least two batches.
    private const int Senders = 6, PerSender = 20;

    /// <summary>Sends 120 transfers (20 from each of six dev accounts) as fast as the node takes them; waits for their
    /// receipts.</summary>
    private static async Task SendTransfersAndWait(TestNode node)
    {
        var hashes = new List<string>();
        for (ulong nonce = 0; nonce < PerSender; nonce++)
            for (int s = 0; s < Senders; s++)
            {
                var tx = Txs.Transfer(TestNode.Keys[s], nonce, Txs.Addr(Senders + s % 2), 1_000 + nonce);
                hashes.Add(tx.Hash.ToString());
                await node.Rpc.Call("eth_sendRawTransaction", Txs.Raw(tx));
            }
        foreach (var hash in hashes)
            await Wait.Until(async () => (await node.Rpc.Call("eth_getTransactionReceipt", hash)).ValueKind == System.Text.Json.JsonValueKind.Object, 60_000);
    }

    [Fact]
    public async Task Batches_are_sealed_at_the_circuit_capacity_and_each_one_proves()
    {
        var options = new ProverOptions { K = BatchCircuit.DefaultK };
        BatchProver? prover = null;
        await using var node = await TestNode.Start(
            c => c with { Batches = new Batches.BatchPolicy { MaxBlocks = 0, MaxGas = 0, MaxBytes = 0, MaxAgeSeconds = 0 } },
            proverFactory: (chain, state) => prover = new BatchProver(chain, state, TestNode.ChainId, options, NullLogger.Instance));
        await SendTransfersAndWait(node);

        var context = node.Node.Context;
        var sealedBatches = new List<Batches.BatchRecord>();
        for (ulong n = 1; context.Batches.Get(n) is { } b; n++) sealedBatches.Add(b);
        Assert.NotEmpty(sealedBatches);
        foreach (var batch in sealedBatches)
        {
            output.WriteLine($"batch {batch.Number}: blocks {batch.FirstBlock}..{batch.LastBlock}, {batch.TransactionCount} transfers");
            Assert.Null(prover!.Overflow(batch.FirstBlock, batch.LastBlock));
            Assert.NotNull(prover.Overflow(batch.FirstBlock, batch.LastBlock + 1));
        }
        // Everything sealed so far is proven on the 2^12 circuit, none refused.
        await Wait.Until(() => Task.FromResult(sealedBatches.All(b => context.Batches.Get(b.Number) is { Proven: true })), 10 * 60_000);
        Assert.All(sealedBatches, b => Assert.Null(context.Batches.Get(b.Number)!.ProofError));
    }

    [Fact]
    public async Task A_block_holds_no_more_than_one_batch_circuit_and_the_rest_wait_for_the_next()
    {
        var options = new ProverOptions { K = BatchCircuit.DefaultK };
        BatchProver? prover = null;
        // Blocks every 4 s, so all 120 transfers arrive while one block is open.
        await using var node = await TestNode.Start(
            c => c with
            {
                Batches = new Batches.BatchPolicy { MaxBlocks = 1, MaxGas = 0, MaxBytes = 0, MaxAgeSeconds = 0 },
                Producer = c.Producer with { BlockTime = TimeSpan.FromSeconds(4) },
            },
            proverFactory: (chain, state) => prover = new BatchProver(chain, state, TestNode.ChainId, options, NullLogger.Instance));
        await SendTransfersAndWait(node);

        var chain = node.Node.Context.Chain;
        var sizes = new List<int>();
        for (ulong n = 1; n <= chain.Head!.Number; n++)
        {
            var block = chain.GetBlock(n)!;
            if (block.Transactions.Count == 0) continue;
            sizes.Add(block.Transactions.Count);
            Assert.Null(prover!.Overflow(n, n));
        }
        output.WriteLine($"transactions per block: {string.Join(", ", sizes)}");
        Assert.Equal(Senders * PerSender, sizes.Sum());
        // At least one block was cut at the capacity: it holds the most a 2^12 circuit can (one more would not fit).
        Assert.Contains(sizes, count => count >= 80);
        Assert.True(sizes.Count >= 2);
    }

    // A loop of 100 rounds of 7 steps (JUMPDEST, PUSH1, SWAP1, SUB, DUP1, PUSH1, JUMPI): every opcode has a gadget, but
    // 700 steps do not fit the 255 of a 2^12 circuit.
    private static readonly Address Loop = Address.Parse("0x000000000000000000000000000000000000100b");
    private static readonly byte[] LoopCode = Convert.FromHexString("6100645b600190038060035700");

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_transaction_too_big_for_any_batch_is_refused_at_admission_or_dropped_by_the_producer(bool excludeUnprovable)
    {
        var options = new ProverOptions { K = BatchCircuit.DefaultK };
        await using var node = await TestNode.Start(
            c =>
            {
                c.Genesis.Alloc[Loop] = new Chain.GenesisAccount(UInt256.Zero, 1, LoopCode);
                return c with { ExecutionSupport = excludeUnprovable ? new GadgetSupport() : null, Batches = c.Batches with { MaxBlocks = 1 } };
            },
            proverFactory: (chain, state) => new BatchProver(chain, state, TestNode.ChainId, options, NullLogger.Instance));
        var loop = Txs.Transfer(TestNode.Keys[0], 0, Loop, 0, gas: 200_000);
        var transfer = Txs.Transfer(TestNode.Keys[1], 0, Txs.Addr(2), 5);
        if (excludeUnprovable)
        {
            var refused = await Assert.ThrowsAsync<RpcError>(() => node.Rpc.Call("eth_sendRawTransaction", Txs.Raw(loop)));
            Assert.Contains("unprovable: the transaction alone needs more than the prover's batch circuit holds", refused.Message);
            Assert.Contains("the batch circuit has 2^12", refused.Message);
        }
        else
        {
            await node.Rpc.Call("eth_sendRawTransaction", Txs.Raw(loop));
        }
        await node.Rpc.Call("eth_sendRawTransaction", Txs.Raw(transfer));
        await Wait.Until(async () => (await node.Rpc.Call("eth_getTransactionReceipt", transfer.Hash.ToString())).ValueKind == System.Text.Json.JsonValueKind.Object, 60_000);
        // The loop is in no block and no longer pending: the next batch would otherwise be unprovable for good.
        await Wait.Until(async () => (await node.Rpc.Call("eth_getTransactionByHash", loop.Hash.ToString())).ValueKind == System.Text.Json.JsonValueKind.Null, 30_000);
        Assert.Equal(System.Text.Json.JsonValueKind.Null, (await node.Rpc.Call("eth_getTransactionReceipt", loop.Hash.ToString())).ValueKind);
        // What is sealed proves.
        var context = node.Node.Context;
        await Wait.Until(() => Task.FromResult(context.Batches.Get(1) is { Proven: true }), 10 * 60_000);
        Assert.Null(context.Batches.Get(1)!.ProofError);
    }
}
