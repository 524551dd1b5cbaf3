using System.Numerics;
using Rollup.Core.Blocks;
using Rollup.Core.Chain;
using Rollup.Core.Crypto;
using Rollup.Core.Types;

namespace Rollup.Core.Tests.Blocks;

public class BloomTests
{
    private static readonly Address Emitter = Address.Parse("0x095e7baea6a6c7c4c2dfeb977efac326af552d87");
    private static readonly Hash256 Topic = Keccak256.Hash("Transfer(address,address,uint256)"u8);

    /// <summary>The yellow paper's definition, written independently with a 2048-bit integer: for each of the first
    /// three byte pairs of keccak(item), bit (pair mod 2048) of the big-endian bloom is set.</summary>
    private static byte[] ReferenceBloom(params byte[][] items)
    {
        var value = BigInteger.Zero;
        foreach (var item in items)
        {
            var h = Keccak256.Hash(item).Bytes;
            for (int i = 0; i < 6; i += 2) value |= BigInteger.One << (((h[i] << 8) | h[i + 1]) % 2048);
        }
        var bytes = value.ToByteArray(isUnsigned: true, isBigEndian: true);
        var result = new byte[256];
        bytes.CopyTo(result, 256 - bytes.Length);
        return result;
    }

    [Fact]
    public void Sets_the_three_bits_the_yellow_paper_names()
    {
        var bloom = new Bloom();
        bloom.Add(Emitter.Bytes);
        Assert.Equal(ReferenceBloom(Emitter.ToArray()), bloom.Bytes.ToArray());
        int bits = bloom.Bytes.ToArray().Sum(b => BitOperations.PopCount(b));
        Assert.InRange(bits, 1, 3);
    }

    [Fact]
    public void A_log_adds_its_address_and_every_topic_but_not_its_data()
    {
        var log = new LogEntry(Emitter, [Topic, Hash256.Zero], [1, 2, 3]);
        var bloom = Bloom.FromLogs([log]);
        Assert.Equal(ReferenceBloom(Emitter.ToArray(), Topic.ToArray(), Hash256.Zero.ToArray()), bloom.Bytes.ToArray());
        Assert.True(bloom.Contains(Emitter));
        Assert.True(bloom.Contains(Topic));
        Assert.False(bloom.Contains(new byte[] { 1, 2, 3 }));
    }

    [Fact]
    public void Union_holds_both_and_equality_is_by_value()
    {
        var a = Bloom.FromLogs([new LogEntry(Emitter, [], [])]);
        var b = Bloom.FromLogs([new LogEntry(Address.Zero, [Topic], [])]);
        var union = new Bloom();
        union.UnionWith(a);
        union.UnionWith(b);
        Assert.True(union.Contains(Emitter) && union.Contains(Address.Zero) && union.Contains(Topic));
        Assert.Equal(Bloom.FromLogs([new LogEntry(Emitter, [], []), new LogEntry(Address.Zero, [Topic], [])]), union);
        Assert.Equal(union, new Bloom(union.Bytes));
        Assert.Equal(union, Bloom.Parse(union.ToString()));
        Assert.NotEqual(a, union);
    }

    [Fact]
    public void Empty_bloom_contains_nothing_and_must_be_256_bytes()
    {
        var empty = new Bloom();
        Assert.True(empty.IsEmpty);
        Assert.False(empty.Contains(Emitter));
        Assert.Throws<ArgumentException>(() => new Bloom(new byte[255]));
    }
}
