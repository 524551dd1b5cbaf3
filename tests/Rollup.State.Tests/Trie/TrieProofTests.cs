using Rollup.Crypto.Bn254.Fields;
using Rollup.State.Trie;

namespace Rollup.State.Tests.Trie;

public class TrieProofTests
{
    private static (MemoryNodeStore Store, Fr Root, Dictionary<Fr, Fr> Leaves) RandomTrie(int seed, int count)
    {
        var rng = new Random(seed);
        var store = new MemoryNodeStore();
        var leaves = new Dictionary<Fr, Fr>();
        var trie = new SparseMerkleTrie(store, Fr.Zero);
        for (int i = 0; i < count; i++)
        {
            Fr k = Fr.Random(rng), v = Fr.Random(rng);
            leaves[k] = v;
            trie.Set(k, v, []);
        }
        var created = new List<KeyValuePair<Fr, NodeRecord>>();
        Fr root = trie.Commit(created);
        store.Add(created);
        return (store, root, leaves);
    }

    [Fact]
    public void PresentKeysProveTheirValueAndNothingElse()
    {
        var (store, root, leaves) = RandomTrie(1, 200);
        foreach (var (key, value) in leaves)
        {
            TrieProof proof = TrieReader.Prove(store, root, new TrieKey(key));
            Assert.True(proof.ProvesPresence);
            Assert.True(proof.Verify(root, value));
            Assert.False(proof.Verify(root, value + Fr.One));   // another value
            Assert.False(proof.Verify(root, null));            // claimed absent
            Assert.InRange(proof.Depth, 1, 30);
        }
    }

    [Fact]
    public void AbsentKeysProveAbsenceThroughEmptyAndOtherLeafTerminals()
    {
        var (store, root, _) = RandomTrie(2, 200);
        var rng = new Random(3);
        int empty = 0, otherLeaf = 0;
        for (int i = 0; i < 300; i++)
        {
            Fr key = Fr.Random(rng);
            TrieProof proof = TrieReader.Prove(store, root, new TrieKey(key));
            Assert.False(proof.ProvesPresence);
            Assert.True(proof.Verify(root, null));
            Assert.False(proof.Verify(root, Fr.One));
            if (proof.Terminal == TerminalKind.Empty) empty++; else otherLeaf++;
        }
        Assert.True(empty > 0 && otherLeaf > 0, $"{empty} empty, {otherLeaf} other-leaf terminals");
    }

    [Fact]
    public void AlteringASiblingTheLeafOrTheRootBreaksTheProof()
    {
        var (store, root, leaves) = RandomTrie(4, 100);
        foreach (var (key, value) in leaves.Take(20))
        {
            TrieProof proof = TrieReader.Prove(store, root, new TrieKey(key));
            for (int i = 0; i < proof.Depth; i++)
            {
                var siblings = proof.Siblings.ToArray();
                siblings[i] += Fr.One;
                Assert.False((proof with { Siblings = siblings }).Verify(root, value));
            }
            Assert.False((proof with { Siblings = proof.Siblings.Skip(1).ToArray() }).Verify(root, value));
            Assert.False((proof with { LeafValueHash = value + Fr.One }).Verify(root, value + Fr.One));
            Assert.False((proof with { LeafKey = key + Fr.One }).Verify(root, null));
            Assert.False(proof.Verify(root + Fr.One, value));
        }
    }

    [Fact]
    public void AnAbsenceProofCannotEndInALeafOffThePath()
    {
        var (store, root, leaves) = RandomTrie(5, 50);
        var rng = new Random(6);
        for (int i = 0; i < 50; i++)
        {
            TrieProof proof = TrieReader.Prove(store, root, new TrieKey(Fr.Random(rng)));
            if (proof.Terminal != TerminalKind.Leaf || proof.Depth == 0) continue;
            // The same siblings and terminal, claimed for a key whose path leaves the terminal's at bit 0.
            var other = leaves.Keys.First(k => new TrieKey(k).Bit(0) != new TrieKey(proof.LeafKey).Bit(0));
            Assert.Null((proof with { Key = other }).ComputeRoot());
            return;
        }
        Assert.Fail("no other-leaf terminal found");
    }
}
