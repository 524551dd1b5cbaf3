using Rollup.Circuits.Poseidon;
using Rollup.Circuits.StateTree;
using Rollup.Crypto.Bn254.Fields;
using Rollup.Plonk.Checking;
using Rollup.Plonk.Circuit;
using Rollup.State.Trie;
using Xunit.Abstractions;

namespace Rollup.Circuits.Tests;

/// <summary>The state-tree update chip on a real Poseidon sparse Merkle trie (Rollup.State): a chain of updates of
/// present keys, inserts into empty subtrees and deletes without a lift proves the move from the trie's root before to
/// the root a batched commit computes after; every cell of every region is bound; wrong siblings, roots and key bits
/// are named.</summary>
public class SmtUpdateChipTests(ITestOutputHelper output)
{
    private sealed record Built(ConstraintSystem Cs, PoseidonChip Poseidon, SmtUpdateChip Smt, Assignment A, List<SmtUpdate> Updates,
        Fr Start, Fr End, (Fr Old, Fr New) Roots);

    /// <summary>A real trie of 16 random keys and a chain of <paramref name="updates"/> random updates replayed on it one
    /// at a time (TrieReader proofs before and after each); the end root comes independently from one batched commit.</summary>
    private static (List<SmtUpdate> Chain, Fr Start, Fr End) Chain(int seed, int updates, Fr trie)
    {
        var rng = new Random(seed);
        var store = new MemoryNodeStore();
        var keys = Enumerable.Range(0, 24).Select(_ => Fr.Random(rng)).ToList();
        var initial = new SparseMerkleTrie(store, Fr.Zero);
        foreach (var k in keys.Take(16)) initial.Set(k, Fr.Random(rng), []);
        var created = new List<KeyValuePair<Fr, NodeRecord>>();
        Fr start = initial.Commit(created);
        store.Add(created);

        var overlay = new OverlayNodeStore(store);
        var chain = new List<SmtUpdate>();
        var applied = new List<(Fr Key, Fr? Value)>();
        Fr root = start;
        for (int tries = 0; chain.Count < updates && tries < 1000; tries++)
        {
            // Present keys (updates, deletes), absent ones and fresh ones (inserts).
            var k = rng.Next(3) == 0 ? Fr.Random(rng) : keys[rng.Next(keys.Count)];
            Fr? v = rng.Next(3) == 0 ? null : Fr.Random(rng);
            var before = TrieReader.Prove(overlay, root, new TrieKey(k));
            var step = new SparseMerkleTrie(overlay, root);
            if (v is { } value) step.Set(k, value, []); else step.Delete(k);
            var nodes = new List<KeyValuePair<Fr, NodeRecord>>();
            var next = step.Commit(nodes);
            if (next == root) continue; // deleting an absent key changes nothing
            overlay.Add(nodes);
            var after = TrieReader.Prove(overlay, next, new TrieKey(k));
            chain.Add(SmtUpdate.From(before, after, overlay) with { Trie = trie });
            applied.Add((k, v));
            root = next;
        }
        Assert.Equal(updates, chain.Count);

        var batched = new SparseMerkleTrie(store, start);
        foreach (var (k, v) in applied) { if (v is { } value) batched.Set(k, value, []); else batched.Delete(k); }
        Fr end = batched.Commit(new List<KeyValuePair<Fr, NodeRecord>>());
        return (chain, start, end);
    }

    private static Built Build(int seed, int updates = 6, int capacity = 8, Func<List<SmtUpdate>, List<SmtUpdate>>? lie = null)
    {
        var (chain, start, end) = Chain(seed, updates, Fr.Zero);
        if (lie is not null) chain = lie(chain);
        return Assign(chain, capacity, start, end);
    }

    private static Built Assign(List<SmtUpdate> chain, int capacity, Fr start, Fr end)
    {
        var cs = new ConstraintSystem();
        var poseidon = new PoseidonChip(cs, CapacityFor(chain, capacity));
        var smt = new SmtUpdateChip(cs, poseidon, capacity);
        int rows = poseidon.RowCount + smt.RowCount;
        int kk = 4;
        while ((1 << kk) < rows + 1) kk++;
        var a = new Assignment(cs, kk);
        poseidon.Assign(a, 0, new Dictionary<int, List<Fr[]>> { [4] = smt.PoseidonInputsWithPadding(chain) });
        var roots = smt.Assign(a, poseidon.RowCount, chain);
        return new Built(cs, poseidon, smt, a, chain, start, end, roots);
    }

    [Fact]
    public void Two_tries_chain_separately()
    {
        // The account trie (0) and one storage trie (an address) in one chip: each chains from its own start to its own
        // end; the boundary is flagged as the end of one trie and the start of the next.
        var address = Fr.FromUInt64(0xC0FFEE);
        var (accounts, accountStart, accountEnd) = Chain(7, 4, Fr.Zero);
        var (storage, storageStart, storageEnd) = Chain(8, 3, address);
        var b = Assign([.. accounts, .. storage], 9, accountStart, storageEnd);
        Assert.Empty(new ConstraintChecker().Check(b.A));
        var s = b.Smt;
        int Row(int region) => b.Poseidon.RowCount + region * SmtUpdateChip.RegionRows;
        Assert.Equal(accountStart, b.A[s.OldRoot, Row(0)]);
        Assert.Equal(accountEnd, b.A[s.NewRoot, Row(3)]);
        Assert.Equal(Fr.One, b.A[s.LastOfTrie, Row(3)]);
        Assert.Equal(Fr.One, b.A[s.FirstOfTrie, Row(4)]);
        Assert.Equal(storageStart, b.A[s.OldRoot, Row(4)]);
        Assert.Equal(storageEnd, b.A[s.NewRoot, Row(8)]); // the padding regions keep the storage trie's end root

        // Every cell of the two regions at the boundary is bound.
        var checker = new LocalChecker(b.A) { MaxFailures = 1 };
        var missed = new List<string>();
        foreach (var column in s.AdviceColumns)
            for (int r = Row(3); r < Row(5); r++)
            {
                var original = b.A[column, r];
                b.A[column, r] = original + Fr.One;
                if (checker.CheckChanged((column, r)).Count == 0) missed.Add($"{column.Name}[{r - Row(0)}]");
                b.A[column, r] = original;
            }
        Assert.True(missed.Count == 0, "uncaught: " + string.Join(", ", missed.Take(20)));

        // Claiming the storage updates belong to the account trie makes them continue its chain, which they do not.
        for (int r = Row(4); r < Row(9); r++) b.A[s.Trie, r] = Fr.Zero;
        for (int r = Row(3); r < Row(5); r++) { b.A[s.LastOfTrie, r] = Fr.Zero; b.A[s.FirstOfTrie, r] = Fr.Zero; b.A[s.TrieChangeAfterInverse, r] = Fr.Zero; b.A[s.TrieChangeBeforeInverse, r] = Fr.Zero; }
        var failures = new ConstraintChecker { MaxFailures = 20 }.Check(b.A);
        Assert.Contains(failures, f => f.Name.Contains("updates of one trie chain"));
    }

    private static Dictionary<int, int> CapacityFor(List<SmtUpdate> chain, int capacity)
    {
        var padding = SmtUpdateChip.Padding(chain);
        int hashes = SmtUpdateChip.PoseidonInputs(chain.Concat(Enumerable.Repeat(padding, capacity - chain.Count))).Count;
        return new Dictionary<int, int> { [4] = hashes };
    }

    [Fact]
    public void A_chain_of_updates_moves_the_root_as_the_trie_does()
    {
        var b = Build(1, updates: 16, capacity: 16);
        Assert.Empty(new ConstraintChecker().Check(b.A));
        Assert.Equal(b.Start, b.Roots.Old);
        Assert.Equal(b.End, b.Roots.New);
        string Kind(SmtUpdate u) => (u.OldTerminal, u.NewTerminal) switch
        {
            (SmtTerminal.KeyLeaf, SmtTerminal.KeyLeaf) => "update",
            (SmtTerminal.Empty, SmtTerminal.KeyLeaf) => "insert into empty",
            (SmtTerminal.OtherLeaf, SmtTerminal.KeyLeaf) => "insert splitting a leaf",
            (SmtTerminal.KeyLeaf, SmtTerminal.Empty) => "delete",
            (SmtTerminal.KeyLeaf, SmtTerminal.OtherLeaf) => "delete lifting a leaf",
            _ => "other",
        };
        var kinds = b.Updates.GroupBy(Kind).ToDictionary(g => g.Key, g => g.Count());
        output.WriteLine($"{b.Updates.Count} updates on 2^{b.A.K} rows: {string.Join(", ", kinds.Select(k => $"{k.Value} {k.Key}"))}");
        foreach (var kind in new[] { "update", "insert splitting a leaf", "delete lifting a leaf" }) Assert.True(kinds.ContainsKey(kind), kind);
    }

    [Fact]
    public void Every_cell_of_every_region_is_bound()
    {
        var b = Build(1, updates: 16, capacity: 16); // every kind of update (see the test above)
        var s = b.Smt;
        var columns = s.AdviceColumns.ToArray();
        var checker = new LocalChecker(b.A) { MaxFailures = 1 };
        int start = b.Poseidon.RowCount, tried = 0;
        var missed = new List<string>();
        for (int row = start; row < start + s.RowCount; row++)
            foreach (var column in columns)
            {
                var original = b.A[column, row];
                b.A[column, row] = original + Fr.One;
                tried++;
                if (checker.CheckChanged((column, row)).Count == 0) missed.Add($"{column.Name}[{row - start}]");
                b.A[column, row] = original;
            }
        output.WriteLine($"state-tree update chip: {tried - missed.Count}/{tried} mutations caught");
        Assert.True(missed.Count == 0, "uncaught: " + string.Join(", ", missed.Take(30)));
    }

    [Fact]
    public void A_wrong_sibling_or_root_is_named()
    {
        var b = Build(3);
        int row = b.Poseidon.RowCount; // region 0, depth 0
        var sibling = b.A[b.Smt.Old.Sibling, row];
        b.A[b.Smt.Old.Sibling, row] = sibling + Fr.One;
        var failures = new ConstraintChecker { MaxFailures = 20 }.Check(b.A);
        Assert.Contains(failures, f => f.Name.Contains("left child") || f.Name.Contains("right child"));
        b.A[b.Smt.Old.Sibling, row] = sibling;

        // A root that is not the path's: every row of region 1 claims another old root.
        int region1 = row + SmtUpdateChip.RegionRows;
        for (int r = region1; r < region1 + SmtUpdateChip.RegionRows; r++) b.A[b.Smt.OldRoot, r] += Fr.One;
        failures = new ConstraintChecker { MaxFailures = 20 }.Check(b.A);
        Assert.Contains(failures, f => f.Name.Contains("updates of one trie chain"));
        Assert.Contains(failures, f => f.Name.Contains("the old root is row 0's old node"));
    }

    [Fact]
    public void A_split_passed_off_as_a_replacement_is_refused()
    {
        // An insert at another key's leaf must split it; putting the key's leaf in its place (same depth, same siblings)
        // would drop the other key from the trie.
        var failures = Failures(Build(1, updates: 16, capacity: 16, lie: chain =>
        {
            int i = chain.FindIndex(u => u.NewLonger);
            chain[i] = chain[i] with { NewSiblings = chain[i].OldSiblings };
            return chain;
        }));
        Assert.Contains(failures, f => f.Name.Contains("without a reshape the other leaf is on both sides or neither"));
    }

    [Fact]
    public void A_lift_that_stops_early_or_a_delete_beside_a_leaf_is_refused()
    {
        // A delete that leaves the other key's leaf where it was (its parent now has one empty side and a leaf), rather
        // than lifting it: the same-depth delete needs a branch beside it, and a leaf is not one.
        var failures = Failures(Build(1, updates: 16, capacity: 16, lie: chain =>
        {
            int i = chain.FindIndex(u => u.OldLonger);
            var u = chain[i];
            chain[i] = u with { NewSiblings = u.OldSiblings, NewTerminal = SmtTerminal.Empty, OtherKey = Fr.Zero, OtherValueHash = Fr.Zero };
            return chain;
        }));
        Assert.Contains(failures, f => f.Name.Contains("the sibling beside a delete is a branch"));
    }

    private static IReadOnlyList<ConstraintFailure> Failures(Built b) => new ConstraintChecker { MaxFailures = 50 }.Check(b.A);

    [Fact]
    public void Key_bits_of_k_plus_r_are_refused()
    {
        // A key below 2^254 − r has a second 254-bit string, k + r, that sums to the same field element: it would steer
        // to another leaf. Region 0 gets those bits (and the sums they make); only the comparison with r objects.
        var r = Fr.Modulus;
        Built b = null!;
        for (int seed = 4; ; seed++)   // about a third of keys are below 2^254 − r and have an alias
        {
            b = Build(seed, updates: 1, capacity: 1);
            if (b.A[b.Smt.Key.Value, b.Poseidon.RowCount].ToBigInteger() + r < System.Numerics.BigInteger.One << 254) break;
        }
        var s = b.Smt;
        int row0 = b.Poseidon.RowCount;
        var alias = b.A[s.Key.Value, row0].ToBigInteger() + r;
        System.Numerics.BigInteger acc = 0;
        bool below = false;
        for (int i = 0; i < SmtUpdateChip.RegionRows; i++)
        {
            int bit = (int)((alias >> i) & 1), rBit = (int)((r >> i) & 1);
            b.A.Assign(s.Key.Bit, row0 + i, (ulong)bit);
            b.A[s.Key.Acc, row0 + i] = Fr.FromBigInteger(acc % r);
            b.A.Assign(s.Key.Below, row0 + i, below ? 1UL : 0UL);
            acc += (System.Numerics.BigInteger)bit << i;
            below = bit < rBit || (bit == rBit && below);
        }
        var failures = new ConstraintChecker { MaxFailures = 50 }.Check(b.A);
        Assert.Contains(failures, f => f.Name.Contains("the key is below r"));
        Assert.DoesNotContain(failures, f => f.Name.Contains("the bits sum to the key"));
    }

    [Fact]
    public void The_chip_proves_and_a_wrong_new_value_does_not()
    {
        var b = Build(5, updates: 2, capacity: 2);
        var srs = Rollup.Crypto.Kzg.Srs.InsecureFromSeed(b.A.Rows, "smt chip"u8);
        var pk = Rollup.Plonk.Keys.KeyGenerator.Generate(b.A, srs);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var proof = Rollup.Plonk.Proving.Prover.Prove(pk, b.A, []).ToBytes();
        output.WriteLine($"proved 2 updates on 2^{b.A.K} rows in {clock.Elapsed.TotalSeconds:F1} s");
        Assert.True(Rollup.Plonk.Verifying.Verifier.Verify(pk.Vk, [], proof));
        int row0 = b.Poseidon.RowCount;
        for (int r = row0; r < row0 + SmtUpdateChip.RegionRows; r++) b.A[b.Smt.New.ValueHash, r] += Fr.One;
        var bad = Rollup.Plonk.Proving.Prover.Prove(pk, b.A, []).ToBytes();
        Assert.False(Rollup.Plonk.Verifying.Verifier.Verify(pk.Vk, [], bad));
    }
}
