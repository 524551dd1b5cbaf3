using Rollup.Core.Chain;
using Rollup.Core.Numerics;
using Rollup.Core.Transactions;
using Rollup.Evm.State;
using Rollup.Sequencer.Mempool;
using Rollup.Sequencer.Node;
using Rollup.Sequencer.Tests.Support;

namespace Rollup.Sequencer.Tests;

/// <summary>The mempool on its own: nonce order with a queue behind gaps, fee-ordered selection, replacement, limits
/// and eviction of the cheapest.</summary>
public sealed class TxPoolTests
{
    private sealed class FakeChain : IPoolChain
    {
        public readonly InMemoryStateSource State = new();
        public ulong ChainId => TestNode.ChainId;
        public IStateSource HeadState() => State;
        public UInt256 NextBaseFee { get; set; } = Txs.Gwei;
        public ulong BlockGasLimit => 30_000_000;
    }

    private static (TxPool Pool, FakeChain Chain) NewPool(PoolConfig? config = null)
    {
        var chain = new FakeChain();
        foreach (var k in TestNode.Keys) chain.State.SetAccount(k.Address, 0, DevAccounts.Balance, []);
        return (new TxPool(config ?? new PoolConfig(), chain, ForkRules.For(Fork.Cancun), null), chain);
    }

    private static byte[] Raw(Transaction tx) => TransactionEncoder.Encode(tx);

    private static List<PooledTransaction> Drain(TxSelection selection)
    {
        var order = new List<PooledTransaction>();
        while (selection.Peek() is { } tx) { order.Add(tx); selection.Shift(); }
        return order;
    }

    [Fact]
    public void Selection_is_by_tip_and_keeps_each_senders_nonce_order()
    {
        var (pool, chain) = NewPool();
        var a = TestNode.Keys[0];
        var b = TestNode.Keys[1];
        // a's second transaction pays most, but cannot go before a's first.
        pool.Add(Raw(Txs.Transfer(a, 0, Txs.Addr(9), 1, feeCap: 100 * Txs.Gwei, tip: 1 * Txs.Gwei)));
        pool.Add(Raw(Txs.Transfer(a, 1, Txs.Addr(9), 1, feeCap: 100 * Txs.Gwei, tip: 9 * Txs.Gwei)));
        pool.Add(Raw(Txs.Transfer(b, 0, Txs.Addr(9), 1, feeCap: 100 * Txs.Gwei, tip: 5 * Txs.Gwei)));
        var order = Drain(pool.Select(chain.State, Txs.Gwei)).Select(t => (t.Sender, t.Nonce)).ToList();
        Assert.Equal([(b.Address, 0UL), (a.Address, 0UL), (a.Address, 1UL)], order);
    }

    [Fact]
    public void Future_nonces_wait_until_the_gap_fills()
    {
        var (pool, chain) = NewPool();
        var a = TestNode.Keys[0];
        pool.Add(Raw(Txs.Transfer(a, 2, Txs.Addr(9), 1)));
        Assert.Empty(Drain(pool.Select(chain.State, Txs.Gwei)));
        Assert.Equal((0, 1), pool.Status(chain.State));
        Assert.Equal(0UL, pool.PendingNonce(a.Address, 0));
        pool.Add(Raw(Txs.Transfer(a, 0, Txs.Addr(9), 1)));
        pool.Add(Raw(Txs.Transfer(a, 1, Txs.Addr(9), 1)));
        Assert.Equal([0UL, 1UL, 2UL], Drain(pool.Select(chain.State, Txs.Gwei)).Select(t => t.Nonce));
        Assert.Equal(3UL, pool.PendingNonce(a.Address, 0));
    }

    [Fact]
    public void Replacement_needs_ten_percent_more_of_both_fees()
    {
        var (pool, chain) = NewPool();
        var a = TestNode.Keys[0];
        pool.Add(Raw(Txs.Transfer(a, 0, Txs.Addr(9), 1, feeCap: 100 * Txs.Gwei, tip: 10 * Txs.Gwei)));
        Assert.Equal("replacement transaction underpriced",
            Assert.Throws<PoolException>(() => pool.Add(Raw(Txs.Transfer(a, 0, Txs.Addr(9), 2, feeCap: 200 * Txs.Gwei, tip: 10 * Txs.Gwei)))).Message);
        Assert.Throws<PoolException>(() => pool.Add(Raw(Txs.Transfer(a, 0, Txs.Addr(9), 2, feeCap: 109 * Txs.Gwei, tip: 20 * Txs.Gwei))));
        var replacement = Txs.Transfer(a, 0, Txs.Addr(9), 2, feeCap: 110 * Txs.Gwei, tip: 11 * Txs.Gwei);
        pool.Add(Raw(replacement));
        Assert.Equal(replacement.Hash, Assert.Single(Drain(pool.Select(chain.State, Txs.Gwei))).Hash);
    }

    [Fact]
    public void Per_sender_limit()
    {
        var (pool, _) = NewPool(new PoolConfig { MaxPerSender = 3 });
        for (ulong n = 0; n < 3; n++) pool.Add(Raw(Txs.Transfer(TestNode.Keys[0], n, Txs.Addr(9), 1)));
        Assert.StartsWith("account limit exceeded", Assert.Throws<PoolException>(() => pool.Add(Raw(Txs.Transfer(TestNode.Keys[0], 3, Txs.Addr(9), 1)))).Message);
    }

    [Fact]
    public void Full_pool_evicts_the_cheapest_for_a_better_transaction()
    {
        var (pool, chain) = NewPool(new PoolConfig { MaxTransactions = 3 });
        var cheap = Txs.Transfer(TestNode.Keys[0], 0, Txs.Addr(9), 1, feeCap: 10 * Txs.Gwei, tip: 1 * Txs.Gwei);
        pool.Add(Raw(cheap));
        pool.Add(Raw(Txs.Transfer(TestNode.Keys[1], 0, Txs.Addr(9), 1, feeCap: 10 * Txs.Gwei, tip: 3 * Txs.Gwei)));
        pool.Add(Raw(Txs.Transfer(TestNode.Keys[2], 0, Txs.Addr(9), 1, feeCap: 10 * Txs.Gwei, tip: 4 * Txs.Gwei)));
        Assert.StartsWith("transaction underpriced", Assert.Throws<PoolException>(
            () => pool.Add(Raw(Txs.Transfer(TestNode.Keys[3], 0, Txs.Addr(9), 1, feeCap: 10 * Txs.Gwei, tip: 1 * Txs.Gwei)))).Message);
        pool.Add(Raw(Txs.Transfer(TestNode.Keys[3], 0, Txs.Addr(9), 1, feeCap: 10 * Txs.Gwei, tip: 2 * Txs.Gwei)));
        Assert.Equal(3, pool.Count);
        Assert.False(pool.TryGet(cheap.Hash, out _));
    }

    [Fact]
    public void Balance_must_cover_all_pooled_transactions_of_the_sender()
    {
        var (pool, chain) = NewPool();
        var poor = Core.Crypto.PrivateKey.Generate();
        chain.State.SetAccount(poor.Address, 0, 21_000 * 10 * Txs.Gwei * 2, []);
        pool.Add(Raw(Txs.Transfer(poor, 0, Txs.Addr(9), 0)));
        pool.Add(Raw(Txs.Transfer(poor, 1, Txs.Addr(9), 0)));
        Assert.StartsWith("insufficient funds for gas * price + value: balance", Assert.Throws<PoolException>(
            () => pool.Add(Raw(Txs.Transfer(poor, 2, Txs.Addr(9), 0)))).Message);
    }

    [Fact]
    public void Entry_rules()
    {
        var (pool, _) = NewPool(new PoolConfig { MinTip = 2 });
        Assert.Equal("transaction underpriced: gas tip cap 1, minimum needed 2",
            Assert.Throws<PoolException>(() => pool.Add(Raw(Txs.Transfer(TestNode.Keys[0], 0, Txs.Addr(9), 0, tip: 1)))).Message);
        Assert.Equal("intrinsic gas too low: gas 20000, minimum needed 21000",
            Assert.Throws<PoolException>(() => pool.Add(Raw(Txs.Transfer(TestNode.Keys[0], 0, Txs.Addr(9), 0, gas: 20_000)))).Message);
        Assert.Equal("exceeds block gas limit",
            Assert.Throws<PoolException>(() => pool.Add(Raw(Txs.Transfer(TestNode.Keys[0], 0, Txs.Addr(9), 0, gas: 40_000_000)))).Message);
        Assert.Equal("max priority fee per gas higher than max fee per gas",
            Assert.Throws<PoolException>(() => pool.Add(Raw(Txs.Transfer(TestNode.Keys[0], 0, Txs.Addr(9), 0, feeCap: 5 * Txs.Gwei, tip: 6 * Txs.Gwei)))).Message);
    }
}
