using System.Numerics;
using System.Text.Json;
using Rollup.Crypto.Bn254.Fields;
using Rollup.State.Tests.Support;
using Rollup.State.Trie;

namespace Rollup.State.Tests.Trie;

/// <summary>Trie roots against js/smt-reference.mjs: the format written again in JavaScript, hashed by circomlibjs.</summary>
public class ReferenceRootTests
{
    [Fact]
    public void RootsEqualTheJavaScriptReference()
    {
        var rng = new Random(11);
        var sets = new List<List<(Fr Key, Fr Value)>>();
        // Random keys of every size, and crafted ones: a shared 200-bit prefix, the top bit alone, key 0.
        foreach (int n in new[] { 1, 2, 5, 40, 300 })
            sets.Add([.. Enumerable.Range(0, n).Select(_ => (Fr.Random(rng), Fr.Random(rng)))]);
        BigInteger low = BigInteger.Parse("1234567890123456789012345678901234567890123456789012345678");
        sets.Add([
            (Fr.FromBigInteger(low), Fr.FromUInt64(1)),
            (Fr.FromBigInteger(low | (BigInteger.One << 200)), Fr.FromUInt64(2)),
            (Fr.FromBigInteger(low | (BigInteger.One << 201)), Fr.FromUInt64(3)),
            (Fr.Zero, Fr.FromUInt64(4)),
            (Fr.FromBigInteger(BigInteger.One << 253), Fr.FromUInt64(5)),
        ]);

        string input = JsonSerializer.Serialize(sets.Select(set => set.Select(l => new[] { l.Key.ToString(), l.Value.ToString() })));
        using var reference = SmtReference.Run("trie", input);
        string?[] expected = [.. reference.RootElement.EnumerateArray().Select(e => e.GetString())];
        Assert.Equal(sets.Count, expected.Length);
        for (int i = 0; i < sets.Count; i++)
        {
            var trie = new SparseMerkleTrie(new MemoryNodeStore(), Fr.Zero);
            foreach (var (k, v) in sets[i]) trie.Set(k, v, []);
            Assert.Equal(expected[i], trie.Commit(new List<KeyValuePair<Fr, NodeRecord>>()).ToString());
        }
    }
}
