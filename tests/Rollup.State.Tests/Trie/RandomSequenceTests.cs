using System.Numerics;
using Rollup.Crypto.Bn254.Fields;
using Rollup.State.Tests.Support;
using Rollup.State.Trie;

namespace Rollup.State.Tests.Trie;

/// <summary>
/// The incremental trie against the naive recursive root (<see cref="NaiveTrie"/>) over thousands of random
/// inserts, updates and deletes, committed in batches of 1..8. Keys are drawn from a pool in which many share long
/// runs of low bits, so splits, one-sided chains and lifts on deletion happen far more often than with hashed keys.
/// </summary>
public class RandomSequenceTests
{
    private static List<Fr> KeyPool(Random rng)
    {
        var keys = new HashSet<Fr>();
        while (keys.Count < 24) keys.Add(Fr.Random(rng));
        // Families sharing their lowest 3, 9 or 24 bits: deep paths and long one-sided chains.
        foreach (int shared in new[] { 3, 9, 24 })
        {
            BigInteger low = new BigInteger(rng.NextInt64()) & ((BigInteger.One << shared) - 1);
            for (int i = 0; i < 8; i++)
            {
                var high = new BigInteger(rng.NextInt64(1, long.MaxValue)) << shared;
                if (rng.Next(2) == 0) high <<= 150;
                keys.Add(Fr.FromBigInteger(high | low));
            }
        }
        return [.. keys];
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void IncrementalRootEqualsNaiveRootAfterEveryCommit(int seed)
    {
        var rng = new Random(seed);
        List<Fr> pool = KeyPool(rng);
        var store = new MemoryNodeStore();
        var model = new Dictionary<Fr, Fr>();
        Fr root = Fr.Zero;
        int operations = 0;

        for (int commit = 0; commit < 240; commit++)
        {
            var trie = new SparseMerkleTrie(store, root);
            int count = rng.Next(1, 9);
            for (int i = 0; i < count; i++, operations++)
            {
                Fr key = pool[rng.Next(pool.Count)];
                if (rng.Next(100) < 60)
                {
                    Fr value = Fr.FromUInt64((ulong)rng.NextInt64(1, long.MaxValue));
                    trie.Set(key, value, []);
                    model[key] = value;
                }
                else
                {
                    trie.Delete(key);
                    model.Remove(key);
                }
            }
            var created = new List<KeyValuePair<Fr, NodeRecord>>();
            root = trie.Commit(created);
            store.Add(created);

            Assert.Equal(NaiveTrie.Root(model.Select(kv => (kv.Key, kv.Value))), root);
            if (commit % 25 == 0)
                foreach (Fr key in pool)
                {
                    NodeRecord? found = TrieReader.Find(store, root, new TrieKey(key));
                    if (model.TryGetValue(key, out Fr value)) Assert.Equal(value, found?.ValueHash);
                    else Assert.Null(found);
                }
        }
        Assert.True(operations > 900, $"{operations} operations");
    }

    /// <summary>One trie object taking many commits in a row (as a long-lived trie would) must agree too: commit
    /// re-marks nodes clean, later updates dirty them again.</summary>
    [Fact]
    public void ATrieCommittedRepeatedlyKeepsAgreeing()
    {
        var rng = new Random(7);
        List<Fr> pool = KeyPool(rng);
        var store = new MemoryNodeStore();
        var model = new Dictionary<Fr, Fr>();
        var trie = new SparseMerkleTrie(store, Fr.Zero);
        for (int step = 0; step < 120; step++)
        {
            Fr key = pool[rng.Next(pool.Count)];
            if (rng.Next(3) > 0) { Fr v = Fr.FromUInt64((ulong)step + 1); trie.Set(key, v, []); model[key] = v; }
            else { trie.Delete(key); model.Remove(key); }
            var created = new List<KeyValuePair<Fr, NodeRecord>>();
            Fr root = trie.Commit(created);
            store.Add(created);
            Assert.Equal(NaiveTrie.Root(model.Select(kv => (kv.Key, kv.Value))), root);
        }
    }

    /// <summary>Large commits hash their changed subtrees on several threads: same root as one thread and as the
    /// naive definition, for a fresh trie and for updates and deletions spread over an existing one.</summary>
    [Fact]
    public void ParallelCommitsEqualSequentialOnesAndTheNaiveRoot()
    {
        var rng = new Random(9);
        var model = new Dictionary<Fr, Fr>();
        for (int i = 0; i < 700; i++) model[Fr.Random(rng)] = Fr.Random(rng);
        var store = new MemoryNodeStore();
        Fr[] roots = new Fr[2];
        foreach (int parallelism in new[] { 1, 4 })
        {
            var trie = new SparseMerkleTrie(store, Fr.Zero);
            foreach (var (k, v) in model) trie.Set(k, v, []);
            var created = new List<KeyValuePair<Fr, NodeRecord>>();
            roots[parallelism == 1 ? 0 : 1] = trie.Commit(created, parallelism);
            store.Add(created);
        }
        Assert.Equal(roots[0], roots[1]);
        Assert.Equal(NaiveTrie.Root(model.Select(kv => (kv.Key, kv.Value))), roots[1]);

        var update = new SparseMerkleTrie(store, roots[1]);
        foreach (var key in model.Keys.ToList().Where((_, i) => i % 2 == 0))
        {
            if (rng.Next(2) == 0) { update.Delete(key); model.Remove(key); }
            else { Fr v = Fr.Random(rng); update.Set(key, v, []); model[key] = v; }
        }
        var more = new List<KeyValuePair<Fr, NodeRecord>>();
        Fr updated = update.Commit(more, parallelism: 4);
        store.Add(more);
        Assert.Equal(NaiveTrie.Root(model.Select(kv => (kv.Key, kv.Value))), updated);
        foreach (var (k, v) in model) Assert.Equal(v, TrieReader.Find(store, updated, new TrieKey(k))!.ValueHash);
    }
}
