using Rollup.Core.Types;
using Rollup.Crypto.Bn254.Fields;

namespace Rollup.State.Store;

/// <summary>
/// The state's keys in RocksDB, so the node can keep its blocks and receipts in the same database (one atomic
/// write per block). Two-byte prefixes: "sn" ‖ node hash (32 bytes, big-endian field element) → node record;
/// "sc" ‖ keccak-256 of the code → bytecode.
/// </summary>
public static class StoreKeys
{
    public static ReadOnlySpan<byte> NodePrefix => "sn"u8;
    public static ReadOnlySpan<byte> CodePrefix => "sc"u8;

    public static byte[] Node(in Fr hash)
    {
        var key = new byte[34];
        NodePrefix.CopyTo(key);
        hash.WriteBigEndian(key.AsSpan(2));
        return key;
    }

    public static byte[] Code(in Hash256 codeHash)
    {
        var key = new byte[34];
        CodePrefix.CopyTo(key);
        codeHash.Bytes.CopyTo(key.AsSpan(2));
        return key;
    }
}
