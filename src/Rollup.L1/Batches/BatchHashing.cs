using System.Buffers.Binary;
using Rollup.Core.Crypto;
using Rollup.Core.Types;

namespace Rollup.L1.Batches;

/// <summary>The hashes the rollup contract keeps per batch, computed the same way off chain (contracts/Rollup.sol).</summary>
public static class BatchHashing
{
    /// <summary>keccak256 of the batch data exactly as posted in commitBatch's calldata.</summary>
    public static Hash256 DataHash(ReadOnlySpan<byte> batchData) => Keccak256.Hash(batchData);

    /// <summary>keccak256(abi.encodePacked(uint64 index, bytes32 parentBatchHash, bytes32 dataHash)): 8 + 32 + 32 bytes.</summary>
    public static Hash256 BatchHash(ulong index, Hash256 parentBatchHash, Hash256 dataHash)
    {
        Span<byte> packed = stackalloc byte[8 + 32 + 32];
        BinaryPrimitives.WriteUInt64BigEndian(packed, index);
        parentBatchHash.Bytes.CopyTo(packed[8..]);
        dataHash.Bytes.CopyTo(packed[40..]);
        return Keccak256.Hash(packed);
    }

    /// <summary>Batch 0, the genesis, has empty data and a zero parent.</summary>
    public static Hash256 GenesisDataHash => DataHash([]);

    public static Hash256 GenesisBatchHash => BatchHash(0, Hash256.Zero, GenesisDataHash);
}
