using Rollup.Core.Chain;
using Rollup.Core.Rlp;
using Rollup.Core.Transactions;
using Rollup.Core.Types;
using static Rollup.Core.Blocks.BlockFieldReader;

namespace Rollup.Core.Blocks;

/// <summary>The consensus encoding of a receipt, as the receipts trie stores it: rlp([statusOrPostState,
/// cumulativeGasUsed, bloom, logs]), prefixed by the type byte for typed transactions (EIP-2718). The status is 0x01
/// for success and the empty string for failure; before Byzantium the first field is the 32-byte post-state root.</summary>
public static class ReceiptCodec
{
    public static byte[] Encode(Receipt receipt)
    {
        using var w = new RlpWriter(512);
        if (receipt.Type != TxType.Legacy) w.WriteRaw([(byte)receipt.Type]);
        int list = w.StartList();
        if (receipt.PostState is { } root) w.WriteBytes(root.Bytes);
        else w.WriteUInt64(receipt.Success ? 1UL : 0UL);
        w.WriteUInt64(receipt.CumulativeGasUsed);
        w.WriteBytes(receipt.Bloom.Bytes);
        int logs = w.StartList();
        foreach (var log in receipt.Logs) LogsHash.WriteLog(w, log);
        w.EndList(logs);
        w.EndList(list);
        return w.ToArray();
    }

    /// <exception cref="BlockException">MalformedRlp when the bytes are not one canonical receipt.</exception>
    public static Receipt Decode(ReadOnlySpan<byte> encoded)
    {
        if (encoded.Length == 0) throw new BlockException(BlockError.MalformedRlp, "empty receipt");
        var type = TxType.Legacy;
        if (encoded[0] < 0xc0)
        {
            if (encoded[0] is < (byte)TxType.AccessList or > (byte)TxType.Blob)
                throw new BlockException(BlockError.MalformedRlp, $"receipt type 0x{encoded[0]:x2} is not a transaction type");
            type = (TxType)encoded[0];
            encoded = encoded[1..];
        }
        return Strict(encoded, (ref RlpReader r) => Read(ref r, type), "receipt");
    }

    private static Receipt Read(ref RlpReader reader, TxType type)
    {
        var f = ReadList(ref reader, "receipt");
        var outcome = ReadString(ref f, "status");
        bool success = false;
        Hash256? postState = null;
        if (outcome.Length == Hash256.Size) postState = new Hash256(outcome);
        else if (outcome.Length == 0 || (outcome.Length == 1 && outcome[0] == 1)) success = outcome.Length == 1;
        else throw new BlockException(BlockError.MalformedRlp, "a receipt's first field is a status (empty or 0x01) or a 32-byte state root");
        ulong cumulative = ReadUInt64(ref f, "cumulativeGasUsed");
        var bloom = new Bloom(ReadFixed(ref f, "bloom", Bloom.Size));
        var logList = ReadList(ref f, "logs");
        var logs = new List<LogEntry>();
        while (!logList.AtEnd) logs.Add(ReadLog(ref logList));
        if (!f.AtEnd) throw new BlockException(BlockError.MalformedRlp, "a receipt has 4 fields");
        return new Receipt { Type = type, Success = success, PostState = postState, CumulativeGasUsed = cumulative, Bloom = bloom, Logs = logs };
    }

    private static LogEntry ReadLog(ref RlpReader reader)
    {
        var f = ReadList(ref reader, "log");
        var address = ReadAddress(ref f, "log address");
        var topicList = ReadList(ref f, "topics");
        var topics = new List<Hash256>();
        while (!topicList.AtEnd) topics.Add(ReadHash(ref topicList, "topic"));
        var data = ReadString(ref f, "log data").ToArray();
        if (!f.AtEnd) throw new BlockException(BlockError.MalformedRlp, "a log has 3 fields");
        return new LogEntry(address, [.. topics], data);
    }
}
