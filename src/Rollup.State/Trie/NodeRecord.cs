using Rollup.Crypto.Bn254.Fields;

namespace Rollup.State.Trie;

public enum NodeKind : byte
{
    Leaf = 1,
    Branch = 2,
}

/// <summary>
/// A stored node, found by its hash: a branch's two child hashes, or a leaf's key, value hash and payload (the
/// value hash's preimage, which only the state layer interprets: account fields or a storage value). Storing the
/// preimage is what lets a root be read back, not only checked.
/// </summary>
public sealed class NodeRecord
{
    public NodeKind Kind { get; }
    public Fr Left { get; }
    public Fr Right { get; }
    public Fr Key { get; }
    public Fr ValueHash { get; }
    public byte[] Payload { get; }

    private NodeRecord(NodeKind kind, Fr left, Fr right, Fr key, Fr valueHash, byte[] payload)
    {
        Kind = kind; Left = left; Right = right; Key = key; ValueHash = valueHash; Payload = payload;
    }

    public static NodeRecord Branch(in Fr left, in Fr right) => new(NodeKind.Branch, left, right, default, default, []);

    public static NodeRecord Leaf(in Fr key, in Fr valueHash, byte[] payload) =>
        new(NodeKind.Leaf, default, default, key, valueHash, payload);

    /// <summary>The node's hash (recomputed; stored records are found by it, so callers usually know it).</summary>
    public Fr ComputeHash() => Kind == NodeKind.Leaf ? NodeHash.Leaf(Key, ValueHash) : NodeHash.Branch(Left, Right);

    // ---- bytes: kind ‖ two 32-byte big-endian field elements ‖ payload (leaves only) ----

    public byte[] Encode()
    {
        var bytes = new byte[1 + 64 + Payload.Length];
        bytes[0] = (byte)Kind;
        if (Kind == NodeKind.Branch)
        {
            Left.WriteBigEndian(bytes.AsSpan(1, 32));
            Right.WriteBigEndian(bytes.AsSpan(33, 32));
        }
        else
        {
            Key.WriteBigEndian(bytes.AsSpan(1, 32));
            ValueHash.WriteBigEndian(bytes.AsSpan(33, 32));
            Payload.CopyTo(bytes.AsSpan(65));
        }
        return bytes;
    }

    public static NodeRecord Decode(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length < 65) throw new FormatException($"state node record of {bytes.Length} bytes");
        Fr a = Fr.FromBigEndian(bytes.Slice(1, 32)), b = Fr.FromBigEndian(bytes.Slice(33, 32));
        return (NodeKind)bytes[0] switch
        {
            NodeKind.Branch when bytes.Length == 65 => Branch(a, b),
            NodeKind.Leaf => Leaf(a, b, bytes[65..].ToArray()),
            _ => throw new FormatException($"state node record of kind {bytes[0]} and {bytes.Length} bytes"),
        };
    }
}
