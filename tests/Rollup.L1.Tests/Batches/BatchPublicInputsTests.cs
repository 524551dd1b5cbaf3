using Rollup.Core.Numerics;
using Rollup.Core.Types;
using Rollup.L1.Batches;

namespace Rollup.L1.Tests.Batches;

public class BatchPublicInputsTests
{
    [Fact]
    public void Each_value_is_split_high_limb_first()
    {
        var prev = Hash256.Parse("0x000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f");
        var next = Hash256.Parse("0xffffffffffffffffffffffffffffffff00000000000000000000000000000001");
        var data = Hash256.Parse("0x" + new string('a', 64));
        var inputs = BatchPublicInputs.Encode(prev, next, data, 42);

        Assert.Equal(BatchPublicInputs.Count, inputs.Length);
        Assert.Equal(UInt256.Parse("0x000102030405060708090a0b0c0d0e0f"), inputs[0]);
        Assert.Equal(UInt256.Parse("0x101112131415161718191a1b1c1d1e1f"), inputs[1]);
        Assert.Equal(UInt256.Parse("0xffffffffffffffffffffffffffffffff"), inputs[2]);
        Assert.Equal(UInt256.One, inputs[3]);
        Assert.Equal(UInt256.Parse("0x" + new string('a', 32)), inputs[4]);
        Assert.Equal(UInt256.Parse("0x" + new string('a', 32)), inputs[5]);
        Assert.Equal(new UInt256(42), inputs[6]);
        Assert.All(inputs, x => Assert.True(x.BitLength <= 128));
    }

    [Fact]
    public void Join_undoes_split()
    {
        var word = Hash256.Parse("0x8000000000000000000000000000000000000000000000000000000000000001");
        var (high, low) = BatchPublicInputs.Split(word);
        Assert.Equal(word, BatchPublicInputs.Join(high, low));
        Assert.Throws<ArgumentException>(() => BatchPublicInputs.Join(UInt256.One << 128, UInt256.Zero));
    }

    [Fact]
    public void Batch_hash_packs_index_parent_and_data_hash()
    {
        // 72 bytes: the index as 8 big-endian bytes, then the two hashes.
        var parent = Hash256.Parse("0x" + new string('1', 64));
        var dataHash = BatchHashing.DataHash([1, 2, 3]);
        byte[] packed = [0, 0, 0, 0, 0, 0, 0, 5, .. parent.Bytes, .. dataHash.Bytes];
        Assert.Equal(Rollup.Core.Crypto.Keccak256.Hash(packed), BatchHashing.BatchHash(5, parent, dataHash));
    }
}
