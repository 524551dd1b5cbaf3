using Rollup.Core.Blocks;
using Rollup.Core.Numerics;
using Rollup.Core.Rlp;
using Rollup.Core.Types;

namespace Rollup.Core.Tests.Blocks;

public class BlockHeaderCodecTests
{
    [Fact]
    public void Decodes_a_Cancun_genesis_header_and_reproduces_its_bytes_and_hash()
    {
        var block = BlockCodec.Decode(FixtureBlocks.Genesis);
        var h = block.Header;
        Assert.Equal(FixtureBlocks.GenesisHash, h.Hash);
        Assert.Equal(0UL, h.Number);
        Assert.Equal(0x7fffffffffffffffUL, h.GasLimit);
        Assert.Equal(0x03b6UL, h.Timestamp);
        Assert.Equal([0x42], h.ExtraData);
        Assert.Equal(new UInt256(0x042c1d80), h.BaseFeePerGas);
        Assert.Equal(BlockHeader.EmptyTrieRoot, h.WithdrawalsRoot);
        Assert.Equal(0UL, h.BlobGasUsed);
        Assert.Equal(0UL, h.ExcessBlobGas);
        Assert.Equal(Hash256.Zero, h.ParentBeaconBlockRoot);
        Assert.Equal(BlockHeader.EmptyOmmersHash, h.OmmersHash);
        Assert.True(h.LogsBloom.IsEmpty);
        Assert.Equal(FixtureBlocks.Genesis, BlockCodec.Encode(block));
    }

    private static BlockHeader Frontier() => new()
    {
        ParentHash = Hash256.Parse("0x" + new string('1', 64)), Coinbase = Address.Parse("0x" + new string('2', 40)),
        StateRoot = Hash256.Parse("0x" + new string('3', 64)), Difficulty = 131_072, Number = 7, GasLimit = 8_000_000,
        GasUsed = 21_000, Timestamp = 1_438_269_988, ExtraData = [0xde, 0xad], MixHash = Hash256.Parse("0x" + new string('4', 64)),
        Nonce = 0x0102030405060708,
    };

    private static BlockHeader WithFields(int optional)
    {
        var f = Frontier();
        return new BlockHeader
        {
            ParentHash = f.ParentHash, Coinbase = f.Coinbase, StateRoot = f.StateRoot, Difficulty = f.Difficulty, Number = f.Number,
            GasLimit = f.GasLimit, GasUsed = f.GasUsed, Timestamp = f.Timestamp, ExtraData = f.ExtraData, MixHash = f.MixHash, Nonce = f.Nonce,
            BaseFeePerGas = optional >= 1 ? new UInt256(875_000_000) : null,
            WithdrawalsRoot = optional >= 2 ? Hash256.Parse("0x" + new string('5', 64)) : null,
            BlobGasUsed = optional >= 3 ? 262_144UL : null,
            ExcessBlobGas = optional >= 4 ? 0UL : null,
            ParentBeaconBlockRoot = optional >= 5 ? Hash256.Parse("0x" + new string('6', 64)) : null,
        };
    }

    private static int FieldCount(byte[] encoded)
    {
        var reader = new RlpReader(encoded);
        var list = reader.ReadList();
        int n = 0;
        while (!list.AtEnd) { list.Skip(); n++; }
        return n;
    }

    [Theory]
    [InlineData(0, 15)] // Frontier .. Berlin
    [InlineData(1, 16)] // London, Paris: base fee
    [InlineData(2, 17)] // Shanghai: withdrawals root
    [InlineData(5, 20)] // Cancun: blob gas used, excess blob gas, parent beacon block root
    public void Carries_exactly_the_optional_fields_of_its_fork(int optional, int fields)
    {
        var header = WithFields(optional);
        var encoded = BlockHeaderCodec.Encode(header);
        Assert.Equal(fields, FieldCount(encoded));

        var decoded = BlockHeaderCodec.Decode(encoded);
        Assert.Equal(header.BaseFeePerGas, decoded.BaseFeePerGas);
        Assert.Equal(header.WithdrawalsRoot, decoded.WithdrawalsRoot);
        Assert.Equal(header.BlobGasUsed, decoded.BlobGasUsed);
        Assert.Equal(header.ExcessBlobGas, decoded.ExcessBlobGas);
        Assert.Equal(header.ParentBeaconBlockRoot, decoded.ParentBeaconBlockRoot);
        Assert.Equal(header.Nonce, decoded.Nonce);
        Assert.Equal(header.ExtraData, decoded.ExtraData);
        Assert.Equal(header.Hash, decoded.Hash);
        Assert.Equal(encoded, BlockHeaderCodec.Encode(decoded));
    }

    [Fact]
    public void A_copy_made_with_with_hashes_its_own_values()
    {
        var draft = WithFields(5);
        var original = draft.Hash; // cached on the draft
        var sealed_ = draft with { GasUsed = 42_000 };
        Assert.NotEqual(original, sealed_.Hash);
        Assert.Equal(BlockHeaderCodec.Decode(BlockHeaderCodec.Encode(sealed_)).Hash, sealed_.Hash);
        Assert.Equal(draft, draft with { });
        Assert.NotEqual(draft, sealed_);
    }

    [Fact]
    public void A_gap_in_the_optional_fields_cannot_be_encoded()
    {
        var gap = new BlockHeader { WithdrawalsRoot = Hash256.Zero };
        Assert.Throws<InvalidOperationException>(() => BlockHeaderCodec.Encode(gap));
    }

    /// <summary>Re-encodes the Frontier header with one field replaced by raw RLP, or with fields added or removed.</summary>
    private static byte[] Mutate(Func<List<byte[]>, List<byte[]>> change)
    {
        var reader = new RlpReader(BlockHeaderCodec.Encode(Frontier()));
        var list = reader.ReadList();
        var items = new List<byte[]>();
        while (!list.AtEnd) items.Add(list.ReadRawItem().ToArray());
        using var w = new RlpWriter();
        int mark = w.StartList();
        foreach (var item in change(items)) w.WriteRaw(item);
        w.EndList(mark);
        return w.ToArray();
    }

    private static byte[] Rlp(byte[] bytes)
    {
        using var w = new RlpWriter();
        w.WriteBytes(bytes);
        return w.ToArray();
    }

    public static TheoryData<string, int, byte[], BlockError> BadFields => new()
    {
        { "number of 9 bytes", 8, Rlp([1, 0, 0, 0, 0, 0, 0, 0, 0]), BlockError.FieldOverflow64 },
        { "gas limit of 9 bytes", 9, Rlp([1, 0, 0, 0, 0, 0, 0, 0, 0]), BlockError.FieldOverflow64 },
        { "timestamp with a leading zero", 11, Rlp([0, 1]), BlockError.MalformedRlp },
        { "coinbase of 19 bytes", 2, Rlp(new byte[19]), BlockError.InvalidAddress },
        { "coinbase of 21 bytes", 2, Rlp(new byte[21]), BlockError.InvalidAddress },
        { "state root of 31 bytes", 3, Rlp(new byte[31]), BlockError.MalformedRlp },
        { "bloom of 255 bytes", 6, Rlp(new byte[255]), BlockError.MalformedRlp },
        { "nonce of 7 bytes", 14, Rlp(new byte[7]), BlockError.MalformedRlp },
        { "difficulty as a list", 7, [0xc0], BlockError.MalformedRlp },
    };

    [Theory]
    [MemberData(nameof(BadFields))]
    public void Rejects_a_bad_field_with_its_rule(string what, int index, byte[] replacement, BlockError expected)
    {
        var encoded = Mutate(items => { items[index] = replacement; return items; });
        var e = Assert.Throws<BlockException>(() => BlockHeaderCodec.Decode(encoded));
        Assert.True(expected == e.Error, $"{what}: {e.Error}: {e.Message}");
    }

    [Fact]
    public void Rejects_too_few_or_too_many_fields_and_trailing_bytes()
    {
        Assert.Equal(BlockError.MalformedRlp, Assert.Throws<BlockException>(() => BlockHeaderCodec.Decode(Mutate(i => i[..14]))).Error);
        Assert.Equal(BlockError.MalformedRlp, Assert.Throws<BlockException>(() =>
            BlockHeaderCodec.Decode(Mutate(i => [.. i, [0x80], [0x80], [0x80], [0x80], [0x80], [0x80]]))).Error);
        byte[] trailing = [.. BlockHeaderCodec.Encode(Frontier()), 0x00];
        Assert.Equal(BlockError.MalformedRlp, Assert.Throws<BlockException>(() => BlockHeaderCodec.Decode(trailing)).Error);
    }
}
