using RocksDbSharp;
using Rollup.Core.Types;
using Rollup.Sequencer.Storage;

namespace Rollup.Sequencer.Mempool;

/// <summary>The pool's write-ahead record: a transaction is written here before its hash is returned to the client,
/// and removed in the same atomic write as the block that includes it (or when the pool drops it). After a crash the
/// node replays the journal, so every transaction whose hash a client got is either in a block or back in the pool.</summary>
public sealed class PoolJournal(Database db)
{
    public void Add(in Hash256 hash, byte[] raw) => db.Put(Keys.Of(Keys.PoolTx, hash), raw);

    public void Remove(in Hash256 hash) => db.Delete(Keys.Of(Keys.PoolTx, hash));

    /// <summary>Stages the removal into a block's batch.</summary>
    public static void Remove(WriteBatch batch, in Hash256 hash) => batch.Delete(Keys.Of(Keys.PoolTx, hash));

    public IEnumerable<byte[]> Load() => db.Scan(Keys.Of(Keys.PoolTx)).Select(e => e.Value);
}
