using RocksDbSharp;
using Rollup.Sequencer.Storage;

namespace Rollup.Sequencer.Batches;

/// <summary>Batch records in RocksDB, by number and by last block (to find the batch holding a block with one seek).</summary>
public sealed class BatchStore(Database db)
{
    private static readonly byte[] LatestKey = Keys.MetaKey("batch");

    public ulong LatestNumber => db.Get(LatestKey) is { } n ? Keys.ReadNumber(n) : 0;

    public BatchRecord? Get(ulong number) => db.Get(Keys.Of(Keys.Batch, number)) is { } raw ? BatchRecord.Decode(raw) : null;

    public BatchRecord? Latest => LatestNumber is var n and > 0 ? Get(n) : null;

    /// <summary>The batch whose blocks include <paramref name="blockNumber"/>, if one is sealed yet.</summary>
    public BatchRecord? ByBlock(ulong blockNumber)
    {
        var prefix = Keys.Of(Keys.BatchByLastBlock);
        foreach (var (_, value) in db.Scan(prefix, Keys.Of(Keys.BatchByLastBlock, blockNumber)))
        {
            var batch = Get(Keys.ReadNumber(value));
            return batch is not null && batch.FirstBlock <= blockNumber ? batch : null;
        }
        return null;
    }

    /// <summary>Writes a new batch and makes it the latest, atomically.</summary>
    public void Add(BatchRecord batch)
    {
        using var wb = new WriteBatch();
        wb.Put(Keys.Of(Keys.Batch, batch.Number), batch.Encode());
        wb.Put(Keys.Of(Keys.BatchByLastBlock, batch.LastBlock), Keys.BigEndian(batch.Number));
        wb.Put(LatestKey, Keys.BigEndian(batch.Number));
        db.Write(wb);
    }

    /// <summary>Records a status change of an existing batch.</summary>
    public void Update(BatchRecord batch) => db.Put(Keys.Of(Keys.Batch, batch.Number), batch.Encode());

    /// <summary>Batches not finalized yet, oldest first (to resume their way to L1 after a restart).</summary>
    public List<BatchRecord> Unfinalized()
    {
        var batches = new List<BatchRecord>();
        for (ulong n = LatestNumber; n >= 1; n--)
        {
            var b = Get(n);
            if (b is null || b.Status == BatchStatus.Finalized) break;
            batches.Add(b);
        }
        batches.Reverse();
        return batches;
    }
}
