using RocksDbSharp;

namespace Rollup.Sequencer.Storage;

/// <summary>The node's one RocksDB database. Every table (blocks, receipts, indexes, state versions, batches, the
/// mempool journal) lives in it under its own key prefix (<see cref="Keys"/>), so that one <see cref="WriteBatch"/>
/// can change all of them atomically: a block and everything it implies land together or not at all.</summary>
public sealed class Database : IDisposable
{
    private readonly RocksDb _db;
    private readonly WriteOptions _writeOptions;

    private Database(RocksDb db, WriteOptions writeOptions)
    {
        _db = db;
        _writeOptions = writeOptions;
    }

    /// <param name="syncWrites">fsync the write-ahead log on every write. Without it a write survives the process
    /// being killed (it is in the OS page cache once Write returns) but not a power loss.</param>
    public static Database Open(string path, bool syncWrites)
    {
        Directory.CreateDirectory(path);
        var options = new DbOptions().SetCreateIfMissing(true);
        return new Database(RocksDb.Open(options, path), new WriteOptions().SetSync(syncWrites));
    }

    /// <summary>The RocksDB handle, for the state tree's store (Rollup.State), which keeps its nodes in this same
    /// database so that a block's state and the block go into one write.</summary>
    public RocksDb Rocks => _db;

    /// <summary>The options every write uses (fsync or not, per <c>sync-writes</c>).</summary>
    public WriteOptions WriteOptions => _writeOptions;

    public byte[]? Get(ReadOnlySpan<byte> key) => _db.Get(key.ToArray());

    public void Put(ReadOnlySpan<byte> key, ReadOnlySpan<byte> value) => _db.Put(key, value, null, _writeOptions);

    public void Delete(ReadOnlySpan<byte> key) => _db.Remove(key, null, _writeOptions);

    /// <summary>Applies every change in the batch atomically.</summary>
    public void Write(WriteBatch batch) => _db.Write(batch, _writeOptions);

    /// <summary>The entry with the greatest key ≤ <paramref name="key"/> that still starts with
    /// <paramref name="prefix"/>: with versioned keys (prefix ‖ block number) this is the version in force at that block.</summary>
    public bool TrySeekAtOrBefore(ReadOnlySpan<byte> key, ReadOnlySpan<byte> prefix, out byte[] foundKey, out byte[] value)
    {
        using var it = _db.NewIterator();
        it.SeekForPrev(key);
        if (it.Valid())
        {
            var k = it.GetKeySpan();
            if (k.StartsWith(prefix))
            {
                foundKey = k.ToArray();
                value = it.Value();
                return true;
            }
        }
        foundKey = value = [];
        return false;
    }

    /// <summary>Every entry whose key starts with <paramref name="prefix"/>, in key order, from <paramref name="from"/>
    /// (a key with that prefix) if given. The iterator lives as long as the enumeration.</summary>
    public IEnumerable<(byte[] Key, byte[] Value)> Scan(byte[] prefix, byte[]? from = null)
    {
        using var it = _db.NewIterator();
        it.Seek(from ?? prefix);
        while (it.Valid())
        {
            var key = it.Key();
            if (!key.AsSpan().StartsWith(prefix)) yield break;
            yield return (key, it.Value());
            it.Next();
        }
    }

    public void Dispose() => _db.Dispose();
}
