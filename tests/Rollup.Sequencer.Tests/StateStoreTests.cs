using RocksDbSharp;
using Rollup.Core.Numerics;
using Rollup.Core.Types;
using Rollup.Evm.State;
using Rollup.Sequencer.State;
using Rollup.Sequencer.Storage;
using Rollup.Sequencer.Tests.Support;

namespace Rollup.Sequencer.Tests;

/// <summary>The versioned RocksDB state with the interim MPT commitment: its root equals the reference full
/// recomputation after random change sets (deletes and storage wipes included), every block's state stays readable,
/// and a reopened store rebuilds the same root.</summary>
public sealed class StateStoreTests : IDisposable
{
    private readonly string _dir = TestNode.NewDataDir();

    public void Dispose() { try { Directory.Delete(_dir, true); } catch (IOException) { } }

    private static Address A(int i) => new([.. new byte[19], (byte)i]);

    [Fact]
    public void Root_matches_the_reference_and_history_stays_readable()
    {
        var random = new Random(7);
        var reference = new InMemoryStateSource();
        var snapshots = new List<InMemoryStateSource>();
        using (var db = Database.Open(_dir, false))
        {
            var store = new VersionedStateStore(db, new MptStateCommitment());
            store.Open(0);
            for (ulong block = 0; block < 30; block++)
            {
                var changes = RandomChanges(random, reference);
                using var batch = new WriteBatch();
                var root = store.Commit(block, changes, batch);
                db.Write(batch);
                reference.Apply(changes);
                snapshots.Add(reference.Clone());
                Assert.Equal(MptStateRoot.Compute(reference), root);
            }
            for (int block = 0; block < snapshots.Count; block++) AssertSameState(snapshots[block], store.At((ulong)block));
        }
        using (var db = Database.Open(_dir, false))
        {
            var reopened = new VersionedStateStore(db, new MptStateCommitment());
            Assert.Equal(MptStateRoot.Compute(reference), reopened.Open(29));
            // Reopened at an older head, the store commits to that block's state.
            Assert.Equal(MptStateRoot.Compute(snapshots[10]), new VersionedStateStore(db, new MptStateCommitment()).Open(10));
        }
    }

    private static void AssertSameState(InMemoryStateSource expected, IStateSource actual)
    {
        for (int i = 0; i < 12; i++)
        {
            var address = A(i);
            bool exists = expected.TryGetAccount(address, out var e);
            Assert.Equal(exists, actual.TryGetAccount(address, out var a));
            if (!exists) continue;
            Assert.Equal(e, a);
            for (int slot = 0; slot < 6; slot++) Assert.Equal(expected.GetStorage(address, (ulong)slot), actual.GetStorage(address, (ulong)slot));
            Assert.Equal(expected.HasStorage(address), actual.HasStorage(address));
            Assert.Equal(expected.GetCode(e.CodeHash), actual.GetCode(a.CodeHash));
        }
    }

    /// <summary>Changes of the shapes the journaled state produces: new and updated accounts, deletions, wiped storage
    /// with fresh writes, slot writes including zeros and unchanged values.</summary>
    private static StateChanges RandomChanges(Random random, InMemoryStateSource current)
    {
        var changes = new StateChanges();
        for (int n = random.Next(1, 5); n > 0; n--)
        {
            var address = A(random.Next(12));
            bool exists = current.TryGetAccount(address, out var account);
            int action = random.Next(10);
            if (exists && action == 0)
            {
                changes.Accounts[address] = null;
                continue;
            }
            var code = random.Next(4) == 0 ? new byte[] { 0x60, (byte)random.Next(256), 0x00 } : null;
            var codeHash = code is null ? (exists ? account.CodeHash : AccountData.EmptyCodeHash) : Core.Crypto.Keccak256.Hash(code);
            if (code is not null) changes.Code[codeHash] = code;
            changes.Accounts[address] = new AccountData((exists ? account.Nonce : 0) + 1, (ulong)random.Next(1000), codeHash);
            if (exists && action == 1) changes.StorageCleared.Add(address);
            var slots = new Dictionary<UInt256, UInt256>();
            for (int s = random.Next(4); s > 0; s--) slots[(ulong)random.Next(6)] = random.Next(3) == 0 ? UInt256.Zero : (ulong)random.Next(1, 100);
            if (slots.Count > 0) changes.Storage[address] = slots;
        }
        return changes;
    }
}
