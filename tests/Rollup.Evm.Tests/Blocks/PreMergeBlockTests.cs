using Rollup.Core.Blocks;
using Rollup.Core.Chain;
using Rollup.Core.Numerics;
using Rollup.Core.Transactions;
using Rollup.Core.Types;
using Rollup.Evm.Blocks;
using Rollup.Evm.State;
using Rollup.Evm.Tests.Support;

namespace Rollup.Evm.Tests.Blocks;

/// <summary>What changes before the merge: block and ommer rewards, and receipts that carry the state root after their
/// transaction instead of a status (before Byzantium).</summary>
public class PreMergeBlockTests
{
    private static readonly UInt256 Ether = UInt256.Parse("1000000000000000000");
    private static readonly Address Miner = Address.Parse("0x00000000000000000000000000000000000000aa");
    private static readonly Address OmmerMiner = Address.Parse("0x00000000000000000000000000000000000000bb");

    [Theory]
    [InlineData(Fork.Homestead, 5)]
    [InlineData(Fork.Byzantium, 3)]
    [InlineData(Fork.Constantinople, 2)]
    [InlineData(Fork.Paris, 0)]
    public void Block_reward_by_fork(Fork fork, ulong ether)
    {
        var state = new JournaledState(new InMemoryStateSource());
        BlockRewards.Apply(state, ForkRules.For(fork), new Block { Header = new BlockHeader { Number = 10, Coinbase = Miner } });
        Assert.Equal(Ether * ether, state.GetBalance(Miner));
    }

    [Fact]
    public void Ommers_pay_their_miner_by_distance_and_the_miner_a_32nd_each()
    {
        var state = new JournaledState(new InMemoryStateSource());
        var ommer = new BlockHeader { Number = 8, Coinbase = OmmerMiner };
        BlockRewards.Apply(state, ForkRules.For(Fork.Byzantium), new Block { Header = new BlockHeader { Number = 10, Coinbase = Miner }, Ommers = [ommer] });
        Assert.Equal(Ether * 3 + Ether * 3 / 32, state.GetBalance(Miner));
        Assert.Equal(Ether * 3 * 6 / 8, state.GetBalance(OmmerMiner)); // (8 + 8 − 10)/8 of the reward
    }

    [Theory]
    [InlineData(Fork.EIP158, true)]
    [InlineData(Fork.Byzantium, false)]
    public void Receipts_carry_the_post_state_root_before_Byzantium(Fork fork, bool hasRoot)
    {
        var rules = ForkRules.For(fork);
        var source = new InMemoryStateSource();
        source.SetAccount(TestBlocks.Key.Address, 0, Ether, []);
        var tx = TransactionSigner.Sign(new Transaction
        {
            Type = TxType.Legacy, ChainId = 1, MaxFeePerGas = 1, MaxPriorityFeePerGas = 1, GasLimit = 21_000, To = Miner, Value = 5,
        }, TestBlocks.Key);
        var block = new Block { Header = new BlockHeader { Number = 1, GasLimit = 1_000_000, Coinbase = Miner }, Transactions = [tx] };
        var result = new BlockProcessor(rules, 1).Execute(block, source, null);

        var receipt = Assert.Single(result.Receipts);
        Assert.Equal(hasRoot, receipt.PostState.HasValue);
        Assert.Equal(21_000UL, receipt.CumulativeGasUsed);
        if (hasRoot) Assert.NotEqual(result.StateRoot, receipt.PostState!.Value); // the reward comes after the transaction
        else Assert.True(receipt.Success);
    }
}
