using Rollup.Crypto.Bn254.Fields;

namespace Rollup.State.Trie;

/// <summary>Where a trie finds its nodes by hash: the RocksDB-backed <see cref="Store.StateStore"/>, or a plain
/// dictionary (<see cref="MemoryNodeStore"/>) for tests and witness generation. Must be safe to call from several
/// threads.</summary>
public interface INodeReader
{
    /// <summary>The node whose hash is <paramref name="hash"/> (never 0, the empty subtree), or null if unknown.</summary>
    NodeRecord? TryGetNode(in Fr hash);
}

public static class NodeReaderExtensions
{
    /// <summary>A node that must exist: a reachable node missing means a corrupt store or a root it never held.</summary>
    public static NodeRecord GetNode(this INodeReader reader, in Fr hash) =>
        reader.TryGetNode(hash) ?? throw new MissingNodeException(hash);
}

public sealed class MissingNodeException(Fr hash) : Exception($"state node {hash} is not in the store (unknown root or pruned state)")
{
    public Fr Hash { get; } = hash;
}
