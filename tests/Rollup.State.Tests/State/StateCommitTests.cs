using Rollup.Core.Numerics;
using Rollup.Core.Types;
using Rollup.Crypto.Bn254.Fields;
using Rollup.Evm.State;
using Rollup.State.Store;
using Rollup.State.Tests.Support;

namespace Rollup.State.Tests.State;

/// <summary>Commits of random blocks, checked against <see cref="InMemoryStateSource.Apply"/> (the EVM's reference
/// semantics for a change set) read by read, and against a fresh tree built from the resulting state in one go.</summary>
public class StateCommitTests
{
    private static void AssertSameState(InMemoryStateSource expected, PoseidonStateDb actual, RandomChanges universe)
    {
        foreach (var address in universe.Addresses)
        {
            Assert.Equal(expected.TryGetAccount(address, out var e), actual.TryGetAccount(address, out var a));
            Assert.Equal(e, a);
            Assert.Equal(expected.HasStorage(address), actual.HasStorage(address));
            foreach (var slot in universe.Slots) Assert.Equal(expected.GetStorage(address, slot), actual.GetStorage(address, slot));
            if (a.CodeHash != default) Assert.Equal(expected.GetCode(a.CodeHash), actual.GetCode(a.CodeHash));
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void RandomBlocksReadBackAsTheInMemoryStateAndTheRootIsHistoryIndependent(int seed)
    {
        using var dir = new TempDirectory();
        using var store = StateStore.Open(dir.Path);
        var universe = new RandomChanges(seed);
        var expected = new InMemoryStateSource();
        var state = store.At(StateRoot.Empty);
        var roots = new List<(Fr Root, InMemoryStateSource State)>();

        for (int block = 0; block < 12; block++)
        {
            StateChanges changes = universe.Next(expected);
            expected.Apply(changes);
            state.Commit(changes);
            AssertSameState(expected, state, universe);
            roots.Add((state.Root, expected.Clone()));
        }

        // The root depends on the state only: a fresh tree given the final state in one commit agrees.
        var fresh = StateStore.Open(Path.Combine(dir.Path, "fresh"));
        using (fresh)
        {
            var rebuilt = fresh.At(StateRoot.Empty);
            rebuilt.Commit(RandomChanges.Snapshot(expected));
            Assert.Equal(state.Root, rebuilt.Root);
        }

        // Every earlier root is still readable (nothing is pruned).
        foreach (var (root, snapshot) in roots) AssertSameState(snapshot, store.At(root), universe);
    }

    [Fact]
    public void AnAccountLeftEmptyIsRemovedAndAnEmptyStateHasRootZero()
    {
        using var dir = new TempDirectory();
        using var store = StateStore.Open(dir.Path);
        var state = store.At(StateRoot.Empty);
        var a = RandomChanges.AddressOf(5, 1);

        var create = new StateChanges();
        create.Accounts[a] = new AccountData(1, new UInt256(10), AccountData.EmptyCodeHash);
        create.Storage[a] = new() { [UInt256.One] = new UInt256(7) };
        state.Commit(create);
        Assert.NotEqual(Fr.Zero, state.Root);

        var zeroSlot = new StateChanges();
        zeroSlot.Storage[a] = new() { [UInt256.One] = UInt256.Zero };
        state.Commit(zeroSlot);
        Assert.False(state.HasStorage(a));

        var emptied = new StateChanges();
        emptied.Accounts[a] = AccountData.Empty;
        state.Commit(emptied);
        Assert.False(state.TryGetAccount(a, out _));
        Assert.Equal(Fr.Zero, state.Root);
    }

    [Fact]
    public void AStateReopenedFromDiskHasTheSameRootAndValues()
    {
        using var dir = new TempDirectory();
        var universe = new RandomChanges(3);
        var expected = new InMemoryStateSource();
        Fr root;
        using (var store = StateStore.Open(dir.Path))
        {
            var state = store.At(StateRoot.Empty);
            for (int block = 0; block < 4; block++)
            {
                var changes = universe.Next(expected);
                expected.Apply(changes);
                state.Commit(changes);
            }
            root = state.Root;
        }
        using (var reopened = StateStore.Open(dir.Path))
        {
            var state = reopened.At(StateRoot.FromHash(StateRoot.ToHash(root)));
            AssertSameState(expected, state, universe);
            // And it keeps going from there.
            var changes = universe.Next(expected);
            expected.Apply(changes);
            state.Commit(changes);
            AssertSameState(expected, state, universe);
        }
    }

    [Fact]
    public void ACommitSharesTheCallersWriteBatch()
    {
        using var dir = new TempDirectory();
        var universe = new RandomChanges(4);
        var expected = new InMemoryStateSource();
        var changes = universe.Next(expected);
        expected.Apply(changes);
        byte[] blockKey = "block:1"u8.ToArray();
        Fr root;
        using (var store = StateStore.Open(dir.Path))
        {
            var state = store.At(StateRoot.Empty);
            using var batch = new RocksDbSharp.WriteBatch();
            root = state.Commit(changes, batch);
            AssertSameState(expected, state, universe);          // readable before the batch is written
            Assert.Null(store.Database.Get(blockKey));
            batch.Put(blockKey, new byte[] { 1, 2, 3 });
            store.Write(batch);
        }
        using (var reopened = StateStore.Open(dir.Path))
        {
            Assert.Equal([1, 2, 3], reopened.Database.Get(blockKey));
            AssertSameState(expected, reopened.At(root), universe);
        }
    }

    /// <summary>A contract writing many slots at once takes the parallel path (leaves built on several threads, the
    /// storage trie hashed in parallel): same root as on one thread.</summary>
    [Fact]
    public void ManySlotsCommitTheSameOnOneThreadAndOnSeveral()
    {
        using var dir = new TempDirectory();
        var a = RandomChanges.AddressOf(6, 1);
        var changes = new StateChanges();
        changes.Accounts[a] = new AccountData(1, UInt256.One, AccountData.EmptyCodeHash);
        changes.Storage[a] = Enumerable.Range(1, 600).ToDictionary(i => RandomChanges.Word(i), i => new UInt256((ulong)i));
        var roots = new List<Fr>();
        foreach (int parallelism in new[] { 1, 4 })
        {
            using var store = StateStore.Open(Path.Combine(dir.Path, parallelism.ToString()));
            store.Parallelism = parallelism;
            var state = store.At(StateRoot.Empty);
            roots.Add(state.Commit(changes));
            foreach (var (slot, value) in changes.Storage[a]) Assert.Equal(value, state.GetStorage(a, slot));
        }
        Assert.Equal(roots[0], roots[1]);
    }
}
