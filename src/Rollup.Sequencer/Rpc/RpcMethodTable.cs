using System.Text.Json.Nodes;

namespace Rollup.Sequencer.Rpc;

/// <summary>One JSON-RPC method: its parameters in, its result out (null is JSON null). Failures are RpcExceptions.</summary>
public delegate JsonNode? RpcMethod(RpcParams p);

/// <summary>Method names to handlers. Built once per node; each method group registers itself.</summary>
public sealed class RpcMethodTable
{
    private readonly Dictionary<string, RpcMethod> _methods = new(StringComparer.Ordinal);

    public void Add(string name, RpcMethod method) => _methods.Add(name, method);

    public bool TryGet(string name, out RpcMethod method) => _methods.TryGetValue(name, out method!);

    public IEnumerable<string> Names => _methods.Keys;
}
