using System.Collections.Concurrent;
using Rollup.Crypto.Bn254.Fields;

namespace Rollup.State.Trie;

/// <summary>
/// Nodes added in memory over a store that is only read: intermediate roots that are never persisted. The circuit
/// witness generator replays a batch's updates one at a time on it (prove the key under the current root, apply,
/// commit into the overlay, prove again under the new root), so each update gets its own before/after paths while
/// the database only ever receives the block's final nodes.
/// </summary>
public sealed class OverlayNodeStore(INodeReader below) : INodeReader
{
    private readonly ConcurrentDictionary<Fr, NodeRecord> _added = new();

    public NodeRecord? TryGetNode(in Fr hash) => _added.TryGetValue(hash, out var r) ? r : below.TryGetNode(hash);

    public void Add(IEnumerable<KeyValuePair<Fr, NodeRecord>> nodes)
    {
        foreach (var (hash, record) in nodes) _added[hash] = record;
    }
}
