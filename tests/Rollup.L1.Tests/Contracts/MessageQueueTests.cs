using Rollup.Core.Numerics;
using Rollup.Core.Types;
using Rollup.L1.Contracts;
using Rollup.L1.Messages;
using Rollup.L1.Tests.Support;

namespace Rollup.L1.Tests.Contracts;

/// <summary>The L1 -> L2 queue: indices, event layout, stored hashes, aliasing and the rejections.</summary>
public class MessageQueueTests(AnvilFixture anvil) : IClassFixture<AnvilFixture>
{
    private static readonly Address L2Recipient = Address.Parse("0x000000000000000000000000000000000000beef");

    [Fact]
    public async Task Deposits_messages_and_forced_transactions_share_one_ordered_queue()
    {
        var bed = await RollupTestbed.DeployAsync(anvil.Node);
        var rollup = bed.Rollup;
        var oneEther = Units.Ether(1);

        var deposit = await rollup.DepositEthAsync(bed.User, L2Recipient, oneEther);
        Assert.Equal(new L1Message(0, L1MessageKind.Deposit, bed.User.Address, L2Recipient, oneEther, 0, []), deposit);

        var message = await rollup.SendMessageAsync(bed.User, L2Recipient, 100_000, [0xca, 0xfe], new UInt256(5));
        Assert.Equal(new L1Message(1, L1MessageKind.Message, bed.User.Address, L2Recipient, new UInt256(5), 100_000, [0xca, 0xfe]), message);

        var forced = await rollup.EnforceTransactionAsync(bed.User, L2Recipient, new UInt256(7), 21_000, []);
        Assert.Equal(new L1Message(2, L1MessageKind.ForcedTransaction, bed.User.Address, L2Recipient, new UInt256(7), 21_000, []), forced);

        Assert.Equal(3UL, await rollup.NextQueueIndexAsync());
        // The value of deposits and messages is locked in the rollup; a forced transaction's is paid on L2.
        Assert.Equal(oneEther + new UInt256(5), await anvil.Node.Client.GetBalanceAsync(rollup.Address));
        // The stored hashes are the ones the off-chain side computes.
        foreach (var m in new[] { deposit, message, forced }) Assert.Equal(m.Hash, await rollup.MessageHashAsync(m.QueueIndex));
        // And the sequencer finds them all, in order, by log topic.
        Assert.Equal(new[] { deposit, message, forced }, await rollup.GetQueuedMessagesAsync(bed.Deployment.DeployedAtBlock));
    }

    [Fact]
    public async Task A_contract_sender_is_aliased_on_L2()
    {
        var bed = await RollupTestbed.DeployAsync(anvil.Node);
        var (forwarder, _) = await ContractClient.DeployAsync(bed.User, ContractArtifacts.Get(ContractNames.QueueForwarder), []);
        await forwarder.SendAsync(bed.User, "deposit", [bed.Rollup.Address, L2Recipient], new UInt256(1000));
        var queued = (await bed.Rollup.GetQueuedMessagesAsync(bed.Deployment.DeployedAtBlock)).Single();
        Assert.Equal(L2Alias.Apply(forwarder.Address), queued.Sender);
        Assert.NotEqual(forwarder.Address, queued.Sender);
    }

    [Fact]
    public void Aliasing_wraps_around_2_to_the_160()
    {
        Assert.Equal(Address.Parse("0x1111000000000000000000000000000000001111"), L2Alias.Apply(Address.Zero));
        Assert.Equal(Address.Parse("0x1111000000000000000000000000000000001110"), L2Alias.Apply(Address.Parse("0xffffffffffffffffffffffffffffffffffffffff")));
    }

    [Fact]
    public async Task Bad_entries_are_rejected_with_custom_errors()
    {
        var bed = await RollupTestbed.DeployAsync(anvil.Node);
        var rollup = bed.Rollup;
        var u = bed.User;
        await RollupTestbed.AssertRevertsAsync(() => rollup.DepositEthAsync(u, L2Recipient, UInt256.Zero), "ZeroValue");
        await RollupTestbed.AssertRevertsAsync(() => rollup.DepositEthAsync(u, Address.Zero, UInt256.One), "ZeroRecipient");
        await RollupTestbed.AssertRevertsAsync(() => rollup.SendMessageAsync(u, L2Recipient, 20_999, [], UInt256.Zero),
            "GasLimitOutOfRange", 20_999UL, 21_000UL, 10_000_000UL);
        await RollupTestbed.AssertRevertsAsync(() => rollup.EnforceTransactionAsync(u, L2Recipient, UInt256.Zero, 10_000_001, []),
            "GasLimitOutOfRange", 10_000_001UL, 21_000UL, 10_000_000UL);
        await RollupTestbed.AssertRevertsAsync(() => rollup.SendMessageAsync(u, L2Recipient, 50_000, new byte[65_537], UInt256.Zero),
            "MessageDataTooLarge", 65_537UL, 65_536UL);
        await RollupTestbed.AssertRevertsAsync(() => rollup.EnforceTransactionAsync(u, Address.Zero, UInt256.Zero, 50_000, []), "ZeroRecipient");
        Assert.Equal(0UL, await rollup.NextQueueIndexAsync());
    }

    [Fact]
    public async Task Plain_ether_transfers_to_the_rollup_are_refused()
    {
        var bed = await RollupTestbed.DeployAsync(anvil.Node);
        var e = await Assert.ThrowsAsync<ExecutionRevertedException>(() => bed.User.SendAsync(bed.Rollup.Address, [], UInt256.One));
        Assert.Equal("PlainTransferRejected", bed.Rollup.Contract.Abi.DecodeRevert(e.RevertData).Name);
    }
}
