using RocksDbSharp;
using Rollup.Core.Numerics;
using Rollup.Core.Types;
using Rollup.Evm.State;
using Rollup.Sequencer.State;
using Rollup.Sequencer.Storage;
using Rollup.Sequencer.Tests.Support;

namespace Rollup.Sequencer.Tests;

/// <summary>The node's Poseidon state store on RocksDB: its roots equal js/smt-reference.mjs's (circomlibjs Poseidon,
/// the tree written again from docs/state-tree.md) after random change sets with deletes and storage wipes, every
/// block's state stays readable, a reopened store resumes at the stored root, and an abandoned block leaves nothing
/// behind that a later block could depend on.</summary>
public sealed class StateStoreTests : IDisposable
{
    private readonly string _dir = TestNode.NewDataDir();

    public void Dispose() { try { Directory.Delete(_dir, true); } catch (IOException) { } }

    private static Address A(int i) => new([.. new byte[19], (byte)i]);

    [Fact]
    public async Task Roots_match_the_JavaScript_reference_and_history_stays_readable()
    {
        var random = new Random(7);
        var reference = new InMemoryStateSource();
        var snapshots = new List<InMemoryStateSource>();
        var roots = new List<Hash256>();
        using (var db = Database.Open(_dir, false))
        {
            var store = new PoseidonStateStore(db);
            for (ulong block = 0; block < 30; block++)
            {
                var changes = RandomChanges(random, reference);
                using var batch = new WriteBatch();
                roots.Add(store.Commit(block, changes, batch));
                store.Write(batch);
                reference.Apply(changes);
                snapshots.Add(reference.Clone());
                Assert.Equal(roots[^1], store.Root);
            }
            foreach (int block in new[] { 0, 9, 29 }) Assert.Equal(await SmtReference.Root(snapshots[block]), roots[block]);
            for (int block = 0; block < snapshots.Count; block++) AssertSameState(snapshots[block], store.At((ulong)block));
        }
        using (var db = Database.Open(_dir, false))
        {
            Assert.Equal(roots[29], new PoseidonStateStore(db).Open(29));
            // Reopened at an older head, the store commits to that block's state and builds on it.
            var older = new PoseidonStateStore(db);
            Assert.Equal(roots[10], older.Open(10));
            AssertSameState(snapshots[10], older.At(10));
        }
    }

    [Fact]
    public void An_abandoned_block_leaves_no_record_a_later_block_relies_on()
    {
        var changes = RandomChanges(new Random(3), new InMemoryStateSource());
        Hash256 root;
        using (var db = Database.Open(_dir, false))
        {
            var store = new PoseidonStateStore(db);
            using (var abandoned = new WriteBatch())
            {
                store.Commit(0, changes, abandoned);
                store.Abandon();
            }
            // The same block again creates the same nodes: they must go into this batch, not be taken as pending.
            using var batch = new WriteBatch();
            root = store.Commit(0, changes, batch);
            store.Write(batch);
        }
        using (var db = Database.Open(_dir, false))
        {
            var reopened = new PoseidonStateStore(db);
            Assert.Equal(root, reopened.Open(0));
            var expected = new InMemoryStateSource();
            expected.Apply(changes);
            AssertSameState(expected, reopened.At(0));
        }
    }

    [Fact]
    public void A_missing_state_is_refused_at_open()
    {
        using var db = Database.Open(_dir, false);
        var error = Assert.Throws<InvalidDataException>(() => new PoseidonStateStore(db).Open(5));
        Assert.Contains("no state root is stored for block #5", error.Message);
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
