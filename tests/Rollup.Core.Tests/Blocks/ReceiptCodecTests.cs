using Rollup.Core.Blocks;
using Rollup.Core.Chain;
using Rollup.Core.Rlp;
using Rollup.Core.Transactions;
using Rollup.Core.Trie;
using Rollup.Core.Types;

namespace Rollup.Core.Tests.Blocks;

public class ReceiptCodecTests
{
    private static readonly LogEntry Log = new(Address.Parse("0x095e7baea6a6c7c4c2dfeb977efac326af552d87"),
        [Hash256.Parse("0x" + new string('a', 64))], [0xca, 0xfe]);

    [Fact]
    public void Reproduces_a_fixture_blocks_receipts_root()
    {
        // basefeeExample block 1: one successful type-2 creation using 0x0143a8 gas, no logs.
        var receipt = new Receipt { Type = TxType.DynamicFee, Success = true, CumulativeGasUsed = FixtureBlocks.Block1GasUsed };
        Assert.Equal(FixtureBlocks.Block1ReceiptsRoot, BlockRoots.Receipts([receipt]));
    }

    [Fact]
    public void Legacy_receipt_is_a_plain_list_and_typed_ones_are_prefixed_by_their_type()
    {
        var legacy = ReceiptCodec.Encode(new Receipt { Type = TxType.Legacy, Success = true, CumulativeGasUsed = 21_000 });
        Assert.True(legacy[0] >= 0xc0);
        foreach (var type in new[] { TxType.AccessList, TxType.DynamicFee, TxType.Blob })
        {
            var typed = ReceiptCodec.Encode(new Receipt { Type = type, Success = true, CumulativeGasUsed = 21_000 });
            Assert.Equal((byte)type, typed[0]);
            Assert.Equal(legacy, typed[1..]);
            Assert.Equal(type, ReceiptCodec.Decode(typed).Type);
        }
    }

    [Fact]
    public void Status_is_0x01_or_empty_and_a_pre_Byzantium_receipt_carries_the_state_root()
    {
        Assert.Equal(0x01, FirstField(new Receipt { Success = true }).Single());
        Assert.Empty(FirstField(new Receipt { Success = false }));
        var root = Hash256.Parse("0x" + new string('7', 64));
        Assert.Equal(root.ToArray(), FirstField(new Receipt { PostState = root }));

        var decoded = ReceiptCodec.Decode(ReceiptCodec.Encode(new Receipt { PostState = root, CumulativeGasUsed = 5 }));
        Assert.Equal(root, decoded.PostState);
        Assert.False(decoded.Success);
        Assert.False(ReceiptCodec.Decode(ReceiptCodec.Encode(new Receipt { Success = false })).Success);
        Assert.True(ReceiptCodec.Decode(ReceiptCodec.Encode(new Receipt { Success = true })).Success);
    }

    private static byte[] FirstField(Receipt r)
    {
        var reader = new RlpReader(ReceiptCodec.Encode(r));
        var list = reader.ReadList();
        return list.ReadBytes().ToArray();
    }

    [Fact]
    public void Round_trips_logs_and_computes_their_bloom()
    {
        var receipt = new Receipt { Type = TxType.DynamicFee, Success = true, CumulativeGasUsed = 90_000, Logs = [Log, Log with { Topics = [] }] };
        Assert.Equal(Bloom.FromLogs(receipt.Logs), receipt.Bloom);
        var decoded = ReceiptCodec.Decode(ReceiptCodec.Encode(receipt));
        Assert.Equal(receipt.Logs, decoded.Logs);
        Assert.Equal(receipt.Bloom, decoded.Bloom);
        Assert.Equal(90_000UL, decoded.CumulativeGasUsed);
    }

    [Fact]
    public void Rejects_a_bad_status_and_an_unknown_type()
    {
        using var w = new RlpWriter();
        int list = w.StartList();
        w.WriteUInt64(2); // neither success nor failure nor a root
        w.WriteUInt64(0);
        w.WriteBytes(new byte[256]);
        w.EndList(w.StartList());
        w.EndList(list);
        Assert.Equal(BlockError.MalformedRlp, Assert.Throws<BlockException>(() => ReceiptCodec.Decode(w.ToArray())).Error);
        byte[] unknownType = [0x05, .. ReceiptCodec.Encode(new Receipt())];
        Assert.Equal(BlockError.MalformedRlp, Assert.Throws<BlockException>(() => ReceiptCodec.Decode(unknownType)).Error);
    }

    [Fact]
    public void Roots_of_empty_lists_are_the_empty_trie_root()
    {
        Assert.Equal(BlockHeader.EmptyTrieRoot, BlockRoots.Receipts([]));
        Assert.Equal(BlockHeader.EmptyTrieRoot, BlockRoots.Transactions([]));
        Assert.Equal(BlockHeader.EmptyTrieRoot, BlockRoots.Withdrawals([]));
        Assert.Equal(BlockHeader.EmptyTrieRoot, OrderedTrie.Root([]));
        Assert.Equal(BlockHeader.EmptyOmmersHash, BlockRoots.Ommers([]));
    }
}
