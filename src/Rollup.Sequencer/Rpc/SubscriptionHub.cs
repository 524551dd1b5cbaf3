using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using Rollup.Core.Blocks;
using Rollup.Core.Types;
using Rollup.Sequencer.Chain;
using Rollup.Sequencer.Production;

namespace Rollup.Sequencer.Rpc;

/// <summary>eth_subscribe's three kinds, fed by the node's events: newHeads (each block's header), logs (each
/// matching log of each block) and newPendingTransactions (each hash the pool accepts). A notification is queued on
/// the subscriber's connection; the event source never waits for a slow client.</summary>
public sealed class SubscriptionHub
{
    private sealed record Subscription(string Id, string Kind, LogFilter? Filter, Func<byte[], bool> Send);

    private readonly ConcurrentDictionary<string, Subscription> _subscriptions = new();

    public SubscriptionHub(ChainEvents events)
    {
        events.NewBlock += OnBlock;
        events.NewPendingTransaction += OnPending;
    }

    public int Count => _subscriptions.Count;

    /// <summary>Starts a subscription from eth_subscribe's parameters; notifications go to <paramref name="send"/>,
    /// which returns false when the connection cannot take more (the subscription then ends).</summary>
    public string Subscribe(RpcParams p, Func<byte[], bool> send)
    {
        p.AtMost(2);
        string kind = p.Required(0, RpcParams.String);
        LogFilter? filter = null;
        switch (kind)
        {
            case "newHeads":
            case "newPendingTransactions":
                break;
            case "logs":
                filter = p.Has(1) ? p.Required(1, LogFilter.Parse) : LogFilter.Any();
                break;
            default:
                throw RpcException.InvalidParams($"no \"{kind}\" subscription in eth namespace");
        }
        string id = "0x" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        _subscriptions[id] = new Subscription(id, kind, filter, send);
        return id;
    }

    public bool Unsubscribe(string id) => _subscriptions.TryRemove(id, out _);

    private void OnBlock(Block block, IReadOnlyList<StoredReceipt> receipts)
    {
        JsonObject? header = null;
        foreach (var s in _subscriptions.Values)
        {
            if (s.Kind == "newHeads") Notify(s, header ??= RpcJson.Header(block));
            else if (s.Kind == "logs")
            {
                int logIndex = 0;
                for (int i = 0; i < receipts.Count; i++)
                    foreach (var log in receipts[i].Receipt.Logs)
                    {
                        if (s.Filter!.Matches(log)) Notify(s, RpcJson.Log(log, block, i, block.Transactions[i].Hash, logIndex));
                        logIndex++;
                    }
            }
        }
    }

    private void OnPending(Hash256 hash)
    {
        JsonNode? value = null;
        foreach (var s in _subscriptions.Values)
            if (s.Kind == "newPendingTransactions") Notify(s, value ??= RpcHex.Data(hash.Bytes));
    }

    private void Notify(Subscription s, JsonNode result)
    {
        var message = RpcProcessor.Write(w =>
        {
            w.WriteStartObject();
            w.WriteString("jsonrpc", "2.0");
            w.WriteString("method", "eth_subscription");
            w.WriteStartObject("params");
            w.WriteString("subscription", s.Id);
            w.WritePropertyName("result");
            result.WriteTo(w);
            w.WriteEndObject();
            w.WriteEndObject();
        });
        if (!s.Send(message)) _subscriptions.TryRemove(s.Id, out _);
    }
}
