using System.Buffers.Binary;
using Rollup.Core.Numerics;
using Rollup.Core.Types;

namespace Rollup.Sequencer.Storage;

/// <summary>The key schema of the node's database: one leading byte names the table, the rest is big-endian so that
/// RocksDB's byte order is numeric order (block ranges and "latest version at or before block N" are seeks).
/// The full list is documented in docs/node.md.</summary>
public static class Keys
{
    // Chain
    public const byte Meta = (byte)'M';          // M ‖ name → value (head number, genesis hash, format version)
    public const byte BlockByNumber = (byte)'b'; // b ‖ number(8) → block RLP
    public const byte NumberByHash = (byte)'n';  // n ‖ block hash → number(8)
    public const byte Receipts = (byte)'r';      // r ‖ number(8) → stored receipts of the block
    public const byte TxLocation = (byte)'x';    // x ‖ tx hash → number(8) ‖ index(4)
    public const byte LogAddress = (byte)'l';    // l ‖ address ‖ number(8) → (empty): blocks with logs from the address
    public const byte LogTopic = (byte)'t';      // t ‖ topic ‖ number(8) → (empty): blocks with logs carrying the topic

    // State: the Poseidon tree's own records use the two-byte prefixes "sn" (nodes) and "sc" (code), see
    // Rollup.State.Store.StoreKeys; no other table may start with 's'.
    public const byte StateRootByBlock = (byte)'R'; // R ‖ number(8) → the state root after the block (32 bytes)

    // Batches
    public const byte Batch = (byte)'B';         // B ‖ batch number(8) → batch record
    public const byte BatchByLastBlock = (byte)'L'; // L ‖ last block number(8) → batch number(8)

    // Mempool journal
    public const byte PoolTx = (byte)'p';        // p ‖ tx hash → raw transaction

    public static byte[] Of(byte table) => [table];

    public static byte[] Of(byte table, ulong number)
    {
        var key = new byte[9];
        key[0] = table;
        BinaryPrimitives.WriteUInt64BigEndian(key.AsSpan(1), number);
        return key;
    }

    public static byte[] Of(byte table, in Hash256 hash) => [table, .. hash.Bytes];

    public static byte[] Of(byte table, in Address address) => [table, .. address.Bytes];

    public static byte[] Of(byte table, in Address address, ulong number) => [table, .. address.Bytes, .. BigEndian(number)];

    public static byte[] Of(byte table, in Hash256 hash, ulong number) => [table, .. hash.Bytes, .. BigEndian(number)];

    public static byte[] MetaKey(string name) => [Meta, .. System.Text.Encoding.ASCII.GetBytes(name)];

    public static byte[] Versioned(byte[] prefix, ulong number) => [.. prefix, .. BigEndian(number)];

    public static byte[] BigEndian(ulong value)
    {
        var bytes = new byte[8];
        BinaryPrimitives.WriteUInt64BigEndian(bytes, value);
        return bytes;
    }

    public static ulong ReadNumber(ReadOnlySpan<byte> bigEndian8) => BinaryPrimitives.ReadUInt64BigEndian(bigEndian8);
}
