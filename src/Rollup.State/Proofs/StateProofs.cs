using Rollup.Core.Numerics;
using Rollup.Core.Types;
using Rollup.Crypto.Bn254.Fields;
using Rollup.State.Leaves;
using Rollup.State.Trie;

namespace Rollup.State.Proofs;

/// <summary>Builds account and storage proofs from the stored nodes, and checks them against a state root with
/// nothing but Poseidon (what a light client, a bridge or a test does).</summary>
public static class StateProofs
{
    public static AccountProof Build(INodeReader nodes, in Fr root, in Address address, IReadOnlyList<UInt256> slots)
    {
        TrieProof path = TrieReader.Prove(nodes, root, StateKeys.AccountPath(address), out NodeRecord? leaf);
        AccountLeaf? account = path.ProvesPresence ? AccountLeaf.DecodePayload(leaf!.Payload) : null;
        Fr storageRoot = account?.StorageRoot ?? Fr.Zero;

        var storage = new List<StorageProof>(slots.Count);
        foreach (var slot in slots)
        {
            TrieProof slotPath = TrieReader.Prove(nodes, storageRoot, StateKeys.StoragePath(slot), out NodeRecord? slotLeaf);
            UInt256 value = slotPath.ProvesPresence ? StorageLeaf.DecodeValue(slotLeaf!.Payload) : UInt256.Zero;
            storage.Add(new StorageProof(slot, value, slotPath));
        }
        return new AccountProof(address, account, path, storage);
    }

    /// <summary>
    /// True when <paramref name="proof"/> shows, under <paramref name="root"/>: the account's fields (or that it
    /// does not exist), and each slot's value (zero meaning absent) under the account's storage root. Every path
    /// key is recomputed from the address and slots, never taken from the proof.
    /// </summary>
    public static bool Verify(in Fr root, AccountProof proof)
    {
        if (proof.Path.Key != StateKeys.Account(proof.Address)) return false;
        Fr storageRoot = Fr.Zero;
        if (proof.Account is { } account)
        {
            if (account.Address != proof.Address || account.IsEmpty) return false;
            if (!proof.Path.Verify(root, account.ValueHash())) return false;
            storageRoot = account.StorageRoot;
        }
        else if (!proof.Path.Verify(root, null)) return false;

        foreach (var slot in proof.Storage)
        {
            if (slot.Path.Key != StateKeys.Storage(slot.Slot)) return false;
            Fr? valueHash = slot.Value.IsZero ? null : StorageLeaf.ValueHash(slot.Value);
            if (!slot.Path.Verify(storageRoot, valueHash)) return false;
        }
        return true;
    }
}
