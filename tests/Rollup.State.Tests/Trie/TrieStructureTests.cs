using System.Numerics;
using Rollup.Crypto.Bn254.Fields;
using Rollup.State.Tests.Support;
using Rollup.State.Trie;

namespace Rollup.State.Tests.Trie;

/// <summary>Small tries whose shape is written out by hand, so each rule of the format (compression, one-sided
/// branches, lifting on delete, the deepest possible leaves) is pinned on its own.</summary>
public class TrieStructureTests
{
    private static Fr F(ulong v) => Fr.FromUInt64(v);

    private static Fr Build(MemoryNodeStore store, Fr root, params (Fr Key, Fr Value)[] sets)
    {
        var trie = new SparseMerkleTrie(store, root);
        foreach (var (k, v) in sets) trie.Set(k, v, []);
        var created = new List<KeyValuePair<Fr, NodeRecord>>();
        Fr newRoot = trie.Commit(created);
        store.Add(created);
        return newRoot;
    }

    private static Fr Delete(MemoryNodeStore store, Fr root, params Fr[] keys)
    {
        var trie = new SparseMerkleTrie(store, root);
        foreach (var k in keys) trie.Delete(k);
        var created = new List<KeyValuePair<Fr, NodeRecord>>();
        Fr newRoot = trie.Commit(created);
        store.Add(created);
        return newRoot;
    }

    [Fact]
    public void EmptyTrieHasRootZero()
    {
        var store = new MemoryNodeStore();
        Assert.Equal(Fr.Zero, Build(store, Fr.Zero));
        Assert.Equal(Fr.Zero, Delete(store, Fr.Zero, F(5)));
    }

    [Fact]
    public void ASingleLeafIsTheRootWhateverItsKey()
    {
        var store = new MemoryNodeStore();
        Fr key = Fr.FromBigInteger(BigInteger.Parse("12345678901234567890123456789"));
        Assert.Equal(NodeHash.Leaf(key, F(42)), Build(store, Fr.Zero, (key, F(42))));
    }

    /// <summary>Keys 1, 2, 3 (bits read from the least significant): bit 0 sends 2 left and 1, 3 right; bit 1 then
    /// separates 1 from 3. The root was also computed by js/smt-reference.mjs with circomlibjs's Poseidon.</summary>
    [Fact]
    public void ThreeLeavesByHandAndByCircomlibjs()
    {
        var store = new MemoryNodeStore();
        Fr root = Build(store, Fr.Zero, (F(1), F(5)), (F(3), F(7)), (F(2), F(9)));
        Fr byHand = NodeHash.Branch(NodeHash.Leaf(F(2), F(9)), NodeHash.Branch(NodeHash.Leaf(F(1), F(5)), NodeHash.Leaf(F(3), F(7))));
        Assert.Equal(byHand, root);
        Assert.Equal("0x1c3e421b933e7b51e5a8c364744d1126354b8affcfa9678f66bad8eeeda46f8f", root.ToString());
    }

    [Fact]
    public void LeavesSharingTheFirstBitHangBelowAOneSidedBranchAndDeletionLiftsTheSurvivor()
    {
        var store = new MemoryNodeStore();
        Fr root = Build(store, Fr.Zero, (F(1), F(10)), (F(3), F(30)));
        Assert.Equal(NodeHash.Branch(Fr.Zero, NodeHash.Branch(NodeHash.Leaf(F(1), F(10)), NodeHash.Leaf(F(3), F(30)))), root);
        Assert.Equal(NodeHash.Leaf(F(1), F(10)), Delete(store, root, F(3)));
        Assert.Equal(Fr.Zero, Delete(store, root, F(3), F(1)));
        Assert.Equal(root, Delete(store, root, F(7)));  // absent key: nothing changes
    }

    [Fact]
    public void ALiftedLeafClimbsPastEveryOneSidedBranch()
    {
        var store = new MemoryNodeStore();
        // 4 = 0b100 and 12 = 0b1100 share bits 0..2 (a chain of three one-sided branches); 1 sits on the other side.
        Fr root = Build(store, Fr.Zero, (F(4), F(1)), (F(12), F(2)), (F(1), F(3)));
        Fr pair = NodeHash.Branch(NodeHash.Leaf(F(4), F(1)), NodeHash.Leaf(F(12), F(2)));
        Fr chain = NodeHash.Branch(NodeHash.Branch(Fr.Zero, pair), Fr.Zero); // bits 1 = 0, then 2 = 1
        Assert.Equal(NodeHash.Branch(chain, NodeHash.Leaf(F(1), F(3))), root);
        Assert.Equal(NodeHash.Branch(NodeHash.Leaf(F(4), F(1)), NodeHash.Leaf(F(1), F(3))), Delete(store, root, F(12)));
    }

    /// <summary>0 and 2^253 differ only in bit 253: both leaves sit at the deepest depth, 254.</summary>
    [Fact]
    public void KeysDifferingOnlyInTheTopBitSitAtMaximumDepth()
    {
        var store = new MemoryNodeStore();
        Fr top = Fr.FromBigInteger(BigInteger.One << 253);
        Fr root = Build(store, Fr.Zero, (Fr.Zero, F(1)), (top, F(2)));
        Fr expected = NodeHash.Branch(NodeHash.Leaf(Fr.Zero, F(1)), NodeHash.Leaf(top, F(2)));
        for (int depth = 252; depth >= 0; depth--) expected = NodeHash.Branch(expected, Fr.Zero);
        Assert.Equal(expected, root);
        TrieProof proof = TrieReader.Prove(store, root, new TrieKey(top));
        Assert.Equal(TrieKey.MaxDepth, proof.Depth);
        Assert.True(proof.Verify(root, F(2)));
        Assert.Equal(NodeHash.Leaf(top, F(2)), Delete(store, root, Fr.Zero));
    }

    [Fact]
    public void UpdatingALeafChangesOnlyItsValue()
    {
        var store = new MemoryNodeStore();
        Fr root = Build(store, Fr.Zero, (F(1), F(5)), (F(2), F(9)));
        Fr updated = Build(store, root, (F(1), F(6)));
        Assert.Equal(NaiveTrie.Root([(F(1), F(6)), (F(2), F(9))]), updated);
        Assert.Equal(F(6), TrieReader.Find(store, updated, new TrieKey(F(1)))!.ValueHash);
        Assert.Equal(F(5), TrieReader.Find(store, root, new TrieKey(F(1)))!.ValueHash); // the old root is still readable
    }
}
