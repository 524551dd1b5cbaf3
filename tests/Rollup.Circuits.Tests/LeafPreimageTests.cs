using Rollup.Circuits.Poseidon;
using Rollup.Circuits.StateTree;
using Rollup.Core.Numerics;
using Rollup.Core.Types;
using Rollup.Crypto.Bn254.Fields;
using Rollup.Plonk.Checking;
using Rollup.Plonk.Circuit;
using Rollup.State.Leaves;
using Rollup.State.Trie;
using Xunit.Abstractions;

namespace Rollup.Circuits.Tests;

/// <summary>Leaf preimages on real account and storage tries built with Rollup.State's own leaf encodings
/// (AccountLeaf, StorageLeaf, StateKeys): the keys and value hashes the trie holds are Poseidon of the addresses,
/// slots, fields and values the regions carry; every preimage cell is bound; a wrong balance or slot value is named.</summary>
public class LeafPreimageTests(ITestOutputHelper output)
{
    private sealed record Built(Assignment A, SmtUpdateChip Smt, LeafPreimages Leaves, int SmtStart, List<SmtUpdate> Updates);

    private static AccountLeaf RandomAccount(Random rng, Address address)
    {
        var balance = new byte[32];
        rng.NextBytes(balance.AsSpan(20));
        var code = new byte[32];
        rng.NextBytes(code);
        return new AccountLeaf(address, (ulong)rng.Next(1000), UInt256.FromBigEndian(balance), new Hash256(code), Fr.Random(rng), (ulong)rng.Next(24_576), Fr.Random(rng));
    }

    private static Fr[] Fields(AccountLeaf leaf)
    {
        var fields = new Fr[AccountLeaf.FieldCount];
        leaf.WriteFields(fields);
        return fields;
    }

    /// <summary>An account trie of 12 accounts and one account's storage trie of 8 slots; then a balance change, a new
    /// account, a changed slot, a new slot and a cleared one, as the state tree would apply them.</summary>
    private static Built Build()
    {
        var rng = new Random(21);
        var store = new MemoryNodeStore();
        Address NewAddress() { var b = new byte[20]; rng.NextBytes(b); return new Address(b); }
        var accounts = Enumerable.Range(0, 12).Select(_ => RandomAccount(rng, NewAddress())).ToList();
        var accountTrie = new SparseMerkleTrie(store, Fr.Zero);
        foreach (var acc in accounts) accountTrie.Set(StateKeys.Account(acc.Address), acc.ValueHash(), []);
        var created = new List<KeyValuePair<Fr, NodeRecord>>();
        Fr accountRoot = accountTrie.Commit(created);
        store.Add(created);

        var slots = Enumerable.Range(0, 8).Select(i => (Slot: new UInt256((ulong)rng.NextInt64()), Value: new UInt256((ulong)rng.NextInt64() + 1))).ToList();
        var storageTrie = new SparseMerkleTrie(store, Fr.Zero);
        foreach (var (slot, value) in slots) storageTrie.Set(StateKeys.Storage(slot), StorageLeaf.ValueHash(value), []);
        created = [];
        Fr storageRoot = storageTrie.Commit(created);
        store.Add(created);

        var overlay = new OverlayNodeStore(store);
        var updates = new List<SmtUpdate>();
        SmtUpdate Apply(ref Fr root, Fr key, Fr? valueHash, LeafPreimage preimage, Fr trie)
        {
            var before = TrieReader.Prove(overlay, root, new TrieKey(key));
            var step = new SparseMerkleTrie(overlay, root);
            if (valueHash is { } vh) step.Set(key, vh, []); else step.Delete(key);
            var nodes = new List<KeyValuePair<Fr, NodeRecord>>();
            root = step.Commit(nodes);
            overlay.Add(nodes);
            var after = TrieReader.Prove(overlay, root, new TrieKey(key));
            return SmtUpdate.From(before, after, overlay) with { Trie = trie, Preimage = preimage };
        }

        // Storage of account 0: one slot changed, one new, one cleared.
        var owner = FieldEncoding.FromAddress(accounts[0].Address);
        var fresh = new UInt256(0xABCDEF);
        foreach (var (slot, oldValue, newValue) in new[] { (slots[0].Slot, slots[0].Value, new UInt256(77)), (fresh, UInt256.Zero, new UInt256(5)), (slots[1].Slot, slots[1].Value, UInt256.Zero) })
            updates.Add(Apply(ref storageRoot, StateKeys.Storage(slot), newValue.IsZero ? null : StorageLeaf.ValueHash(newValue),
                LeafPreimage.Storage(owner, slot, oldValue, newValue), owner));

        // Account 1's balance changes; a new account appears.
        var changed = accounts[1] with { Balance = accounts[1].Balance + new UInt256(1_000_000) };
        updates.Add(Apply(ref accountRoot, StateKeys.Account(changed.Address), changed.ValueHash(),
            LeafPreimage.Account(FieldEncoding.FromAddress(changed.Address), Fields(accounts[1]), Fields(changed)), Fr.Zero));
        var newcomer = RandomAccount(rng, NewAddress());
        updates.Add(Apply(ref accountRoot, StateKeys.Account(newcomer.Address), newcomer.ValueHash(),
            LeafPreimage.Account(FieldEncoding.FromAddress(newcomer.Address), new Fr[AccountLeaf.FieldCount], Fields(newcomer)), Fr.Zero));

        int capacity = updates.Count + 1;
        var regions = updates.Concat([SmtUpdateChip.Padding(updates)]).ToList();
        var widths = LeafPreimages.PoseidonInputs(regions);
        var cs = new ConstraintSystem();
        var poseidon = new PoseidonChip(cs, new Dictionary<int, int>
        {
            [2] = widths[2].Count, [3] = widths[3].Count, [9] = widths[9].Count,
            [4] = SmtUpdateChip.PoseidonInputs(regions).Count,
        });
        var smt = new SmtUpdateChip(cs, poseidon, capacity);
        var leaves = new LeafPreimages(cs, smt, poseidon);
        int k = 4;
        while ((1 << k) < poseidon.RowCount + smt.RowCount + 1) k++;
        var a = new Assignment(cs, k);
        widths[4] = smt.PoseidonInputsWithPadding(updates);
        poseidon.Assign(a, 0, widths);
        smt.Assign(a, poseidon.RowCount, updates);
        leaves.Assign(a, poseidon.RowCount, regions);
        return new Built(a, smt, leaves, poseidon.RowCount, updates);
    }

    [Fact]
    public void Account_and_slot_preimages_hash_to_the_trie_leaves()
    {
        var b = Build();
        var failures = new ConstraintChecker().Check(b.A);
        Assert.True(failures.Count == 0, string.Join("\n", failures.Take(5)));
        output.WriteLine($"{b.Updates.Count} updates with preimages on 2^{b.A.K} rows");
    }

    [Fact]
    public void Every_preimage_cell_is_bound()
    {
        var b = Build();
        var checker = new LocalChecker(b.A) { MaxFailures = 1 };
        int tried = 0;
        var missed = new List<string>();
        for (int row = b.SmtStart; row < b.SmtStart + b.Smt.RowCount; row++)
            foreach (var column in b.Leaves.AdviceColumns)
            {
                var original = b.A[column, row];
                b.A[column, row] = original + Fr.One;
                tried++;
                if (checker.CheckChanged((column, row)).Count == 0) missed.Add($"{column.Name}[{row - b.SmtStart}]");
                b.A[column, row] = original;
            }
        output.WriteLine($"leaf preimages: {tried - missed.Count}/{tried} mutations caught");
        Assert.True(missed.Count == 0, "uncaught: " + string.Join(", ", missed.Take(20)));
    }

    [Fact]
    public void A_wrong_balance_or_slot_value_is_named()
    {
        var b = Build();
        int account = b.Updates.FindIndex(u => u.Preimage!.IsAccount);
        int row = b.SmtStart + account * SmtUpdateChip.RegionRows + 1; // field 1: balance lo
        b.A[b.Leaves.NewField, row] += Fr.One;
        var failures = new ConstraintChecker { MaxFailures = 20 }.Check(b.A);
        Assert.Contains(failures, f => f.Name == "new account value hash is Poseidon(fields)");
        b.A[b.Leaves.NewField, row] -= Fr.One;

        int slot = b.Updates.FindIndex(u => !u.Preimage!.IsAccount && u.OldTerminal == SmtTerminal.KeyLeaf);
        row = b.SmtStart + slot * SmtUpdateChip.RegionRows;
        b.A[b.Leaves.OldField, row] += Fr.One;
        failures = new ConstraintChecker { MaxFailures = 20 }.Check(b.A);
        Assert.Contains(failures, f => f.Name == "old slot value hash is Poseidon(value lo, value hi)");
    }
}
