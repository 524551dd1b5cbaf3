using Rollup.Core.Chain;
using Rollup.Core.Numerics;
using Rollup.Core.Types;
using Rollup.Evm.State;

namespace Rollup.Evm.Tests.State;

/// <summary>Storage, warm slots and transient storage of the journaled state through reverts, re-creation and
/// transaction commits, with enough slots to cross the slot table's and the journal's chunks.</summary>
public class JournaledStateTests
{
    private static readonly ForkRules Cancun = ForkRules.For(Fork.Cancun);
    private static readonly Address Contract = Address.Parse("0x00000000000000000000000000000000000c0de1");

    private static JournaledState NewState(int presetSlots)
    {
        var source = new InMemoryStateSource();
        source.SetAccount(Contract, 1, UInt256.Zero, [0x00],
            Enumerable.Range(1, presetSlots).Select(i => KeyValuePair.Create(new UInt256((ulong)i), new UInt256((ulong)i * 10))));
        var state = new JournaledState(source);
        state.BeginTransaction();
        return state;
    }

    private static UInt256 W(long v) => new((ulong)v);

    [Fact]
    public void Revert_restores_values_and_warm_flags_of_thousands_of_slots()
    {
        var state = NewState(presetSlots: 1_000);
        for (int i = 1; i <= 1_500; i++) { Assert.True(state.WarmStorage(Contract, W(i))); state.SetStorage(Contract, W(i), W(i + 7)); }
        int snapshot = state.TakeSnapshot();
        for (int i = 1_000; i <= 3_000; i++) { state.WarmStorage(Contract, W(i)); state.SetStorage(Contract, W(i), W(0)); }
        state.RevertToSnapshot(snapshot);

        for (int i = 1; i <= 1_500; i++)
        {
            Assert.Equal(W(i + 7), state.GetStorage(Contract, W(i)));
            Assert.Equal(i <= 1_000 ? W(i * 10) : W(0), state.GetOriginalStorage(Contract, W(i)));
            Assert.False(state.WarmStorage(Contract, W(i)));
        }
        for (int i = 1_501; i <= 3_000; i++)
        {
            Assert.Equal(W(0), state.GetStorage(Contract, W(i)));
            Assert.True(state.WarmStorage(Contract, W(i))); // the revert made it cold again
        }
    }

    [Fact]
    public void A_snapshot_between_warming_and_writing_a_slot_reverts_only_the_write()
    {
        var state = NewState(presetSlots: 1);
        int outer = state.TakeSnapshot();
        Assert.True(state.WarmStorage(Contract, W(1)));
        int inner = state.TakeSnapshot();
        state.SetStorage(Contract, W(1), W(5));
        state.RevertToSnapshot(inner);
        Assert.Equal(W(10), state.GetStorage(Contract, W(1)));
        Assert.False(state.WarmStorage(Contract, W(1)));

        // Warmed and written with no snapshot between (one merged journal entry): undone together.
        Assert.True(state.WarmStorage(Contract, W(2)));
        state.SetStorage(Contract, W(2), W(6));
        Assert.Equal(W(6), state.GetStorage(Contract, W(2)));
        state.RevertToSnapshot(outer);
        Assert.Equal(W(10), state.GetStorage(Contract, W(1)));
        Assert.Equal(W(0), state.GetStorage(Contract, W(2)));
        Assert.True(state.WarmStorage(Contract, W(1)));
        Assert.True(state.WarmStorage(Contract, W(2)));
    }

    [Fact]
    public void Commit_makes_writes_the_next_transactions_originals_and_resets_warmth()
    {
        var state = NewState(presetSlots: 3);
        state.WarmStorage(Contract, W(1));
        state.SetStorage(Contract, W(1), W(99));
        state.SetStorage(Contract, W(5), W(55));
        Assert.Equal(W(10), state.GetOriginalStorage(Contract, W(1)));
        state.CommitTransaction(Cancun);

        state.BeginTransaction();
        Assert.True(state.WarmStorage(Contract, W(1)));
        Assert.Equal(W(99), state.GetStorage(Contract, W(1)));
        Assert.Equal(W(99), state.GetOriginalStorage(Contract, W(1)));
        Assert.Equal(W(55), state.GetOriginalStorage(Contract, W(5)));
        Assert.Equal(W(20), state.GetStorage(Contract, W(2)));
        state.CommitTransaction(Cancun);

        var storage = state.GetChanges().Storage[Contract];
        Assert.Equal(W(99), storage[W(1)]);
        Assert.Equal(W(55), storage[W(5)]);
    }

    [Fact]
    public void Create_voids_earlier_storage_and_a_revert_brings_it_back()
    {
        var state = NewState(presetSlots: 2);
        state.SetStorage(Contract, W(1), W(11));
        state.SetStorage(Contract, W(7), W(77));
        Assert.True(state.HasStorage(Contract));
        int snapshot = state.TakeSnapshot();
        state.CreateAccount(Contract);
        Assert.Equal(W(0), state.GetStorage(Contract, W(1)));
        Assert.Equal(W(0), state.GetStorage(Contract, W(7)));
        Assert.Equal(W(0), state.GetOriginalStorage(Contract, W(2)));
        Assert.False(state.HasStorage(Contract));
        state.SetStorage(Contract, W(3), W(33));
        state.RevertToSnapshot(snapshot);
        Assert.Equal(W(11), state.GetStorage(Contract, W(1)));
        Assert.Equal(W(77), state.GetStorage(Contract, W(7)));
        Assert.Equal(W(20), state.GetStorage(Contract, W(2)));
        Assert.Equal(W(0), state.GetStorage(Contract, W(3)));
    }

    [Fact]
    public void Create_committed_wipes_the_older_storage_for_later_transactions()
    {
        var state = NewState(presetSlots: 2);
        state.GetStorage(Contract, W(2)); // cached from the source
        state.CreateAccount(Contract);
        state.SetStorage(Contract, W(4), W(44));
        state.CommitTransaction(Cancun);

        state.BeginTransaction();
        Assert.Equal(W(0), state.GetStorage(Contract, W(1)));
        Assert.Equal(W(0), state.GetOriginalStorage(Contract, W(2)));
        Assert.Equal(W(44), state.GetOriginalStorage(Contract, W(4)));
        var changes = state.GetChanges();
        Assert.Contains(Contract, changes.StorageCleared);
        Assert.Equal([KeyValuePair.Create(W(4), W(44))], changes.Storage[Contract].ToList());
    }

    [Fact]
    public void Transient_storage_reverts_and_ends_with_the_transaction()
    {
        var state = NewState(presetSlots: 0);
        state.SetTransientStorage(Contract, W(1), W(5));
        int snapshot = state.TakeSnapshot();
        state.SetTransientStorage(Contract, W(1), W(6));
        state.SetTransientStorage(Contract, W(2), W(7));
        state.RevertToSnapshot(snapshot);
        Assert.Equal(W(5), state.GetTransientStorage(Contract, W(1)));
        Assert.Equal(W(0), state.GetTransientStorage(Contract, W(2)));
        state.CommitTransaction(Cancun);
        state.BeginTransaction();
        Assert.Equal(W(0), state.GetTransientStorage(Contract, W(1)));
    }
}
