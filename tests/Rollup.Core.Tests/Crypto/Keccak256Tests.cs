using Org.BouncyCastle.Crypto.Digests;
using Rollup.Core.Crypto;
using Rollup.Core.Encoding;

namespace Rollup.Core.Tests.Crypto;

public class Keccak256Tests
{
    [Theory]
    [InlineData("", "0xc5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470")]
    [InlineData("abc", "0x4e03657aea45a94fc7d47ba826c8d667c0d1e6e33a64a036ec44f58fa12d6c45")]
    [InlineData("hello world", "0x47173285a8d7341e5e972fc677286384f802f8ef42a5ec5f03bbfa254cb01fad")]
    [InlineData("The quick brown fox jumps over the lazy dog", "0x4d741b6f1eb29cb2a9b9911c82f56fa8d73b04959d3d9d222895df6c0b28aa15")]
    public void Matches_published_vectors_for_text(string text, string expected)
    {
        Assert.Equal(expected, Keccak256.Hash(System.Text.Encoding.UTF8.GetBytes(text)).ToString());
    }

    [Theory]
    [InlineData("0x80", "0x56e81f171bcc55a6ff8345e692c0f86e5b48e01b996cadc001622fb5e363b421")] // empty trie root
    [InlineData("0xc0", "0x1dcc4de8dec75d7aab85b567b6ccd41ad312451b948a7413f0a142fd40d49347")] // empty ommers hash
    public void Matches_the_well_known_Ethereum_constants(string input, string expected)
    {
        Assert.Equal(expected, Keccak256.Hash(Hex.Parse(input)).ToString());
    }

    [Fact]
    public void Gives_the_ERC20_transfer_selector() =>
        Assert.Equal("0xa9059cbb", Hex.ToHex(Keccak256.Hash(System.Text.Encoding.ASCII.GetBytes("transfer(address,uint256)")).Bytes[..4]));

    [Fact]
    public void Agrees_with_BouncyCastle_for_every_length_up_to_300()
    {
        var data = RandomBytes(300, seed: 1);
        Span<byte> ours = stackalloc byte[32];
        for (int n = 0; n <= 300; n++)
        {
            Keccak256.Hash(data.AsSpan(0, n), ours);
            Assert.True(Reference(data.AsSpan(0, n)).AsSpan().SequenceEqual(ours), $"length {n}");
        }
    }

    [Fact]
    public void Agrees_with_BouncyCastle_for_random_lengths_up_to_many_blocks()
    {
        var rng = new Random(3);
        Span<byte> ours = stackalloc byte[32];
        for (int trial = 0; trial < 100; trial++)
        {
            var data = RandomBytes(rng.Next(0, 5000), seed: 1000 + trial);
            Keccak256.Hash(data, ours);
            Assert.True(Reference(data).AsSpan().SequenceEqual(ours), $"length {data.Length}");
        }
    }

    [Fact]
    public void Hashing_a_word_in_place_chains_like_the_EVM_loop()
    {
        // h = keccak256(h) with input and output the same 32 bytes, as the throughput workload does.
        var h = new byte[32];
        var expected = new byte[32];
        for (int i = 0; i < 1000; i++)
        {
            Keccak256.Hash(h, h);
            expected = Reference(expected);
        }
        Assert.Equal(expected, h);
    }

    [Fact]
    public void Incremental_hashing_in_random_chunks_agrees_with_BouncyCastle()
    {
        var rng = new Random(2);
        for (int trial = 0; trial < 200; trial++)
        {
            var data = RandomBytes(rng.Next(0, 1200), seed: trial);
            var hasher = new Keccak256Hasher();
            int at = 0;
            while (at < data.Length)
            {
                // Mostly small pieces, sometimes more than a block, so every buffer path is taken.
                int piece = Math.Min(data.Length - at, rng.Next(4) == 0 ? rng.Next(0, 400) : rng.Next(0, 20));
                hasher.Update(data.AsSpan(at, piece));
                at += piece;
            }
            Assert.Equal(Hex.ToHex(Reference(data)), hasher.Finish().ToString());
        }
    }

    [Fact]
    public void A_finished_hasher_starts_again_from_scratch()
    {
        var hasher = new Keccak256Hasher();
        hasher.Update("abc"u8);
        hasher.Finish();
        hasher.Update("abc"u8);
        Assert.Equal(Keccak256.Hash("abc"u8), hasher.Finish());
    }

    [Fact]
    public void Writes_exactly_32_bytes_and_rejects_a_short_output()
    {
        var output = new byte[40];
        Keccak256.Hash("abc"u8, output);
        Assert.All(output[32..], b => Assert.Equal(0, b));
        Assert.Throws<ArgumentException>(() => Keccak256.Hash("abc"u8, new byte[31]));
    }

    private static byte[] Reference(ReadOnlySpan<byte> data)
    {
        var digest = new KeccakDigest(256);
        digest.BlockUpdate(data);
        var result = new byte[32];
        digest.DoFinal(result);
        return result;
    }

    private static byte[] RandomBytes(int n, int seed)
    {
        var bytes = new byte[n];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }
}
