using Rollup.Core.Crypto;
using Rollup.Core.Numerics;
using Rollup.L1.Rpc;
using Rollup.L1.Sending;
using Rollup.L1.Tests.Support;

namespace Rollup.L1.Tests.Rpc;

/// <summary>The JSON-RPC client and the sender against a real anvil.</summary>
public class EthClientTests(AnvilFixture anvil) : IClassFixture<AnvilFixture>
{
    private AnvilNode Node => anvil.Node;

    [Fact]
    public async Task Chain_id_balance_and_nonce()
    {
        var account = await Node.NewAccountAsync(ether: 3);
        Assert.Equal(AnvilNode.ChainId, await Node.Client.GetChainIdAsync());
        Assert.Equal(Units.Ether(3), await Node.Client.GetBalanceAsync(account.Address));
        Assert.Equal(0UL, await Node.Client.GetTransactionCountAsync(account.Address));
    }

    [Fact]
    public async Task Fees_follow_the_next_base_fee_and_the_suggested_tip()
    {
        var fees = await Fees.EstimateAsync(Node.Client);
        Assert.False(fees.NextBaseFee.IsZero);
        Assert.Equal(await Node.Client.GetMaxPriorityFeePerGasAsync(), fees.MaxPriorityFeePerGas);
        Assert.Equal(fees.NextBaseFee * 2 + fees.MaxPriorityFeePerGas, fees.MaxFeePerGas);
    }

    [Fact]
    public async Task A_signed_EIP1559_transfer_is_mined()
    {
        var sender = await Node.NewAccountAsync();
        var recipient = PrivateKey.Generate().Address;
        var value = new UInt256(123_456_789);
        Assert.Equal(21_000UL, await Node.Client.EstimateGasAsync(new CallRequest { From = sender.Address, To = recipient, Value = value }));

        var receipt = await sender.SendAsync(recipient, [], value);
        Assert.True(receipt.Succeeded);
        Assert.Equal(21_000UL, receipt.GasUsed);
        Assert.Equal(sender.Address, receipt.From);
        Assert.Equal(value, await Node.Client.GetBalanceAsync(recipient));
        Assert.Equal(1UL, await Node.Client.GetTransactionCountAsync(sender.Address));
        // The node's view of the transaction is ours: same hash as our encoder gives.
        Assert.NotNull(await Node.Client.GetTransactionReceiptAsync(receipt.TransactionHash));
    }

    [Fact]
    public async Task An_unfunded_key_gets_a_clear_message_before_anything_is_sent()
    {
        var broke = await Node.NewAccountAsync(ether: 0);
        var e = await Assert.ThrowsAsync<InsufficientFundsException>(() => broke.SendAsync(PrivateKey.Generate().Address, [], UInt256.Zero));
        Assert.Contains(broke.Address.ToString(), e.Message);
        Assert.Contains("has 0 ETH on chain 31337", e.Message);
        Assert.Equal(0UL, await Node.Client.GetTransactionCountAsync(broke.Address));
    }

    [Fact]
    public async Task Waiting_for_a_receipt_that_never_comes_times_out()
    {
        var unknown = Rollup.Core.Crypto.Keccak256.Hash([1, 2, 3]);
        Assert.Null(await Node.Client.GetTransactionReceiptAsync(unknown));
        var e = await Assert.ThrowsAsync<TimeoutException>(() => Node.Client.WaitForReceiptAsync(unknown, TimeSpan.FromMilliseconds(300)));
        Assert.Contains(unknown.ToString(), e.Message);
    }

    [Fact]
    public async Task Unknown_methods_are_JSON_RPC_errors()
    {
        var e = await Assert.ThrowsAsync<JsonRpcException>(() => Node.Client.Rpc.CallAsync("eth_noSuchMethod", []));
        Assert.Equal("eth_noSuchMethod", e.Method);
        Assert.True(e.IsMethodNotFound, e.Message);
    }
}
