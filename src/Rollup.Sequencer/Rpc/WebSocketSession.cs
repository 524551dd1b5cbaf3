using System.Buffers;
using System.Net.WebSockets;
using System.Text.Json.Nodes;
using System.Threading.Channels;

namespace Rollup.Sequencer.Rpc;

/// <summary>One WebSocket client: reads messages (each a request or batch, at most the size limit), answers them, and
/// pushes subscription notifications. All sends go through one queue and one writer loop, since a WebSocket allows a
/// single sender at a time; a client that falls too far behind is disconnected rather than buffered without end.</summary>
public sealed class WebSocketSession(WebSocket socket, RpcProcessor processor, SubscriptionHub hub, int maxMessageBytes) : IRpcConnection
{
    private const int MaxQueuedMessages = 10_000;
    private readonly Channel<byte[]> _outgoing = Channel.CreateBounded<byte[]>(new BoundedChannelOptions(MaxQueuedMessages) { SingleReader = true });
    private readonly List<string> _subscriptions = [];
    private readonly CancellationTokenSource _closed = new();

    public async Task RunAsync(CancellationToken cancellation)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellation, _closed.Token);
        var writer = WriteLoop(linked.Token);
        try
        {
            await ReadLoop(linked.Token);
        }
        catch (Exception e) when (e is OperationCanceledException or WebSocketException) { }
        finally
        {
            lock (_subscriptions) foreach (var id in _subscriptions) hub.Unsubscribe(id);
            _outgoing.Writer.TryComplete();
            await _closed.CancelAsync();
            try { await writer; } catch (Exception e) when (e is OperationCanceledException or WebSocketException) { }
        }
    }

    private async Task ReadLoop(CancellationToken cancellation)
    {
        var buffer = new ArrayBufferWriter<byte>(4096);
        while (socket.State == WebSocketState.Open)
        {
            buffer.Clear();
            ValueWebSocketReceiveResult result;
            do
            {
                result = await socket.ReceiveAsync(buffer.GetMemory(4096), cancellation);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, cancellation);
                    return;
                }
                buffer.Advance(result.Count);
                if (buffer.WrittenCount > maxMessageBytes)
                {
                    Send(RpcProcessor.Write(w => RpcProcessor.WriteError(w, null,
                        RpcException.InvalidRequest($"message too large (limit {maxMessageBytes} bytes)"))));
                    await Task.Delay(100, cancellation);
                    await socket.CloseAsync(WebSocketCloseStatus.MessageTooBig, "message too large", cancellation);
                    return;
                }
            } while (!result.EndOfMessage);
            var response = processor.Handle(buffer.WrittenMemory.ToArray(), this);
            if (response is not null && !Send(response)) return;
        }
    }

    private async Task WriteLoop(CancellationToken cancellation)
    {
        await foreach (var message in _outgoing.Reader.ReadAllAsync(cancellation))
            await socket.SendAsync(message, WebSocketMessageType.Text, true, cancellation);
    }

    private bool Send(byte[] message)
    {
        if (_outgoing.Writer.TryWrite(message)) return true;
        _closed.Cancel(); // too far behind: drop the client
        return false;
    }

    public JsonNode Subscribe(RpcParams p)
    {
        var id = hub.Subscribe(p, Send);
        lock (_subscriptions) _subscriptions.Add(id);
        return id;
    }

    public bool Unsubscribe(string id)
    {
        lock (_subscriptions)
        {
            if (!_subscriptions.Remove(id)) return false;
        }
        return hub.Unsubscribe(id);
    }
}
