using System.Collections.Concurrent;
using Rollup.Crypto.Bn254.Fields;

namespace Rollup.State.Trie;

/// <summary>Nodes in a dictionary: tries with no database (tests, the naive-vs-incremental comparisons, replaying
/// single updates for circuit witnesses).</summary>
public sealed class MemoryNodeStore : INodeReader
{
    private readonly ConcurrentDictionary<Fr, NodeRecord> _nodes = new();

    public int Count => _nodes.Count;

    public NodeRecord? TryGetNode(in Fr hash) => _nodes.TryGetValue(hash, out var r) ? r : null;

    public void Add(IEnumerable<KeyValuePair<Fr, NodeRecord>> nodes)
    {
        foreach (var (hash, record) in nodes) _nodes[hash] = record;
    }
}
