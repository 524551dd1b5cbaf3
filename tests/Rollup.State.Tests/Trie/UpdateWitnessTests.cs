using Rollup.Crypto.Bn254.Fields;
using Rollup.State.Trie;

namespace Rollup.State.Tests.Trie;

/// <summary>How a circuit witness is made: a batch's updates replayed one at a time over an overlay, each with a
/// path before and after; the chain of roots ends where the batched commit ends.</summary>
public class UpdateWitnessTests
{
    [Fact]
    public void SingleUpdatesReplayedOnAnOverlayChainToTheBatchRoot()
    {
        var rng = new Random(13);
        var store = new MemoryNodeStore();
        var keys = Enumerable.Range(0, 60).Select(_ => Fr.Random(rng)).ToList();
        var initial = new SparseMerkleTrie(store, Fr.Zero);
        foreach (var k in keys.Take(40)) initial.Set(k, Fr.Random(rng), []);
        var created = new List<KeyValuePair<Fr, NodeRecord>>();
        Fr start = initial.Commit(created);
        store.Add(created);

        // The batch: updates, inserts and deletes of keys present and absent.
        var batch = new List<(Fr Key, Fr? Value)>();
        for (int i = 0; i < 30; i++) batch.Add((keys[rng.Next(keys.Count)], rng.Next(3) == 0 ? null : Fr.Random(rng)));

        var batched = new SparseMerkleTrie(store, start);
        foreach (var (k, v) in batch) { if (v is { } value) batched.Set(k, value, []); else batched.Delete(k); }
        Fr end = batched.Commit(new List<KeyValuePair<Fr, NodeRecord>>());

        var overlay = new OverlayNodeStore(store);
        Fr root = start;
        foreach (var (k, v) in batch)
        {
            TrieProof before = TrieReader.Prove(overlay, root, new TrieKey(k));
            Assert.Equal(root, before.ComputeRoot());
            var step = new SparseMerkleTrie(overlay, root);
            if (v is { } value) step.Set(k, value, []); else step.Delete(k);
            var nodes = new List<KeyValuePair<Fr, NodeRecord>>();
            root = step.Commit(nodes);
            overlay.Add(nodes);
            TrieProof after = TrieReader.Prove(overlay, root, new TrieKey(k));
            Assert.True(after.Verify(root, v));
        }
        Assert.Equal(end, root);
        Assert.Null(store.TryGetNode(end));   // the intermediate and final nodes stayed in the overlay
    }
}
