using Rollup.Core.Blocks;
using Rollup.Core.Chain;
using Rollup.Core.Numerics;
using Rollup.Evm.State;

namespace Rollup.Evm.Blocks;

/// <summary>Proof-of-work issuance before the merge: the miner gets the block reward plus 1/32 of it per ommer, and
/// each ommer's miner gets (8 + ommer number − block number)/8 of it. Nothing is issued from Paris on.</summary>
public static class BlockRewards
{
    private static readonly UInt256 Ether = UInt256.Parse("1000000000000000000");

    /// <summary>5 ETH at Frontier, 3 from Byzantium (EIP-649), 2 from Constantinople (EIP-1234).</summary>
    public static UInt256 BlockReward(ForkRules rules) =>
        rules.IsConstantinople ? Ether * 2 : rules.IsByzantium ? Ether * 3 : Ether * 5;

    public static void Apply(JournaledState state, ForkRules rules, Block block)
    {
        if (rules.IsParis) return;
        var reward = BlockReward(rules);
        state.BeginTransaction();
        var minerReward = reward;
        foreach (var ommer in block.Ommers)
        {
            minerReward += reward / 32;
            var ommerReward = reward * new UInt256(8 + ommer.Number - block.Number) / 8;
            state.AddBalance(ommer.Coinbase, ommerReward);
        }
        state.AddBalance(block.Header.Coinbase, minerReward);
        state.CommitTransaction(rules);
    }
}
