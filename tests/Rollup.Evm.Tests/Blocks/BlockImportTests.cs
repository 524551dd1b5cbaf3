using Rollup.Core.Blocks;
using Rollup.Core.Numerics;
using Rollup.Core.Transactions;
using Rollup.Core.Types;
using Rollup.Evm.Blocks;
using Rollup.Evm.Execution;
using Rollup.Evm.State;
using Rollup.Evm.Tests.Support;

namespace Rollup.Evm.Tests.Blocks;

public class BlockImportTests
{
    private static readonly Address Validator = Address.Parse("0x00000000000000000000000000000000000be11e");

    [Fact]
    public void Imports_a_block_with_a_transaction_and_a_withdrawal()
    {
        var t = new TestBlocks();
        var block = t.Build([t.CallLogger()], [new Withdrawal(0, 7, Validator, 3)]);
        var result = t.Chain.Import(block);

        Assert.Equal(block.Hash, t.Chain.Head.Hash);
        var receipt = Assert.Single(result.Receipts);
        Assert.True(receipt.Success);
        Assert.Equal(TxType.DynamicFee, receipt.Type);
        Assert.Equal(block.Header.GasUsed, receipt.CumulativeGasUsed);
        var log = Assert.Single(receipt.Logs);
        Assert.Equal(TestBlocks.Logger, log.Address);
        Assert.True(block.Header.LogsBloom.Contains(TestBlocks.Logger) && block.Header.LogsBloom.Contains(TestBlocks.LogTopic));

        var state = t.Chain.HeadState;
        Assert.True(state.TryGetAccount(Validator, out var credited));
        Assert.Equal(new UInt256(3_000_000_000), credited.Balance); // 3 Gwei
        // BLOCKHASH(1 − 1) inside block 1 is the genesis hash.
        Assert.Equal(UInt256.FromBigEndian(t.Genesis.Hash.Bytes), state.GetStorage(TestBlocks.Logger, UInt256.Zero));
    }

    [Fact]
    public void The_beacon_roots_contract_stores_the_parent_beacon_root_by_timestamp()
    {
        var t = new TestBlocks();
        var root = Hash256.Parse("0x" + new string('9', 64));
        var block = t.Build([], beaconRoot: root);
        t.Chain.Import(block);
        ulong timestamp = block.Header.Timestamp;
        var state = t.Chain.HeadState;
        Assert.Equal(new UInt256(timestamp), state.GetStorage(BeaconRoots.ContractAddress, new UInt256(timestamp % 8191)));
        Assert.Equal(UInt256.FromBigEndian(root.Bytes), state.GetStorage(BeaconRoots.ContractAddress, new UInt256(timestamp % 8191 + 8191)));
        Assert.False(state.TryGetAccount(BeaconRoots.SystemAddress, out _)); // the system caller is not left behind
    }

    [Fact]
    public void A_zero_withdrawal_to_an_empty_address_leaves_no_account()
    {
        var t = new TestBlocks();
        t.Chain.Import(t.Build([], [new Withdrawal(0, 1, Validator, 0)]));
        Assert.False(t.Chain.HeadState.TryGetAccount(Validator, out _));
    }

    public static TheoryData<string, Func<BlockHeader, BlockHeader>, BlockError> WrongCommitments => new()
    {
        { "state root", h => h with { StateRoot = Hash256.Zero }, BlockError.InvalidStateRoot },
        { "receipts root", h => h with { ReceiptsRoot = Hash256.Zero }, BlockError.InvalidReceiptsRoot },
        { "logs bloom", h => h with { LogsBloom = new Bloom() }, BlockError.InvalidLogsBloom },
        { "gas used", h => h with { GasUsed = h.GasUsed - 1 }, BlockError.InvalidGasUsed },
        { "transactions root", h => h with { TransactionsRoot = BlockHeader.EmptyTrieRoot }, BlockError.InvalidTransactionsRoot },
        { "withdrawals root", h => h with { WithdrawalsRoot = BlockHeader.EmptyTrieRoot }, BlockError.InvalidWithdrawalsRoot },
        { "blob gas used", h => h with { BlobGasUsed = BlobGas.PerBlob }, BlockError.InvalidBlobGasUsed },
        { "unknown parent", h => h with { ParentHash = Hash256.Zero }, BlockError.UnknownParent },
    };

    [Theory]
    [MemberData(nameof(WrongCommitments))]
    public void A_rejected_block_is_named_and_changes_nothing(string what, Func<BlockHeader, BlockHeader> breakIt, BlockError expected)
    {
        var t = new TestBlocks();
        var valid = t.Build([t.CallLogger()], [new Withdrawal(0, 7, Validator, 3)]);
        var headBefore = t.Chain.Head;
        var rootBefore = MptStateRoot.Compute(t.Chain.HeadState);

        var e = Assert.Throws<BlockException>(() => t.Chain.Import(TestBlocks.WithHeader(valid, breakIt)));
        Assert.True(expected == e.Error, $"{what}: {e.Error}: {e.Message}");
        Assert.Equal(headBefore.Hash, t.Chain.Head.Hash);
        Assert.Equal(rootBefore, MptStateRoot.Compute(t.Chain.HeadState));

        t.Chain.Import(valid); // the parent is untouched: the valid block still imports on it
    }

    [Fact]
    public void An_invalid_transaction_rejects_the_block_with_its_index_and_reason()
    {
        var t = new TestBlocks();
        var first = t.CallLogger();
        var gap = t.CallLogger(nonce: 5);
        // Seal with a valid body, then put the transaction with a nonce gap in as the second one.
        var valid = t.Build([first]);
        var block = new Block { Header = valid.Header, Transactions = [first, gap], Withdrawals = valid.Withdrawals };
        var e = Assert.Throws<BlockException>(() => t.Chain.Import(block));
        Assert.Equal(BlockError.InvalidTransaction, e.Error);
        Assert.Equal(1, e.TransactionIndex);
        Assert.Equal(TxError.NonceTooHigh, e.Transaction!.Error);
    }

    [Fact]
    public void Blocks_after_the_merge_have_no_ommers()
    {
        var t = new TestBlocks();
        var valid = t.Build([]);
        var withOmmer = new Block { Header = valid.Header, Ommers = [t.Genesis.Header], Withdrawals = valid.Withdrawals };
        Assert.Equal(BlockError.OmmersAfterMerge, Assert.Throws<BlockException>(() => t.Chain.Import(withOmmer)).Error);
    }

    [Fact]
    public void A_side_chain_imports_and_BLOCKHASH_sees_its_own_ancestors()
    {
        var t = new TestBlocks();
        var a1 = t.Build([], timeStep: 12);
        t.Chain.Import(a1);
        var b1 = t.Build([], parent: t.Genesis, timeStep: 13); // a sibling of a1
        t.Chain.Import(b1);
        Assert.Equal(b1.Hash, t.Chain.Head.Hash);

        var b2 = t.Build([t.CallLogger()], parent: b1);
        t.Chain.Import(b2);
        Assert.Equal(UInt256.FromBigEndian(b1.Hash.Bytes), t.Chain.HeadState.GetStorage(TestBlocks.Logger, UInt256.Zero));
        Assert.Equal(a1.Hash, t.Chain.AncestorHash(a1.Header, 1));
        Assert.Equal(t.Genesis.Hash, t.Chain.AncestorHash(b2.Header, 0));
    }

    [Fact]
    public void Blocks_round_trip_through_their_encoding_and_import_from_it()
    {
        var t = new TestBlocks();
        var block = t.Build([t.CallLogger(), t.CallLogger()], [new Withdrawal(0, 7, Validator, 1)]);
        var decoded = BlockCodec.Decode(BlockCodec.Encode(block));
        Assert.Equal(block.Hash, decoded.Hash);
        var result = t.Chain.Import(decoded);
        Assert.Equal(2, result.Receipts.Count);
        Assert.True(result.Receipts[1].CumulativeGasUsed > result.Receipts[0].CumulativeGasUsed);
    }
}
