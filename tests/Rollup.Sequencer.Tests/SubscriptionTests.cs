using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using Rollup.Sequencer.Tests.Support;

namespace Rollup.Sequencer.Tests;

/// <summary>eth_subscribe over WebSocket: newPendingTransactions, newHeads and logs notifications, plain calls on the
/// same socket, and eth_unsubscribe.</summary>
public sealed class SubscriptionTests
{
    private static async Task Send(ClientWebSocket ws, string json) =>
        await ws.SendAsync(Encoding.UTF8.GetBytes(json), WebSocketMessageType.Text, true, CancellationToken.None);

    private static async Task<JsonElement> Receive(ClientWebSocket ws)
    {
        var buffer = new byte[1 << 16];
        using var timeout = new CancellationTokenSource(20_000);
        var text = new StringBuilder();
        WebSocketReceiveResult r;
        do
        {
            r = await ws.ReceiveAsync(buffer, timeout.Token);
            text.Append(Encoding.UTF8.GetString(buffer, 0, r.Count));
        } while (!r.EndOfMessage);
        return JsonDocument.Parse(text.ToString()).RootElement.Clone();
    }

    [Fact]
    public async Task Pending_heads_and_logs_are_pushed()
    {
        await using var node = await TestNode.Start();
        using var ws = new ClientWebSocket();
        await ws.ConnectAsync(node.WebSocketUrl, CancellationToken.None);

        await Send(ws, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"eth_chainId\"}");
        Assert.Equal("0x385", (await Receive(ws)).GetProperty("result").GetString());

        var ids = new Dictionary<string, string>();
        foreach (var (id, kind) in new[] { (2, "\"newPendingTransactions\""), (3, "\"newHeads\""), (4, "\"logs\",{}") })
        {
            await Send(ws, $"{{\"jsonrpc\":\"2.0\",\"id\":{id},\"method\":\"eth_subscribe\",\"params\":[{kind}]}}");
            ids[(await Receive(ws)).GetProperty("result").GetString()!] = kind.Split('"')[1];
        }

        // A contract creation whose code logs once: LOG0 from empty memory, then stop (initcode: PUSH0 PUSH0 LOG0 STOP).
        var tx = Txs.Create(TestNode.Keys[0], 0, [0x5f, 0x5f, 0xa0, 0x00], gas: 100_000);
        await node.Rpc.Call("eth_sendRawTransaction", Txs.Raw(tx));
        var seen = new Dictionary<string, JsonElement>();
        while (seen.Count < 3)
        {
            var message = await Receive(ws);
            Assert.Equal("eth_subscription", message.GetProperty("method").GetString());
            var p = message.GetProperty("params");
            seen[ids[p.GetProperty("subscription").GetString()!]] = p.GetProperty("result");
        }
        Assert.Equal(tx.Hash.ToString(), seen["newPendingTransactions"].GetString());
        Assert.Equal("0x1", seen["newHeads"].GetProperty("number").GetString());
        Assert.Equal(tx.Hash.ToString(), seen["logs"].GetProperty("transactionHash").GetString());

        var sub = ids.First(kv => kv.Value == "newHeads").Key;
        await Send(ws, $"{{\"jsonrpc\":\"2.0\",\"id\":5,\"method\":\"eth_unsubscribe\",\"params\":[\"{sub}\"]}}");
        Assert.True((await Receive(ws)).GetProperty("result").GetBoolean());
        await ws.CloseAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
    }

    [Fact]
    public async Task Oversized_websocket_message_gets_an_error()
    {
        await using var node = await TestNode.Start(c => c with { Rpc = c.Rpc with { MaxRequestBytes = 1024 } });
        using var ws = new ClientWebSocket();
        await ws.ConnectAsync(node.WebSocketUrl, CancellationToken.None);
        await Send(ws, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"web3_sha3\",\"params\":[\"0x" + new string('1', 4000) + "\"]}");
        var error = (await Receive(ws)).GetProperty("error");
        Assert.Equal(-32600, error.GetProperty("code").GetInt32());
        Assert.Equal("0x385", await node.Rpc.CallString("eth_chainId"));
    }
}
