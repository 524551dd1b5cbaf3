using Rollup.Sequencer.Tests.Support;

namespace Rollup.Sequencer.Tests;

/// <summary>A node stopped and reopened on the same data directory resumes at the same head with the same state
/// roots, and transactions still waiting in the pool come back from the journal.</summary>
public sealed class RestartTests
{
    [Fact]
    public async Task Reopened_node_has_the_same_chain_and_pool()
    {
        var dir = TestNode.NewDataDir();
        try
        {
            var roots = new List<string>();
            string queuedHash;
            await using (var node = await TestNode.Start(dataDir: dir))
            {
                for (ulong i = 0; i < 5; i++)
                    await node.Rpc.Call("eth_sendRawTransaction", Txs.Raw(Txs.Transfer(TestNode.Keys[0], i, Txs.Addr(1), 1000 + i)));
                await Wait.Until(async () => await node.Rpc.CallNumber("eth_getTransactionCount", Txs.Addr(0).ToString(), "latest") == 5);
                // A gap: nonce 7 waits in the queue across the restart.
                queuedHash = await node.Rpc.CallString("eth_sendRawTransaction", Txs.Raw(Txs.Transfer(TestNode.Keys[0], 7, Txs.Addr(1), 1)));
                ulong head = await node.Rpc.CallNumber("eth_blockNumber");
                for (ulong n = 0; n <= head; n++)
                    roots.Add((await node.Rpc.Call("eth_getBlockByNumber", $"0x{n:x}", false)).GetProperty("stateRoot").GetString()!);
            }
            await using (var node = await TestNode.Start(dataDir: dir))
            {
                Assert.Equal((ulong)roots.Count - 1, await node.Rpc.CallNumber("eth_blockNumber"));
                for (int n = 0; n < roots.Count; n++)
                    Assert.Equal(roots[n], (await node.Rpc.Call("eth_getBlockByNumber", $"0x{n:x}", false)).GetProperty("stateRoot").GetString());
                var pending = await node.Rpc.Call("eth_getTransactionByHash", queuedHash);
                Assert.Equal(System.Text.Json.JsonValueKind.Null, pending.GetProperty("blockNumber").ValueKind);
                // Filling the gap mines both.
                await node.Rpc.Call("eth_sendRawTransaction", Txs.Raw(Txs.Transfer(TestNode.Keys[0], 5, Txs.Addr(1), 1)));
                await node.Rpc.Call("eth_sendRawTransaction", Txs.Raw(Txs.Transfer(TestNode.Keys[0], 6, Txs.Addr(1), 1)));
                await Wait.Until(async () => await node.Rpc.CallNumber("eth_getTransactionCount", Txs.Addr(0).ToString(), "latest") == 8);
            }
        }
        finally
        {
            try { Directory.Delete(dir, true); } catch (IOException) { }
        }
    }
}
