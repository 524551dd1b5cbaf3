using Rollup.Core.Rlp;
using static Rollup.Core.Blocks.BlockFieldReader;

namespace Rollup.Core.Blocks;

/// <summary>RLP of a header: the fifteen fields every fork has, then the optional ones in the order forks added them
/// (base fee, withdrawals root, blob gas used, excess blob gas, parent beacon block root). An optional field may be
/// present only when all before it are, so the field count alone says which are there.</summary>
public static class BlockHeaderCodec
{
    private const int BaseFieldCount = 15;
    private const int MaxFieldCount = 20;

    public static byte[] Encode(BlockHeader header)
    {
        using var w = new RlpWriter(640);
        Write(w, header);
        return w.ToArray();
    }

    public static void Write(RlpWriter w, BlockHeader h)
    {
        int list = w.StartList();
        w.WriteBytes(h.ParentHash.Bytes);
        w.WriteBytes(h.OmmersHash.Bytes);
        w.WriteBytes(h.Coinbase.Bytes);
        w.WriteBytes(h.StateRoot.Bytes);
        w.WriteBytes(h.TransactionsRoot.Bytes);
        w.WriteBytes(h.ReceiptsRoot.Bytes);
        w.WriteBytes(h.LogsBloom.Bytes);
        w.WriteUInt256(h.Difficulty);
        w.WriteUInt64(h.Number);
        w.WriteUInt64(h.GasLimit);
        w.WriteUInt64(h.GasUsed);
        w.WriteUInt64(h.Timestamp);
        w.WriteBytes(h.ExtraData);
        w.WriteBytes(h.MixHash.Bytes);
        Span<byte> nonce = stackalloc byte[8];
        System.Buffers.Binary.BinaryPrimitives.WriteUInt64BigEndian(nonce, h.Nonce);
        w.WriteBytes(nonce);

        // Each optional field is written only if it and every one before it are present; a gap cannot be encoded.
        int present = OptionalFieldCount(h);
        if (present >= 1) w.WriteUInt256(h.BaseFeePerGas!.Value);
        if (present >= 2) w.WriteBytes(h.WithdrawalsRoot!.Value.Bytes);
        if (present >= 3) w.WriteUInt64(h.BlobGasUsed!.Value);
        if (present >= 4) w.WriteUInt64(h.ExcessBlobGas!.Value);
        if (present >= 5) w.WriteBytes(h.ParentBeaconBlockRoot!.Value.Bytes);
        w.EndList(list);
    }

    /// <summary>How many optional fields lead without a gap; a header with a gap cannot be encoded.</summary>
    private static int OptionalFieldCount(BlockHeader h)
    {
        bool[] present = [h.BaseFeePerGas.HasValue, h.WithdrawalsRoot.HasValue, h.BlobGasUsed.HasValue, h.ExcessBlobGas.HasValue, h.ParentBeaconBlockRoot.HasValue];
        int count = Array.IndexOf(present, false);
        if (count < 0) return present.Length;
        if (Array.IndexOf(present, true, count) >= 0)
            throw new InvalidOperationException("a header's optional fields must be present in fork order, without gaps");
        return count;
    }

    /// <exception cref="BlockException">when the bytes are not exactly one canonical header.</exception>
    public static BlockHeader Decode(ReadOnlySpan<byte> encoded) => Strict(encoded, Read, "header");

    /// <summary>Reads one header item from a reader (a block's first item, or an ommer).</summary>
    public static BlockHeader Read(ref RlpReader reader)
    {
        var f = ReadList(ref reader, "header");
        int count = CountItems(f);
        if (count < BaseFieldCount || count > MaxFieldCount)
            throw new BlockException(BlockError.MalformedRlp, $"a header has {BaseFieldCount} to {MaxFieldCount} fields, this one {count}");

        var parentHash = ReadHash(ref f, "parentHash");
        var ommersHash = ReadHash(ref f, "ommersHash");
        var coinbase = ReadAddress(ref f, "coinbase");
        var stateRoot = ReadHash(ref f, "stateRoot");
        var txRoot = ReadHash(ref f, "transactionsRoot");
        var receiptsRoot = ReadHash(ref f, "receiptsRoot");
        var bloom = new Bloom(ReadFixed(ref f, "logsBloom", Bloom.Size));
        var difficulty = ReadUInt256(ref f, "difficulty");
        ulong number = ReadUInt64(ref f, "number");
        ulong gasLimit = ReadUInt64(ref f, "gasLimit");
        ulong gasUsed = ReadUInt64(ref f, "gasUsed");
        ulong timestamp = ReadUInt64(ref f, "timestamp");
        var extraData = ReadString(ref f, "extraData").ToArray();
        var mixHash = ReadHash(ref f, "mixHash");
        ulong nonce = System.Buffers.Binary.BinaryPrimitives.ReadUInt64BigEndian(ReadFixed(ref f, "nonce", 8));

        return new BlockHeader
        {
            ParentHash = parentHash, OmmersHash = ommersHash, Coinbase = coinbase, StateRoot = stateRoot,
            TransactionsRoot = txRoot, ReceiptsRoot = receiptsRoot, LogsBloom = bloom, Difficulty = difficulty,
            Number = number, GasLimit = gasLimit, GasUsed = gasUsed, Timestamp = timestamp, ExtraData = extraData,
            MixHash = mixHash, Nonce = nonce,
            BaseFeePerGas = count > 15 ? ReadUInt256(ref f, "baseFeePerGas") : null,
            WithdrawalsRoot = count > 16 ? ReadHash(ref f, "withdrawalsRoot") : null,
            BlobGasUsed = count > 17 ? ReadUInt64(ref f, "blobGasUsed") : null,
            ExcessBlobGas = count > 18 ? ReadUInt64(ref f, "excessBlobGas") : null,
            ParentBeaconBlockRoot = count > 19 ? ReadHash(ref f, "parentBeaconBlockRoot") : null,
        };
    }

    internal static int CountItems(RlpReader list)
    {
        int count = 0;
        while (!list.AtEnd) { list.Skip(); count++; }
        return count;
    }
}
