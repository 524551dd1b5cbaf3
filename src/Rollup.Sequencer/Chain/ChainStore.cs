using System.Collections.Concurrent;
using RocksDbSharp;
using Rollup.Core.Blocks;
using Rollup.Core.Types;
using Rollup.Sequencer.Storage;

namespace Rollup.Sequencer.Chain;

/// <summary>Blocks, receipts and their indexes in RocksDB. Writing a block is staging it into the caller's batch
/// (with the state and pool changes of the same block) and then <see cref="SetHead"/> once the batch is written; reads
/// are safe from any thread. Recently read blocks are kept decoded, since clients poll the head over and over.</summary>
public sealed class ChainStore(Database db)
{
    private static readonly byte[] HeadKey = Keys.MetaKey("head");
    private static readonly byte[] GenesisKey = Keys.MetaKey("genesis");
    private const int CachedBlocks = 256;

    private readonly ConcurrentDictionary<ulong, Block> _blocks = new();
    private volatile Block? _head;

    public Database Database => db;

    /// <summary>The newest stored block (null before genesis is written).</summary>
    public Block? Head => _head;

    /// <summary>Loads the head from the database; returns false for an empty database.</summary>
    public bool Open()
    {
        var head = db.Get(HeadKey);
        if (head is null) return false;
        _head = GetBlock(Keys.ReadNumber(head)) ?? throw new InvalidDataException("the stored head block is missing");
        return true;
    }

    public Hash256? StoredGenesisHash => db.Get(GenesisKey) is { } g ? new Hash256(g) : null;

    /// <summary>Stages a block with its receipts, transaction and log indexes, and the new head pointer.</summary>
    public static void Stage(WriteBatch batch, Block block, IReadOnlyList<StoredReceipt> receipts)
    {
        ulong number = block.Number;
        batch.Put(Keys.Of(Keys.BlockByNumber, number), BlockCodec.Encode(block));
        batch.Put(Keys.Of(Keys.NumberByHash, block.Hash), Keys.BigEndian(number));
        batch.Put(Keys.Of(Keys.Receipts, number), StoredReceipt.EncodeList(receipts));
        for (int i = 0; i < block.Transactions.Count; i++)
            batch.Put(Keys.Of(Keys.TxLocation, block.Transactions[i].Hash), (byte[])[.. Keys.BigEndian(number), .. BitConverter.GetBytes(i)]);

        var addresses = new HashSet<Address>();
        var topics = new HashSet<Hash256>();
        foreach (var r in receipts)
            foreach (var log in r.Receipt.Logs)
            {
                addresses.Add(log.Address);
                foreach (var t in log.Topics) topics.Add(t);
            }
        foreach (var a in addresses) batch.Put(Keys.Of(Keys.LogAddress, a, number), Array.Empty<byte>());
        foreach (var t in topics) batch.Put(Keys.Of(Keys.LogTopic, t, number), Array.Empty<byte>());
        batch.Put(HeadKey, Keys.BigEndian(number));
        if (number == 0) batch.Put(GenesisKey, block.Hash.ToArray());
    }

    /// <summary>Makes a written block the head that readers see.</summary>
    public void SetHead(Block block)
    {
        _blocks[block.Number] = block;
        _head = block;
        if (block.Number >= CachedBlocks) _blocks.TryRemove(block.Number - CachedBlocks, out _);
    }

    public Block? GetBlock(ulong number)
    {
        if (_head is { } head && number > head.Number) return null;
        if (_blocks.TryGetValue(number, out var cached)) return cached;
        var raw = db.Get(Keys.Of(Keys.BlockByNumber, number));
        if (raw is null) return null;
        var block = BlockCodec.Decode(raw);
        if (_head is null || number + CachedBlocks > _head.Number) _blocks[number] = block;
        return block;
    }

    public ulong? GetNumber(in Hash256 hash) => db.Get(Keys.Of(Keys.NumberByHash, hash)) is { } n ? Keys.ReadNumber(n) : null;

    public Block? GetBlock(in Hash256 hash) => GetNumber(hash) is { } n ? GetBlock(n) : null;

    public List<StoredReceipt>? GetReceipts(ulong number) =>
        db.Get(Keys.Of(Keys.Receipts, number)) is { } raw ? StoredReceipt.DecodeList(raw) : null;

    /// <summary>Where a mined transaction is: block number and index in the block.</summary>
    public (ulong Number, int Index)? FindTransaction(in Hash256 hash)
    {
        var raw = db.Get(Keys.Of(Keys.TxLocation, hash));
        if (raw is null) return null;
        ulong number = Keys.ReadNumber(raw);
        if (_head is { } head && number > head.Number) return null;
        return (number, BitConverter.ToInt32(raw, 8));
    }

    /// <summary>Blocks in [from, to] that hold a log emitted by the address (from the log index).</summary>
    public IEnumerable<ulong> BlocksWithAddress(Address address, ulong from, ulong to) =>
        IndexRange(Keys.Of(Keys.LogAddress, address), from, to);

    /// <summary>Blocks in [from, to] that hold a log carrying the topic in any position.</summary>
    public IEnumerable<ulong> BlocksWithTopic(Hash256 topic, ulong from, ulong to) =>
        IndexRange(Keys.Of(Keys.LogTopic, topic), from, to);

    private IEnumerable<ulong> IndexRange(byte[] prefix, ulong from, ulong to)
    {
        foreach (var (key, _) in db.Scan(prefix, Keys.Versioned(prefix, from)))
        {
            ulong n = Keys.ReadNumber(key.AsSpan(prefix.Length));
            if (n > to) yield break;
            yield return n;
        }
    }
}
