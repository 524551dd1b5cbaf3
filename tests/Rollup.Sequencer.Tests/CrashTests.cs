using System.Collections.Concurrent;
using System.Text.Json;
using Rollup.Core.Numerics;
using Rollup.Sequencer.Tests.Support;
using Xunit.Abstractions;

namespace Rollup.Sequencer.Tests;

/// <summary>The node process is killed with SIGKILL in the middle of a load; after a restart every transaction whose
/// hash a client was given is in a block or in the pool (and then gets mined), and every block seen before the crash
/// still has the same state root.</summary>
public sealed class CrashTests(ITestOutputHelper output)
{
    private const int Senders = 6;

    [Fact]
    public async Task Killed_node_loses_no_acknowledged_transaction()
    {
        var dir = TestNode.NewDataDir();
        try
        {
            // Blocks every 500 ms, so at the kill some transactions are mined and others still wait in the pool.
            string[] args = ["--dev", "--data-dir", dir, "--port", "0", "--block-time", "0.5", "--log-level", "warning"];
            var acknowledged = new ConcurrentBag<string>();
            var gapped = new List<string>();
            var roots = new ConcurrentDictionary<ulong, string>();
            var (first, url) = await NodeProcess.Start(args);
            using (first)
            {
                using var rpc = new RpcClient(url);
                // One transaction per sender behind a nonce gap: it must still wait in the pool after the restart.
                for (int i = 0; i < Senders; i++)
                    gapped.Add(await rpc.CallString("eth_sendRawTransaction", Txs.Raw(Txs.Transfer(TestNode.Keys[i], 1_000_000, Txs.Addr(9), 1))));
                using var stopLoad = new CancellationTokenSource();
                var load = Enumerable.Range(0, Senders).Select(i => Task.Run(() => Load(url, i, acknowledged, stopLoad.Token))).ToList();
                var monitor = Task.Run(() => WatchRoots(url, roots, stopLoad.Token));
                await Wait.Until(() => Task.FromResult(acknowledged.Count >= 300 && roots.Count >= 3), 60_000);
                first.Kill(); // mid-load: requests are in flight
                await stopLoad.CancelAsync();
                await Task.WhenAll(load);
                await monitor;
            }
            Assert.True(acknowledged.Count >= 300);

            var (second, url2) = await NodeProcess.Start(args);
            using (second)
            {
                using var rpc = new RpcClient(url2);
                foreach (var (number, root) in roots)
                    Assert.Equal(root, (await rpc.Call("eth_getBlockByNumber", $"0x{number:x}", false)).GetProperty("stateRoot").GetString());
                int pending = 0;
                foreach (var hash in acknowledged)
                {
                    var tx = await rpc.Call("eth_getTransactionByHash", hash);
                    Assert.NotEqual(JsonValueKind.Null, tx.ValueKind);
                    if (tx.GetProperty("blockNumber").ValueKind == JsonValueKind.Null) pending++;
                }
                foreach (var hash in gapped)
                    Assert.Equal(JsonValueKind.Null, (await rpc.Call("eth_getTransactionByHash", hash)).GetProperty("blockNumber").ValueKind);
                output.WriteLine($"{acknowledged.Count} acknowledged, {pending} back in the pool after the restart, {roots.Count} block roots compared");
                // Those restored to the pool get mined after the restart.
                await Wait.Until(async () =>
                {
                    foreach (var hash in acknowledged)
                        if ((await rpc.Call("eth_getTransactionReceipt", hash)).ValueKind == JsonValueKind.Null) return false;
                    return true;
                }, 60_000);
            }
        }
        finally
        {
            try { Directory.Delete(dir, true); } catch (IOException) { }
        }
    }

    /// <summary>One sender's stream of transfers, nonce after nonce, until the node dies or the test stops it.</summary>
    private static async Task Load(Uri url, int sender, ConcurrentBag<string> acknowledged, CancellationToken stop)
    {
        using var rpc = new RpcClient(url);
        var key = TestNode.Keys[sender];
        for (ulong nonce = 0; !stop.IsCancellationRequested; nonce++)
        {
            var tx = Txs.Transfer(key, nonce, Txs.Addr((sender + 1) % 10), new UInt256(nonce + 1));
            try
            {
                acknowledged.Add(await rpc.CallString("eth_sendRawTransaction", Txs.Raw(tx)));
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException or RpcError)
            {
                return; // the node was killed
            }
        }
    }

    private static async Task WatchRoots(Uri url, ConcurrentDictionary<ulong, string> roots, CancellationToken stop)
    {
        using var rpc = new RpcClient(url);
        while (!stop.IsCancellationRequested)
        {
            try
            {
                var block = await rpc.Call("eth_getBlockByNumber", "latest", false);
                roots[Convert.ToUInt64(block.GetProperty("number").GetString()![2..], 16)] = block.GetProperty("stateRoot").GetString()!;
                await Task.Delay(50, CancellationToken.None);
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException or RpcError)
            {
                return;
            }
        }
    }
}
