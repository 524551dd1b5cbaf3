using System.Buffers;
using System.Runtime.CompilerServices;
using Rollup.Core.Crypto;
using Rollup.Core.Rlp;

namespace Rollup.Core.Trie;

/// <summary>Turns nodes into their RLP and references, bottom-up, visiting only nodes whose reference was
/// invalidated. A leaf is [hexPrefix(path, leaf), value], an extension [hexPrefix(path), child], a branch
/// [child0 .. child15, value]; a missing child or value is the empty string.</summary>
internal static class NodeEncoder
{
    private const int StackLimit = 1024;

    /// <summary>Computes the reference of the node and of every node below it that lacks one.</summary>
    public static void EnsureReference(TrieNode node)
    {
        if (node.HasReference) return;
        switch (node)
        {
            case ExtensionNode extension:
                EnsureReference(extension.Child);
                break;
            case BranchNode branch:
                foreach (var child in branch.Children)
                    if (child is not null) EnsureReference(child);
                break;
        }
        Encode(node); // not in this recursive frame, so its buffer is not held across the recursion
    }

    /// <summary>Length of the node's RLP payload (inside the list header), its children's references known.</summary>
    private static int PayloadLength(TrieNode node) => node switch
    {
        LeafNode leaf => PathLength(leaf.Path) + RlpEncoding.LengthOfBytes(leaf.Value),
        ExtensionNode extension => PathLength(extension.Path) + extension.Child.ReferenceLength,
        BranchNode branch => BranchPayloadLength(branch),
        _ => throw new InvalidOperationException(node.GetType().Name),
    };

    private static int BranchPayloadLength(BranchNode branch)
    {
        int length = branch.Value is null ? 1 : RlpEncoding.LengthOfBytes(branch.Value);
        foreach (var child in branch.Children) length += child?.ReferenceLength ?? 1;
        return length;
    }

    /// <summary>A hex-prefixed path as an RLP string. A one-byte prefix (the flag alone, at most 0x3f) is
    /// below 0x80 and so stands as its own encoding.</summary>
    private static int PathLength(byte[] nibbles)
    {
        int bytes = Nibbles.HexPrefixLength(nibbles.Length);
        return bytes == 1 ? 1 : RlpEncoding.HeaderLength(bytes) + bytes;
    }

    [SkipLocalsInit] // the buffer is written in full before it is read (checked below)
    private static void Encode(TrieNode node)
    {
        int payload = PayloadLength(node);
        int length = RlpEncoding.LengthOfList(payload);
        byte[]? rented = length > StackLimit ? ArrayPool<byte>.Shared.Rent(length) : null;
        Span<byte> buffer = (rented is null ? stackalloc byte[StackLimit] : rented.AsSpan())[..length];

        int at = RlpEncoding.WriteListHeader(buffer, payload);
        switch (node)
        {
            case LeafNode leaf:
                at += WritePath(buffer[at..], leaf.Path, isLeaf: true);
                at += RlpEncoding.WriteBytes(buffer[at..], leaf.Value);
                break;
            case ExtensionNode extension:
                at += WritePath(buffer[at..], extension.Path, isLeaf: false);
                at += WriteReference(buffer[at..], extension.Child);
                break;
            case BranchNode branch:
                foreach (var child in branch.Children)
                    at += child is null ? WriteEmpty(buffer[at..]) : WriteReference(buffer[at..], child);
                at += branch.Value is null ? WriteEmpty(buffer[at..]) : RlpEncoding.WriteBytes(buffer[at..], branch.Value);
                break;
        }
        if (at != length) throw new InvalidOperationException($"trie node encoded to {at} bytes, expected {length}");

        if (length < 32) node.Embedded = buffer.ToArray();
        else
        {
            Span<byte> hash = stackalloc byte[32];
            Keccak256.Hash(buffer, hash);
            node.Hash = new Types.Hash256(hash);
        }
        node.HasReference = true;
        if (rented is not null) ArrayPool<byte>.Shared.Return(rented);
    }

    private static int WritePath(Span<byte> destination, byte[] nibbles, bool isLeaf)
    {
        int bytes = Nibbles.HexPrefixLength(nibbles.Length);
        Span<byte> packed = bytes <= 128 ? stackalloc byte[bytes] : new byte[bytes];
        Nibbles.WriteHexPrefix(nibbles, isLeaf, packed);
        return RlpEncoding.WriteBytes(destination, packed);
    }

    private static int WriteReference(Span<byte> destination, TrieNode child)
    {
        if (child.Embedded is { } embedded)
        {
            embedded.CopyTo(destination);
            return embedded.Length;
        }
        return RlpEncoding.WriteBytes(destination, child.Hash.Bytes);
    }

    private static int WriteEmpty(Span<byte> destination)
    {
        destination[0] = RlpEncoding.EmptyString;
        return 1;
    }
}
