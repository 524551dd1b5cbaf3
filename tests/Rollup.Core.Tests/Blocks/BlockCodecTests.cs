using Rollup.Core.Blocks;
using Rollup.Core.Crypto;
using Rollup.Core.Numerics;
using Rollup.Core.Rlp;
using Rollup.Core.Transactions;
using Rollup.Core.Types;

namespace Rollup.Core.Tests.Blocks;

public class BlockCodecTests
{
    private static readonly PrivateKey Key = PrivateKey.Parse("0x" + string.Concat(Enumerable.Repeat("b2", 32)));

    [Fact]
    public void Decodes_a_fixture_block_with_a_typed_transaction_and_reproduces_it()
    {
        var block = BlockCodec.Decode(FixtureBlocks.Block1);
        Assert.Equal(FixtureBlocks.Block1Hash, block.Hash);
        Assert.Equal(FixtureBlocks.GenesisHash, block.Header.ParentHash);
        Assert.Equal(FixtureBlocks.Block1GasUsed, block.Header.GasUsed);
        var tx = Assert.Single(block.Transactions);
        Assert.Equal(TxType.DynamicFee, tx.Type);
        Assert.Null(tx.To);
        Assert.Single(tx.AccessList);
        Assert.Empty(block.Ommers);
        Assert.NotNull(block.Withdrawals);
        Assert.Empty(block.Withdrawals);
        Assert.Equal(block.Header.TransactionsRoot, BlockRoots.Transactions(block.Transactions));
        Assert.Equal(FixtureBlocks.Block1, BlockCodec.Encode(block));
    }

    private static Transaction Signed(TxType type, ulong nonce) => TransactionSigner.Sign(new Transaction
    {
        Type = type, ChainId = 1, Nonce = nonce, MaxFeePerGas = 10, MaxPriorityFeePerGas = 1, GasLimit = 21_000,
        To = Address.Parse("0x" + new string('3', 40)), Value = 1,
        MaxFeePerBlobGas = type == TxType.Blob ? 1 : 0,
        BlobVersionedHashes = type == TxType.Blob ? [Hash256.Parse("0x01" + new string('0', 62))] : [],
    }, Key);

    [Fact]
    public void Body_wraps_typed_transactions_in_a_string_and_keeps_legacy_ones_as_lists()
    {
        var block = new Block
        {
            Header = new BlockHeader { Number = 1, BaseFeePerGas = 7, WithdrawalsRoot = Hash256.Zero },
            Transactions = [Signed(TxType.Legacy, 0), Signed(TxType.AccessList, 1), Signed(TxType.DynamicFee, 2), Signed(TxType.Blob, 3)],
            Withdrawals = [new Withdrawal(1, 2, Address.Parse("0x" + new string('4', 40)), 3)],
        };
        var encoded = BlockCodec.Encode(block);

        var reader = new RlpReader(encoded);
        var items = reader.ReadList();
        items.Skip();
        var txs = items.ReadList();
        Assert.Equal(RlpKind.List, txs.PeekKind());
        txs.Skip();
        for (int i = 0; i < 3; i++)
        {
            Assert.Equal(RlpKind.String, txs.PeekKind());
            Assert.Equal((byte)(i + 1), txs.ReadBytes()[0]);
        }

        var decoded = BlockCodec.Decode(encoded);
        Assert.Equal(block.Transactions.Select(t => t.Hash), decoded.Transactions.Select(t => t.Hash));
        Assert.Equal(block.Withdrawals, decoded.Withdrawals);
        Assert.Equal(encoded, BlockCodec.Encode(decoded));
    }

    [Fact]
    public void A_block_of_three_items_has_no_withdrawals_list()
    {
        var block = new Block { Header = new BlockHeader { Number = 1 } };
        var decoded = BlockCodec.Decode(BlockCodec.Encode(block));
        Assert.Null(decoded.Withdrawals);
        Assert.Empty(decoded.Transactions);
    }

    [Fact]
    public void A_legacy_transaction_wrapped_in_a_string_is_malformed()
    {
        var legacy = TransactionEncoder.Encode(Signed(TxType.Legacy, 0));
        using var w = new RlpWriter();
        int list = w.StartList();
        BlockHeaderCodec.Write(w, new BlockHeader());
        int txs = w.StartList();
        w.WriteBytes(legacy);
        w.EndList(txs);
        w.EndList(w.StartList());
        w.EndList(list);
        Assert.Equal(BlockError.MalformedRlp, Assert.Throws<BlockException>(() => BlockCodec.Decode(w.ToArray())).Error);
    }

    [Fact]
    public void A_transaction_that_does_not_decode_is_reported_with_its_index_and_error()
    {
        var good = TransactionEncoder.Encode(Signed(TxType.DynamicFee, 0));
        var bad = TransactionEncoder.Encode(Signed(TxType.DynamicFee, 1));
        bad[0] = 0x04; // a type the decoder does not know
        using var w = new RlpWriter();
        int list = w.StartList();
        BlockHeaderCodec.Write(w, new BlockHeader());
        int txs = w.StartList();
        w.WriteBytes(good);
        w.WriteBytes(bad);
        w.EndList(txs);
        w.EndList(w.StartList());
        w.EndList(list);
        var e = Assert.Throws<BlockException>(() => BlockCodec.Decode(w.ToArray()));
        Assert.Equal(BlockError.InvalidTransaction, e.Error);
        Assert.Equal(1, e.TransactionIndex);
        Assert.Equal(TxError.TypeNotSupported, e.Transaction!.Error);
    }

    [Fact]
    public void Withdrawal_amounts_are_Gwei_and_their_fields_are_bounded()
    {
        var w = new Withdrawal(ulong.MaxValue, 0, Address.Zero, ulong.MaxValue);
        Assert.Equal(new UInt256(ulong.MaxValue) * new UInt256(1_000_000_000), w.AmountWei);

        using var tooBig = new RlpWriter();
        int list = tooBig.StartList();
        tooBig.WriteBytes([1, 0, 0, 0, 0, 0, 0, 0, 0]); // index of 9 bytes
        tooBig.WriteUInt64(0);
        tooBig.WriteBytes(new byte[20]);
        tooBig.WriteUInt64(0);
        tooBig.EndList(list);
        Assert.Equal(BlockError.FieldOverflow64, Assert.Throws<BlockException>(() => DecodeWithdrawal(tooBig.ToArray())).Error);

        using var shortAddress = new RlpWriter();
        list = shortAddress.StartList();
        shortAddress.WriteUInt64(0);
        shortAddress.WriteUInt64(0);
        shortAddress.WriteBytes(new byte[19]);
        shortAddress.WriteUInt64(0);
        shortAddress.EndList(list);
        Assert.Equal(BlockError.InvalidAddress, Assert.Throws<BlockException>(() => DecodeWithdrawal(shortAddress.ToArray())).Error);
    }

    private static Withdrawal DecodeWithdrawal(byte[] encoded)
    {
        var reader = new RlpReader(encoded);
        return Withdrawal.Read(ref reader);
    }
}
