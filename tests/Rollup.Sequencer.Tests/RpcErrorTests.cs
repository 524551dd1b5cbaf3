using System.Text.Json;
using Rollup.Core.Encoding;
using Rollup.Core.Numerics;
using Rollup.Core.Transactions;
using Rollup.Sequencer.Tests.Support;

namespace Rollup.Sequencer.Tests;

/// <summary>Bad input of every kind gets a clear JSON-RPC error with geth's code and wording, and the node keeps
/// serving: after each case a normal call still answers.</summary>
public sealed class RpcErrorTests : IAsyncLifetime
{
    private TestNode _node = null!;

    public async Task InitializeAsync() => _node = await TestNode.Start(c => c with { Rpc = c.Rpc with { MaxRequestBytes = 400 * 1024, MaxBatchSize = 5 } });
    public async Task DisposeAsync() => await _node.DisposeAsync();

    private async Task<JsonElement> PostError(string body, int expectedStatus = 200)
    {
        var (status, json) = await _node.Rpc.Post(body);
        Assert.Equal(expectedStatus, status);
        Assert.Equal("2.0", json!.Value.GetProperty("jsonrpc").GetString());
        var error = json.Value.GetProperty("error");
        await StillServing();
        return error;
    }

    private async Task StillServing() => Assert.Equal("0x385", await _node.Rpc.CallString("eth_chainId"));

    private async Task<RpcError> SendError(string rawHex)
    {
        var e = await Assert.ThrowsAsync<RpcError>(() => _node.Rpc.Call("eth_sendRawTransaction", rawHex));
        await StillServing();
        return e;
    }

    [Fact]
    public async Task Malformed_json_is_a_parse_error()
    {
        var error = await PostError("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":");
        Assert.Equal(-32700, error.GetProperty("code").GetInt32());
        Assert.StartsWith("parse error", error.GetProperty("message").GetString());
    }

    [Fact]
    public async Task Unknown_method_is_method_not_found()
    {
        var error = await PostError("{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"eth_nope\",\"params\":[]}");
        Assert.Equal(-32601, error.GetProperty("code").GetInt32());
        Assert.Equal("the method eth_nope does not exist/is not available", error.GetProperty("message").GetString());
    }

    [Fact]
    public async Task Request_without_method_is_invalid()
    {
        var error = await PostError("{\"jsonrpc\":\"2.0\",\"id\":1}");
        Assert.Equal(-32600, error.GetProperty("code").GetInt32());
        error = await PostError("{\"jsonrpc\":\"1.0\",\"id\":1,\"method\":\"eth_chainId\"}");
        Assert.Equal(-32600, error.GetProperty("code").GetInt32());
    }

    [Theory]
    [InlineData("eth_getBalance", "[\"0x1234\", \"latest\"]", "invalid argument 0: hex string has length 4, want 40 for common.Address")]
    [InlineData("eth_getBalance", "[]", "missing value for required argument 0")]
    [InlineData("eth_getBalance", "[\"0x0000000000000000000000000000000000000000\", \"latest\", 3]", "too many arguments, want at most 2")]
    [InlineData("eth_getBlockByNumber", "[\"0x01\", false]", "invalid argument 0: hex number with leading zero digits")]
    [InlineData("eth_getBlockByNumber", "[\"1\", false]", "invalid argument 0: hex string without 0x prefix")]
    [InlineData("eth_getBlockByNumber", "[\"latest\", \"yes\"]", "invalid argument 1: json: cannot unmarshal string into Go value of type bool")]
    [InlineData("eth_getTransactionByHash", "[42]", "invalid argument 0: json: cannot unmarshal number into Go value of type string")]
    [InlineData("eth_chainId", "{\"a\":1}", "non-array args")]
    public async Task Wrong_parameters_are_invalid_params(string method, string parameters, string message)
    {
        var error = await PostError($"{{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"{method}\",\"params\":{parameters}}}");
        Assert.Equal(-32602, error.GetProperty("code").GetInt32());
        Assert.Equal(message, error.GetProperty("message").GetString());
    }

    [Fact]
    public async Task Malformed_rlp_is_rejected()
    {
        var e = await SendError("0xf86c0a8502540be400825208");
        Assert.Equal(-32000, e.Code);
        Assert.StartsWith("rlp:", e.RpcMessage);
        e = await SendError("0x");
        Assert.StartsWith("rlp:", e.RpcMessage);
    }

    [Fact]
    public async Task Bad_signature_is_invalid_sender()
    {
        var tx = Txs.Transfer(TestNode.Keys[0], 0, Txs.Addr(1), 1);
        var forged = new Transaction
        {
            Type = tx.Type, ChainId = tx.ChainId, Nonce = tx.Nonce, MaxFeePerGas = tx.MaxFeePerGas, MaxPriorityFeePerGas = tx.MaxPriorityFeePerGas,
            GasLimit = tx.GasLimit, To = tx.To, Value = tx.Value, V = tx.V, R = tx.R, S = UInt256.Zero,
        };
        var e = await SendError(Txs.Raw(forged));
        Assert.Equal(-32000, e.Code);
        Assert.StartsWith("invalid sender", e.RpcMessage);
    }

    [Fact]
    public async Task Wrong_chain_id_is_rejected()
    {
        var e = await SendError(Txs.Raw(Txs.Transfer(TestNode.Keys[0], 0, Txs.Addr(1), 1, chainId: 1)));
        Assert.Equal(-32000, e.Code);
        Assert.Equal("invalid sender: invalid chain id for signer: have 1 want 901", e.RpcMessage);
    }

    [Fact]
    public async Task Nonce_too_low_is_rejected()
    {
        var key = TestNode.Keys[2];
        await _node.Rpc.Call("eth_sendRawTransaction", Txs.Raw(Txs.Transfer(key, 0, Txs.Addr(1), 1)));
        await Wait.Until(async () => await _node.Rpc.CallNumber("eth_getTransactionCount", key.Address.ToString(), "latest") == 1);
        var e = await SendError(Txs.Raw(Txs.Transfer(key, 0, Txs.Addr(1), 2)));
        Assert.Equal(-32000, e.Code);
        Assert.Equal("nonce too low: next nonce 1, tx nonce 0", e.RpcMessage);
    }

    [Fact]
    public async Task Fee_too_low_is_underpriced()
    {
        var e = await SendError(Txs.Raw(Txs.Transfer(TestNode.Keys[3], 0, Txs.Addr(1), 1, feeCap: 7, tip: 1)));
        Assert.Equal(-32000, e.Code);
        Assert.StartsWith("transaction underpriced: gas fee cap 7, minimum needed ", e.RpcMessage);
    }

    [Fact]
    public async Task Insufficient_funds_is_rejected()
    {
        var e = await SendError(Txs.Raw(Txs.Transfer(TestNode.Keys[3], 0, Txs.Addr(1), UInt256.Parse("100000000000000000000000"))));
        Assert.StartsWith("insufficient funds for gas * price + value", e.RpcMessage);
    }

    [Fact]
    public async Task Oversized_transaction_is_rejected()
    {
        var tx = Txs.Transfer(TestNode.Keys[4], 0, Txs.Addr(1), 0, gas: 5_000_000, data: new byte[130 * 1024]);
        var e = await SendError(Txs.Raw(tx));
        Assert.Equal(-32000, e.Code);
        Assert.StartsWith("oversized data: transaction size ", e.RpcMessage);
        Assert.EndsWith(", limit 131072", e.RpcMessage);
    }

    [Fact]
    public async Task Oversized_request_is_refused_with_413()
    {
        var body = $"{{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"eth_sendRawTransaction\",\"params\":[\"0x{new string('a', 500 * 1024)}\"]}}";
        var error = await PostError(body, 413);
        Assert.Equal(-32600, error.GetProperty("code").GetInt32());
        Assert.StartsWith("content length too large", error.GetProperty("message").GetString());
    }

    [Fact]
    public async Task Batches_answer_each_call_and_are_bounded()
    {
        var (_, json) = await _node.Rpc.Post("[{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"eth_chainId\"},{\"jsonrpc\":\"2.0\",\"method\":\"eth_chainId\"},"
            + "{\"jsonrpc\":\"2.0\",\"id\":\"b\",\"method\":\"nope\"},42]");
        var items = json!.Value.EnumerateArray().ToList();
        Assert.Equal(3, items.Count); // the notification gets no answer
        Assert.Equal("0x385", items[0].GetProperty("result").GetString());
        Assert.Equal("b", items[1].GetProperty("id").GetString());
        Assert.Equal(-32601, items[1].GetProperty("error").GetProperty("code").GetInt32());
        Assert.Equal(-32600, items[2].GetProperty("error").GetProperty("code").GetInt32());

        var error = await PostError("[]");
        Assert.Equal("empty batch", error.GetProperty("message").GetString());
        error = await PostError("[" + string.Join(",", Enumerable.Repeat("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"eth_chainId\"}", 6)) + "]");
        Assert.Equal("batch too large", error.GetProperty("message").GetString());
    }

    [Fact]
    public async Task Notification_gets_no_response()
    {
        var (status, json) = await _node.Rpc.Post("{\"jsonrpc\":\"2.0\",\"method\":\"eth_chainId\"}");
        Assert.Equal(200, status);
        Assert.Null(json);
    }

    [Fact]
    public async Task Subscriptions_need_a_websocket()
    {
        var e = await Assert.ThrowsAsync<RpcError>(() => _node.Rpc.Call("eth_subscribe", "newHeads"));
        Assert.Equal(-32001, e.Code);
        Assert.Equal("notifications not supported", e.RpcMessage);
    }

    [Fact]
    public async Task Replacement_needs_a_fee_bump()
    {
        var key = TestNode.Keys[5];
        // A future nonce waits in the queue, so it can be replaced before any block takes it.
        await _node.Rpc.Call("eth_sendRawTransaction", Txs.Raw(Txs.Transfer(key, 5, Txs.Addr(1), 1, feeCap: 100 * Txs.Gwei, tip: 10 * Txs.Gwei)));
        var e = await SendError(Txs.Raw(Txs.Transfer(key, 5, Txs.Addr(1), 2, feeCap: 109 * Txs.Gwei, tip: 11 * Txs.Gwei)));
        Assert.Equal("replacement transaction underpriced", e.RpcMessage);
        await _node.Rpc.Call("eth_sendRawTransaction", Txs.Raw(Txs.Transfer(key, 5, Txs.Addr(1), 3, feeCap: 110 * Txs.Gwei, tip: 11 * Txs.Gwei)));
        e = await SendError(Txs.Raw(Txs.Transfer(key, 5, Txs.Addr(1), 3, feeCap: 110 * Txs.Gwei, tip: 11 * Txs.Gwei)));
        Assert.Equal("already known", e.RpcMessage);
    }
}
