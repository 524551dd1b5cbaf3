using System.Text.Json;
using Rollup.Core.Encoding;
using Rollup.Core.Numerics;
using Rollup.Core.Types;
using Rollup.Evm.Execution;
using Rollup.Sequencer.Tests.Support;

namespace Rollup.Sequencer.Tests;

/// <summary>eth_call (reverts as error 3 with data, state overrides), eth_estimateGas, debug_traceTransaction (struct
/// logger and callTracer), eth_getLogs limits and eth_feeHistory, on the test ERC-20.</summary>
public sealed class CallAndTraceTests : IAsyncLifetime
{
    private TestNode _node = null!;
    private string _token = null!;
    private string _transferHash = null!;
    private static string Alice => Txs.Addr(0).ToString();
    private static string Bob => Txs.Addr(1).ToString();

    public async Task InitializeAsync()
    {
        _node = await TestNode.Start(c => c with { Rpc = c.Rpc with { MaxLogBlockRange = 2 } });
        var (_, bytecode) = await JsTools.TestToken();
        var ctor = Hex.Parse(bytecode).Concat(AbiString("T", "TKN", 1000)).ToArray();
        var deploy = Txs.Create(TestNode.Keys[0], 0, ctor);
        await _node.Rpc.Call("eth_sendRawTransaction", Txs.Raw(deploy));
        var receipt = await Receipt(deploy.Hash.ToString());
        _token = receipt.GetProperty("contractAddress").GetString()!;
        var transfer = Txs.Transfer(TestNode.Keys[0], 1, Address.Parse(_token), 0, gas: 100_000, data: TransferData(Txs.Addr(1), 5));
        _transferHash = await _node.Rpc.CallString("eth_sendRawTransaction", Txs.Raw(transfer));
        await Receipt(_transferHash);
    }

    public async Task DisposeAsync() => await _node.DisposeAsync();

    private async Task<JsonElement> Receipt(string hash)
    {
        JsonElement receipt = default;
        await Wait.Until(async () => (receipt = await _node.Rpc.Call("eth_getTransactionReceipt", hash)).ValueKind != JsonValueKind.Null);
        return receipt;
    }

    private static byte[] TransferData(Address to, ulong amount) =>
        [0xa9, 0x05, 0x9c, 0xbb, .. new byte[12], .. to.Bytes, .. new UInt256(amount).ToBigEndian()];

    /// <summary>ABI encoding of (string, string, uint256) for the constructor.</summary>
    private static byte[] AbiString(string a, string b, ulong n)
    {
        static byte[] Word(ulong v) => new UInt256(v).ToBigEndian();
        static byte[] Str(string s) { var bytes = System.Text.Encoding.UTF8.GetBytes(s); return [.. Word((ulong)bytes.Length), .. bytes, .. new byte[32 - bytes.Length]]; }
        var sa = Str(a);
        return [.. Word(96), .. Word(96 + (ulong)sa.Length), .. Word(n), .. sa, .. Str(b)];
    }

    private static string BalanceOfData(string owner) => "0x70a08231" + new string('0', 24) + owner[2..];

    [Fact]
    public async Task Call_returns_data_and_reverts_as_error_3()
    {
        var balance = await _node.Rpc.CallString("eth_call", new { to = _token, data = BalanceOfData(Bob) }, "latest");
        Assert.Equal(5UL, (ulong)UInt256.Parse(balance));

        var e = await Assert.ThrowsAsync<RpcError>(() => _node.Rpc.Call("eth_call",
            new { from = Bob, to = _token, data = Hex.ToHex(TransferData(Txs.Addr(0), 100)) }, "latest"));
        Assert.Equal(3, e.Code);
        Assert.Equal("execution reverted: insufficient balance", e.RpcMessage);
        Assert.StartsWith("0x08c379a0", e.ErrorData!.Value.GetString());

        var estimate = await Assert.ThrowsAsync<RpcError>(() => _node.Rpc.Call("eth_estimateGas",
            new { from = Bob, to = _token, data = Hex.ToHex(TransferData(Txs.Addr(0), 100)) }));
        Assert.Equal(3, estimate.Code);
        Assert.Equal("execution reverted: insufficient balance", estimate.RpcMessage);
    }

    [Fact]
    public async Task Call_at_an_older_block_sees_the_older_state()
    {
        var before = await _node.Rpc.CallString("eth_call", new { to = _token, data = BalanceOfData(Bob) }, "0x1");
        Assert.Equal(UInt256.Zero, UInt256.Parse(before));
    }

    [Fact]
    public async Task State_overrides_replace_balance_code_and_storage()
    {
        var stranger = "0x00000000000000000000000000000000000000aa";
        // Code that returns its own balance: SELFBALANCE PUSH0 MSTORE PUSH1 32 PUSH0 RETURN.
        var code = "0x475f5260205ff3";
        var result = await _node.Rpc.CallString("eth_call", new { to = stranger }, "latest",
            new Dictionary<string, object> { [stranger] = new { balance = "0x1234", code } });
        Assert.Equal(0x1234UL, (ulong)UInt256.Parse(result));

        // Bob's token balance lives in slot keccak(bob ‖ 3) (balanceOf is the 4th state variable); override it.
        var slot = Rollup.Core.Crypto.Keccak256.Hash([.. new byte[12], .. Txs.Addr(1).Bytes, .. new UInt256(3).ToBigEndian()]);
        var overridden = await _node.Rpc.CallString("eth_call", new { to = _token, data = BalanceOfData(Bob) }, "latest",
            new Dictionary<string, object> { [_token] = new { stateDiff = new Dictionary<string, string> { [slot.ToString()] = "0x" + new string('0', 62) + "63" } } });
        Assert.Equal(99UL, (ulong)UInt256.Parse(overridden));
    }

    [Fact]
    public async Task Estimate_gas_of_a_transfer_and_a_token_call()
    {
        Assert.Equal(21_000UL, await _node.Rpc.CallNumber("eth_estimateGas", new { from = Alice, to = Bob, value = "0x1" }));
        ulong estimate = await _node.Rpc.CallNumber("eth_estimateGas", new { from = Alice, to = _token, data = Hex.ToHex(TransferData(Txs.Addr(2), 1)) });
        // The estimate must be enough: a call with it succeeds.
        await _node.Rpc.Call("eth_call", new { from = Alice, to = _token, data = Hex.ToHex(TransferData(Txs.Addr(2), 1)), gas = $"0x{estimate:x}" });
        Assert.InRange(estimate, 30_000UL, 60_000UL);
    }

    [Fact]
    public async Task Trace_with_struct_logger_and_call_tracer()
    {
        var logs = await _node.Rpc.Call("debug_traceTransaction", _transferHash);
        Assert.False(logs.GetProperty("failed").GetBoolean());
        var steps = logs.GetProperty("structLogs").EnumerateArray().ToList();
        Assert.Equal("PUSH1", steps[0].GetProperty("op").GetString());
        Assert.Contains(steps, s => s.GetProperty("op").GetString() == "SSTORE");
        Assert.Contains(steps, s => s.GetProperty("op").GetString() == "LOG3");
        var receipt = await _node.Rpc.Call("eth_getTransactionReceipt", _transferHash);
        Assert.Equal(Convert.ToUInt64(receipt.GetProperty("gasUsed").GetString()![2..], 16), logs.GetProperty("gas").GetUInt64());

        var calls = await _node.Rpc.Call("debug_traceTransaction", _transferHash, new { tracer = "callTracer" });
        Assert.Equal("CALL", calls.GetProperty("type").GetString());
        Assert.Equal(_token, calls.GetProperty("to").GetString());
        Assert.Equal(receipt.GetProperty("gasUsed").GetString(), calls.GetProperty("gasUsed").GetString());
        Assert.Equal("0x186a0", calls.GetProperty("gas").GetString());
    }

    [Fact]
    public async Task Logs_range_is_bounded()
    {
        var e = await Assert.ThrowsAsync<RpcError>(() => _node.Rpc.Call("eth_getLogs", new { fromBlock = "0x0", toBlock = "0x2" }));
        Assert.Equal(-32005, e.Code);
        Assert.Equal("query exceeds max block range 2", e.RpcMessage);
        var logs = await _node.Rpc.Call("eth_getLogs", new { fromBlock = "0x1", toBlock = "0x9", address = _token });
        Assert.Equal(2, logs.GetArrayLength());
    }

    [Fact]
    public async Task Fee_history_and_gas_price()
    {
        var history = await _node.Rpc.Call("eth_feeHistory", "0x2", "latest", new[] { 50.0 });
        Assert.Equal(3, history.GetProperty("baseFeePerGas").GetArrayLength());
        Assert.Equal(2, history.GetProperty("gasUsedRatio").GetArrayLength());
        Assert.Equal(2, history.GetProperty("reward").GetArrayLength());
        Assert.Equal(Txs.Gwei, UInt256.Parse(history.GetProperty("reward")[1][0].GetString()!));
        Assert.Equal(Txs.Gwei, UInt256.Parse(await _node.Rpc.CallString("eth_maxPriorityFeePerGas")));
        Assert.True(UInt256.Parse(await _node.Rpc.CallString("eth_gasPrice")) > Txs.Gwei);
    }
}
