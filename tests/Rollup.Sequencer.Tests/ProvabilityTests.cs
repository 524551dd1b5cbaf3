using Microsoft.Extensions.Logging.Abstractions;
using Rollup.Core.Numerics;
using Rollup.Core.Types;
using Rollup.Evm.Bytecode;
using Rollup.Evm.Instructions;
using Rollup.Proving;
using Rollup.Sequencer.Chain;
using Rollup.Sequencer.Node;
using Rollup.Sequencer.Tests.Support;

namespace Rollup.Sequencer.Tests;

/// <summary>Transactions and batches the prover cannot prove (a contract that runs KECCAK256, which no gadget proves:
/// it needs a Keccak circuit): with exclude-unprovable the node refuses them at the door, naming the opcode; without it, a batch
/// holding one is refused by the real prover once, recorded on the batch and not retried.</summary>
public sealed class ProvabilityTests
{
    private static readonly Address Hasher = Address.Parse("0x00000000000000000000000000000000005707e1");
    /// <summary>KECCAK256 of one byte of memory, at pc 4.</summary>
    private static readonly byte[] HasherCode = new BytecodeBuilder().Push(1).Push(1).Op(Opcode.KECCAK256).Op(Opcode.STOP).Build();

    private static NodeConfig WithHasherContract(NodeConfig c)
    {
        c.Genesis.Alloc[Hasher] = new GenesisAccount(UInt256.Zero, 1, HasherCode);
        return c with { Batches = c.Batches with { MaxBlocks = 1 } };
    }

    [Fact]
    public async Task Exclude_unprovable_refuses_a_transaction_with_an_opcode_without_gadget_and_admits_a_transfer()
    {
        await using var node = await TestNode.Start(c => WithHasherContract(c) with { ExecutionSupport = new GadgetSupport() });
        var send = await Assert.ThrowsAsync<RpcError>(() => node.Rpc.Call("eth_sendRawTransaction", Txs.Raw(Txs.Transfer(TestNode.Keys[0], 0, Hasher, 0, gas: 100_000))));
        Assert.Contains("unprovable: opcode KECCAK256 at pc 4 has no gadget yet", send.Message);
        Assert.Contains("-32000", send.Message);
        var estimate = await Assert.ThrowsAsync<RpcError>(() => node.Rpc.Call("eth_estimateGas",
            new Dictionary<string, string> { ["from"] = Txs.Addr(0).ToString(), ["to"] = Hasher.ToString() }));
        Assert.Contains("unprovable: opcode KECCAK256", estimate.Message);
        // A plain transfer is provable and goes through.
        await node.Rpc.Call("eth_sendRawTransaction", Txs.Raw(Txs.Transfer(TestNode.Keys[0], 0, Txs.Addr(1), 5)));
    }

    [Fact]
    public async Task The_prover_refuses_a_batch_with_an_opcode_without_gadget_once_and_records_why()
    {
        var options = new ProverOptions();
        int proofs = 0;
        await using var node = await TestNode.Start(WithHasherContract, proverFactory: (chain, state) =>
            new CountingProver(new BatchProver(chain, state, TestNode.ChainId, options, NullLogger.Instance), () => proofs++));
        var tx = Txs.Transfer(TestNode.Keys[0], 0, Hasher, 0, gas: 100_000);
        await node.Rpc.Call("eth_sendRawTransaction", Txs.Raw(tx));
        string? error = null;
        await Wait.Until(async () =>
        {
            var b = await node.Rpc.Call("rollup_getBatch", "0x1");
            error = b.ValueKind == System.Text.Json.JsonValueKind.Object && b.GetProperty("proofError").ValueKind == System.Text.Json.JsonValueKind.String
                ? b.GetProperty("proofError").GetString() : null;
            return error is not null;
        }, 10 * 60_000);
        Assert.Contains($"transaction {tx.Hash} (block 1)", error);
        Assert.Contains("opcode KECCAK256 at pc 4 has no gadget yet", error);
        var batch = await node.Rpc.Call("rollup_getBatch", "0x1");
        Assert.False(batch.GetProperty("proven").GetBoolean());
        await Task.Delay(1500);
        Assert.Equal(1, proofs);  // not retried
    }

    private sealed class CountingProver(Rollup.Sequencer.Batches.IBatchProver inner, Action counted) : Rollup.Sequencer.Batches.IBatchProver
    {
        public Task<Rollup.Sequencer.Batches.BatchProof> ProveAsync(Rollup.Sequencer.Batches.BatchRecord batch, byte[] batchData, CancellationToken cancellation)
        {
            counted();
            return inner.ProveAsync(batch, batchData, cancellation);
        }
    }
}
