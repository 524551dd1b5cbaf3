using System.Text.Json;
using System.Text.Json.Nodes;
using Rollup.Core.Encoding;
using Rollup.Core.Numerics;
using Rollup.Core.Types;

namespace Rollup.L1.Rpc;

/// <summary>The eth_* methods an L1 operator needs, typed. Calls and gas estimates that hit REVERT throw
/// <see cref="ExecutionRevertedException"/> carrying the revert data.</summary>
public sealed class EthClient(JsonRpcClient rpc) : IDisposable
{
    public JsonRpcClient Rpc { get; } = rpc;

    public EthClient(string url) : this(new JsonRpcClient(url)) { }

    public async Task<ulong> GetChainIdAsync(CancellationToken cancel = default) =>
        Quantity.ToUInt64(await Rpc.CallAsync("eth_chainId", [], cancel).ConfigureAwait(false));

    public async Task<ulong> GetBlockNumberAsync(CancellationToken cancel = default) =>
        Quantity.ToUInt64(await Rpc.CallAsync("eth_blockNumber", [], cancel).ConfigureAwait(false));

    public async Task<UInt256> GetBalanceAsync(Address account, string block = "latest", CancellationToken cancel = default) =>
        Quantity.ToUInt256(await Rpc.CallAsync("eth_getBalance", [account.ToString(), block], cancel).ConfigureAwait(false));

    /// <summary>The next nonce; "pending" counts transactions already in the node's pool.</summary>
    public async Task<ulong> GetTransactionCountAsync(Address account, string block = "pending", CancellationToken cancel = default) =>
        Quantity.ToUInt64(await Rpc.CallAsync("eth_getTransactionCount", [account.ToString(), block], cancel).ConfigureAwait(false));

    public async Task<byte[]> GetCodeAsync(Address account, string block = "latest", CancellationToken cancel = default) =>
        Quantity.ToBytes(await Rpc.CallAsync("eth_getCode", [account.ToString(), block], cancel).ConfigureAwait(false));

    public async Task<UInt256> GetMaxPriorityFeePerGasAsync(CancellationToken cancel = default) =>
        Quantity.ToUInt256(await Rpc.CallAsync("eth_maxPriorityFeePerGas", [], cancel).ConfigureAwait(false));

    public async Task<FeeHistory> GetFeeHistoryAsync(int blockCount, IReadOnlyList<double> rewardPercentiles, CancellationToken cancel = default)
    {
        var percentiles = new JsonArray(rewardPercentiles.Select(p => (JsonNode?)JsonValue.Create(p)).ToArray());
        return FeeHistory.FromJson(await Rpc.CallAsync("eth_feeHistory", [Quantity.Of((ulong)blockCount), "latest", percentiles], cancel).ConfigureAwait(false));
    }

    public async Task<ulong> EstimateGasAsync(CallRequest call, CancellationToken cancel = default)
    {
        try
        {
            return Quantity.ToUInt64(await Rpc.CallAsync("eth_estimateGas", [call.ToJson()], cancel).ConfigureAwait(false));
        }
        catch (JsonRpcException e) when (AsRevert(e) is { } revert)
        {
            throw revert;
        }
    }

    /// <summary>Runs a call without a transaction and returns its output.</summary>
    public async Task<byte[]> CallAsync(CallRequest call, string block = "latest", CancellationToken cancel = default)
    {
        try
        {
            return Quantity.ToBytes(await Rpc.CallAsync("eth_call", [call.ToJson(), block], cancel).ConfigureAwait(false));
        }
        catch (JsonRpcException e) when (AsRevert(e) is { } revert)
        {
            throw revert;
        }
    }

    public async Task<Hash256> SendRawTransactionAsync(byte[] signedTransaction, CancellationToken cancel = default) =>
        Quantity.ToHash(await Rpc.CallAsync("eth_sendRawTransaction", [Hex.ToHex(signedTransaction)], cancel).ConfigureAwait(false));

    /// <summary>The receipt, or null while the transaction is not mined.</summary>
    public async Task<TransactionReceipt?> GetTransactionReceiptAsync(Hash256 transaction, CancellationToken cancel = default)
    {
        var result = await Rpc.CallAsync("eth_getTransactionReceipt", [transaction.ToString()], cancel).ConfigureAwait(false);
        return result.ValueKind == JsonValueKind.Null ? null : TransactionReceipt.FromJson(result);
    }

    /// <summary>Polls for the receipt, from every 50 ms (a devnet mines at once) backing off to every 2 s (a testnet
    /// mines every 12 s).</summary>
    /// <exception cref="TimeoutException">when it is not mined within <paramref name="timeout"/>.</exception>
    public async Task<TransactionReceipt> WaitForReceiptAsync(Hash256 transaction, TimeSpan timeout, CancellationToken cancel = default)
    {
        var deadline = DateTime.UtcNow + timeout;
        var pause = TimeSpan.FromMilliseconds(50);
        while (true)
        {
            if (await GetTransactionReceiptAsync(transaction, cancel).ConfigureAwait(false) is { } receipt) return receipt;
            if (DateTime.UtcNow >= deadline)
                throw new TimeoutException($"transaction {transaction} was not mined within {timeout.TotalSeconds:0} s; it may still be, later: look it up by hash");
            await Task.Delay(pause, cancel).ConfigureAwait(false);
            pause = TimeSpan.FromMilliseconds(Math.Min(pause.TotalMilliseconds * 2, 2000));
        }
    }

    public async Task<IReadOnlyList<RpcLog>> GetLogsAsync(LogFilter filter, CancellationToken cancel = default)
    {
        var result = await Rpc.CallAsync("eth_getLogs", [filter.ToJson()], cancel).ConfigureAwait(false);
        return result.EnumerateArray().Select(RpcLog.FromJson).ToArray();
    }

    /// <summary>Nodes report a revert as error code 3 (geth, anvil) or a message containing "revert", with the revert
    /// data as a hex string in "data" (absent when the contract reverted with nothing).</summary>
    private static ExecutionRevertedException? AsRevert(JsonRpcException e)
    {
        bool looksReverted = e.Code == 3 || e.NodeMessage.Contains("revert", StringComparison.OrdinalIgnoreCase);
        if (!looksReverted) return null;
        byte[] data = [];
        if (e.ErrorData is { } raw && JsonDocument.Parse(raw).RootElement is { ValueKind: JsonValueKind.String } text)
        {
            try { data = Hex.Parse(text.GetString()!); } catch (FormatException) { /* not revert data: keep none */ }
        }
        return new ExecutionRevertedException($"{e.Method} reverted: {e.NodeMessage}", data);
    }

    public void Dispose() => Rpc.Dispose();
}
