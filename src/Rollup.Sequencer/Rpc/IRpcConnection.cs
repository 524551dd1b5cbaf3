using System.Text.Json.Nodes;

namespace Rollup.Sequencer.Rpc;

/// <summary>A connection that can push notifications (a WebSocket): eth_subscribe and eth_unsubscribe need one.</summary>
public interface IRpcConnection
{
    JsonNode Subscribe(RpcParams p);
    bool Unsubscribe(string id);
}
