using Rollup.Core.Crypto;
using Rollup.Core.Encoding;
using Rollup.Core.Rlp;
using Rollup.Core.Trie;

namespace Rollup.Core.Tests.Trie;

public class PatriciaTrieTests
{
    private static byte[] B(string text) => System.Text.Encoding.UTF8.GetBytes(text);

    private static PatriciaTrie Build(params (string Key, string Value)[] entries)
    {
        var trie = new PatriciaTrie();
        foreach (var (k, v) in entries) trie.Set(B(k), B(v));
        return trie;
    }

    [Fact]
    public void Empty_trie_has_the_well_known_root()
    {
        Assert.Equal("0x56e81f171bcc55a6ff8345e692c0f86e5b48e01b996cadc001622fb5e363b421", new PatriciaTrie().RootHash.ToString());
        Assert.Equal(Keccak256.Hash([0x80]), PatriciaTrie.EmptyRoot);
    }

    [Fact]
    public void A_single_leaf_is_hashed_even_though_it_is_short()
    {
        var trie = new PatriciaTrie();
        trie.Set([0x01], [0x02]);
        // [hexPrefix(leaf, nibbles 0 1) = 0x20 0x01, 0x02]
        Assert.Equal(Keccak256.Hash(Hex.Parse("0xc482200102")), trie.RootHash);
    }

    [Fact]
    public void Nodes_shorter_than_32_bytes_are_embedded_in_their_parent()
    {
        var trie = new PatriciaTrie();
        trie.Set([0x01], [0x0a]);
        trie.Set([0x02], [0x0b]);
        // Extension over nibble 0 -> branch with leaves at 1 and 2. Each leaf [0x20, value] is 3 bytes and
        // the branch 22 bytes, so both sit inside the extension's RLP rather than being referred to by hash.
        string leaf1 = "c2200a", leaf2 = "c2200b";
        string branch = "d5" + "80" + leaf1 + leaf2 + string.Concat(Enumerable.Repeat("80", 13)) + "80";
        string extension = "d7" + "10" + branch;
        Assert.Equal(Keccak256.Hash(Hex.Parse(extension)), trie.RootHash);
    }

    [Fact]
    public void Large_nodes_are_referred_to_by_hash()
    {
        var trie = new PatriciaTrie();
        var big = new byte[40];
        Array.Fill(big, (byte)7);
        trie.Set([0x10], big);
        trie.Set([0x20], [0x01]);
        // Branch [80, hash of leaf A, leaf B, 80 x 13, 80]. Each leaf holds the odd path [0]: hex prefix 0x30.
        // Leaf A is [0x30, 40 bytes], a 42-byte payload (list header 0xea), 43 bytes in all: too long to embed.
        var leafA = Hex.Parse("0xea30a8" + Convert.ToHexStringLower(big));
        string branch = "80" + "a0" + Convert.ToHexStringLower(Keccak256.Hash(leafA).Bytes) + "c23001" + string.Concat(Enumerable.Repeat("80", 13)) + "80";
        Assert.Equal(Keccak256.Hash(Hex.Parse("f3" + branch)), trie.RootHash); // payload 1 + 33 + 3 + 13 + 1 = 51
    }

    [Fact]
    public void Known_root_from_the_Ethereum_trie_tests()
    {
        var trie = Build(("do", "verb"), ("horse", "stallion"), ("doge", "coin"), ("dog", "puppy"));
        Assert.Equal("0x5991bb8c6514148a29db676a14ac506cd2cd5775ace63c30a4fe457715e9ac84", trie.RootHash.ToString());
    }

    [Fact]
    public void Deleting_a_branch_value_collapses_the_branch_into_a_leaf()
    {
        var trie = Build(("do", "verb"), ("dog", "puppy"));
        Assert.True(trie.Delete(B("dog")));
        Assert.Equal(Build(("do", "verb")).RootHash, trie.RootHash);
        Assert.Null(trie.Get(B("dog")));
        Assert.Equal(B("verb"), trie.Get(B("do")));
    }

    [Fact]
    public void Deleting_a_key_that_ends_at_a_branch_merges_the_lone_child()
    {
        var trie = Build(("do", "verb"), ("dog", "puppy"), ("doge", "coin"));
        Assert.True(trie.Delete(B("dog")));
        Assert.Equal(Build(("do", "verb"), ("doge", "coin")).RootHash, trie.RootHash);
        Assert.True(trie.Delete(B("do")));
        Assert.Equal(Build(("doge", "coin")).RootHash, trie.RootHash);
    }

    [Fact]
    public void Deleting_one_of_two_siblings_joins_extension_branch_and_leaf_into_one_leaf()
    {
        var trie = Build(("horse", "stallion"), ("horsy", "pony"), ("cat", "meow"));
        trie.RootHash.ToString(); // cache references before the delete, so stale caches would show
        Assert.True(trie.Delete(B("horsy")));
        Assert.Equal(Build(("horse", "stallion"), ("cat", "meow")).RootHash, trie.RootHash);
        Assert.True(trie.Delete(B("cat")));
        Assert.Equal(Build(("horse", "stallion")).RootHash, trie.RootHash);
        Assert.True(trie.Delete(B("horse")));
        Assert.Equal(PatriciaTrie.EmptyRoot, trie.RootHash);
        Assert.True(trie.IsEmpty);
    }

    [Fact]
    public void Deleting_below_an_extension_keeps_a_branch_that_still_forks()
    {
        var trie = Build(("abc1", "x"), ("abc2", "y"), ("abc3", "z"));
        Assert.True(trie.Delete(B("abc2")));
        Assert.Equal(Build(("abc1", "x"), ("abc3", "z")).RootHash, trie.RootHash);
    }

    [Fact]
    public void Deleting_a_missing_key_changes_nothing()
    {
        var trie = Build(("do", "verb"), ("dog", "puppy"));
        var before = trie.RootHash;
        Assert.False(trie.Delete(B("d")));
        Assert.False(trie.Delete(B("dogs")));
        Assert.False(trie.Delete(B("cat")));
        Assert.False(new PatriciaTrie().Delete(B("x")));
        Assert.Equal(before, trie.RootHash);
    }

    [Fact]
    public void Setting_an_empty_value_deletes()
    {
        var trie = Build(("do", "verb"), ("dog", "puppy"));
        trie.Set(B("dog"), []);
        Assert.Equal(Build(("do", "verb")).RootHash, trie.RootHash);
        Assert.False(trie.TryGet(B("dog"), out _));
    }

    [Fact]
    public void Random_sets_and_deletes_match_a_trie_built_from_scratch()
    {
        var rng = new Random(7);
        var trie = new PatriciaTrie();
        var model = new Dictionary<string, byte[]>();
        for (int step = 1; step <= 3000; step++)
        {
            // Short keys from a small alphabet, so keys are often prefixes of one another.
            var key = new byte[rng.Next(0, 4)];
            for (int i = 0; i < key.Length; i++) key[i] = (byte)(rng.Next(3) * 0x11);
            if (rng.Next(3) == 0)
            {
                Assert.Equal(model.Remove(Hex.ToHex(key)), trie.Delete(key));
            }
            else
            {
                var value = new byte[rng.Next(1, 40)];
                rng.NextBytes(value);
                trie.Set(key, value);
                model[Hex.ToHex(key)] = value;
            }
            if (step % 50 == 0)
            {
                var fresh = new PatriciaTrie();
                foreach (var (k, v) in model) fresh.Set(Hex.Parse(k), v);
                Assert.Equal(fresh.RootHash, trie.RootHash);
                Assert.Equal(model.Keys.Order(StringComparer.Ordinal), trie.Enumerate().Select(kv => Hex.ToHex(kv.Key)));
            }
        }
    }

    [Fact]
    public void Secure_trie_is_the_plain_trie_over_hashed_keys()
    {
        var secure = new SecureTrie();
        var plain = new PatriciaTrie();
        for (int i = 0; i < 200; i++)
        {
            var key = BitConverter.GetBytes(i * 7919);
            secure.Set(key, B($"value {i}"));
            plain.Set(Keccak256.Hash(key).Bytes, B($"value {i}"));
        }
        Assert.Equal(plain.RootHash, secure.RootHash);
        Assert.Equal(B("value 3"), secure.Get(BitConverter.GetBytes(3 * 7919)));
        Assert.True(secure.Delete(BitConverter.GetBytes(3 * 7919)));
        Assert.Null(secure.Get(BitConverter.GetBytes(3 * 7919)));
    }

    [Fact]
    public void Ordered_root_keys_items_by_their_RLP_index()
    {
        Assert.Equal(PatriciaTrie.EmptyRoot, OrderedTrie.Root([]));
        var items = Enumerable.Range(0, 300).Select(i => B($"transaction {i}")).ToList();
        var trie = new PatriciaTrie();
        for (int i = 0; i < items.Count; i++) trie.Set(RlpEncoding.EncodeUInt64((ulong)i), items[i]);
        Assert.Equal(trie.RootHash, OrderedTrie.Root(items));
    }
}
