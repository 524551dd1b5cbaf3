using Rollup.Crypto.Bn254.Fields;

namespace Rollup.State.Trie;

/// <summary>
/// The in-memory form of a trie being updated. A subtree nobody touched stays a <see cref="StoredRef"/> (a hash);
/// touched branches become mutable <see cref="WorkingBranch"/>es whose hash is dropped when something below them
/// changes and recomputed once, bottom-up, when the trie commits. The empty subtree is null.
/// </summary>
internal abstract class WorkingNode;

/// <summary>A subtree still in the store, known only by its (non-zero) hash.</summary>
internal sealed class StoredRef(Fr hash) : WorkingNode
{
    public readonly Fr Hash = hash;
}

/// <summary>A leaf, with its hash computed at construction so that callers can build many leaves in parallel
/// before the (sequential) structural updates. <see cref="IsStored"/> leaves came from the store and need no
/// writing when they move (a deletion can lift a leaf closer to the root; its hash does not depend on depth).</summary>
internal sealed class TrieLeaf : WorkingNode
{
    public readonly TrieKey Key;
    public readonly Fr ValueHash;
    public readonly byte[] Payload;
    public readonly Fr Hash;
    public readonly bool IsStored;

    private TrieLeaf(in TrieKey key, in Fr valueHash, byte[] payload, in Fr hash, bool stored)
    {
        Key = key; ValueHash = valueHash; Payload = payload; Hash = hash; IsStored = stored;
    }

    public static TrieLeaf Create(in Fr key, in Fr valueHash, byte[] payload) =>
        new(new TrieKey(key), valueHash, payload, NodeHash.Leaf(key, valueHash), stored: false);

    public static TrieLeaf FromRecord(NodeRecord record, in Fr hash) =>
        new(new TrieKey(record.Key), record.ValueHash, record.Payload, hash, stored: true);

    public NodeRecord ToRecord() => NodeRecord.Leaf(Key.Value, ValueHash, Payload);
}

internal sealed class WorkingBranch : WorkingNode
{
    public WorkingNode? Left;
    public WorkingNode? Right;
    public Fr Hash;
    /// <summary>False once a descendant changed; the hash is then recomputed at commit.</summary>
    public bool HashValid;

    public WorkingNode? Child(int bit) => bit == 0 ? Left : Right;

    public void SetChild(int bit, WorkingNode? node)
    {
        if (bit == 0) Left = node; else Right = node;
        HashValid = false;
    }
}
