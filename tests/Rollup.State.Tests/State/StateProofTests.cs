using Rollup.Core.Numerics;
using Rollup.Crypto.Bn254.Fields;
using Rollup.Evm.State;
using Rollup.State.Proofs;
using Rollup.State.Store;
using Rollup.State.Tests.Support;
using Rollup.State.Trie;

namespace Rollup.State.Tests.State;

public class StateProofTests
{
    private static (StateStore Store, PoseidonStateDb State, InMemoryStateSource Expected, RandomChanges Universe) Build(TempDirectory dir)
    {
        var store = StateStore.Open(dir.Path);
        var universe = new RandomChanges(8, addressCount: 40);
        var expected = new InMemoryStateSource();
        var state = store.At(StateRoot.Empty);
        for (int block = 0; block < 3; block++)
        {
            var changes = universe.Next(expected);
            expected.Apply(changes);
            state.Commit(changes);
        }
        return (store, state, expected, universe);
    }

    [Fact]
    public void ProofsOfEveryAccountAndSlotVerifyAndCarryTheValues()
    {
        using var dir = new TempDirectory();
        var (store, state, expected, universe) = Build(dir);
        using var _ = store;
        int present = 0, absent = 0, slotsPresent = 0;
        foreach (var address in universe.Addresses.Append(RandomChanges.AddressOf(99, 1)))
        {
            AccountProof proof = state.GetProof(address, universe.Slots);
            Assert.True(StateProofs.Verify(state.Root, proof));
            if (expected.TryGetAccount(address, out var account))
            {
                present++;
                Assert.Equal(account, proof.Account!.Value.Data);
            }
            else
            {
                absent++;
                Assert.Null(proof.Account);
            }
            foreach (var slot in proof.Storage)
            {
                Assert.Equal(expected.GetStorage(address, slot.Slot), slot.Value);
                if (!slot.Value.IsZero) slotsPresent++;
            }
        }
        Assert.True(present > 5 && absent > 0 && slotsPresent > 5, $"{present} present, {absent} absent, {slotsPresent} slots");
    }

    [Fact]
    public void AlteredProofsFail()
    {
        using var dir = new TempDirectory();
        var (store, state, expected, universe) = Build(dir);
        using var _ = store;
        var address = universe.Addresses.First(a => expected.HasStorage(a));
        var slot = expected.StorageOf(address).Keys.First();
        AccountProof proof = state.GetProof(address, [slot, new UInt256(123456789)]);
        Assert.True(StateProofs.Verify(state.Root, proof));

        var account = proof.Account!.Value;
        Assert.False(StateProofs.Verify(state.Root + Fr.One, proof));
        Assert.False(StateProofs.Verify(state.Root, proof with { Account = account with { Balance = account.Balance + UInt256.One } }));
        Assert.False(StateProofs.Verify(state.Root, proof with { Account = account with { StorageRoot = account.StorageRoot + Fr.One } }));
        Assert.False(StateProofs.Verify(state.Root, proof with { Account = null }));
        Assert.False(StateProofs.Verify(state.Root, proof with { Address = universe.Addresses.First(a => a != address) }));

        var siblings = proof.Path.Siblings.ToArray();
        siblings[^1] += Fr.One;
        Assert.False(StateProofs.Verify(state.Root, proof with { Path = proof.Path with { Siblings = siblings } }));

        StorageProof present = proof.Storage[0], missing = proof.Storage[1];
        Assert.False(StateProofs.Verify(state.Root, proof with { Storage = [present with { Value = present.Value + UInt256.One }] }));
        Assert.False(StateProofs.Verify(state.Root, proof with { Storage = [present with { Value = UInt256.Zero }] }));
        Assert.False(StateProofs.Verify(state.Root, proof with { Storage = [missing with { Value = UInt256.One }] }));
        Assert.False(StateProofs.Verify(state.Root, proof with { Storage = [present with { Slot = missing.Slot }] }));
        if (present.Path.Depth > 0)
        {
            var slotSiblings = present.Path.Siblings.ToArray();
            slotSiblings[0] += Fr.One;
            Assert.False(StateProofs.Verify(state.Root, proof with { Storage = [present with { Path = present.Path with { Siblings = slotSiblings } }] }));
        }
        var leafAltered = present.Path with { LeafValueHash = present.Path.LeafValueHash + Fr.One };
        Assert.False(StateProofs.Verify(state.Root, proof with { Storage = [present with { Path = leafAltered }] }));
    }

    [Fact]
    public void TheProofOfAnAbsentAccountHasEmptyStoragePaths()
    {
        using var dir = new TempDirectory();
        var (store, state, _, _) = Build(dir);
        using var __ = store;
        AccountProof proof = state.GetProof(RandomChanges.AddressOf(77, 7), [UInt256.One]);
        Assert.Null(proof.Account);
        Assert.Equal(TerminalKind.Empty, proof.Storage[0].Path.Terminal);
        Assert.Equal(0, proof.Storage[0].Path.Depth);
        Assert.True(StateProofs.Verify(state.Root, proof));
    }
}
