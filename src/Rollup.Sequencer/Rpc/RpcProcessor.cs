using System.Buffers;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;

namespace Rollup.Sequencer.Rpc;

/// <summary>JSON-RPC 2.0 over bytes, for both transports: parses a request or a batch, dispatches each call and writes
/// the responses. Malformed input gets geth's errors (-32700 parse error, -32600 invalid request, -32601 method not
/// found, -32602 invalid params); notifications (no id) get no response; a batch of only notifications gets nothing.</summary>
public sealed class RpcProcessor(RpcMethodTable methods, int maxBatchSize, ILogger logger)
{
    // Relaxed escaping: error messages keep their quotes readable (geth does not escape them either).
    private static readonly JsonWriterOptions WriterOptions = new() { Indented = false, SkipValidation = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The response to send, or null when there is none.</summary>
    public byte[]? Handle(ReadOnlyMemory<byte> body, IRpcConnection? connection)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body, new JsonDocumentOptions { MaxDepth = 128 });
        }
        catch (JsonException e)
        {
            return Write(w => WriteError(w, null, RpcException.ParseError(e.Message)));
        }
        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Array)
            {
                var single = Call(root, connection);
                return single is null ? null : Write(single);
            }
            int count = root.GetArrayLength();
            if (count == 0) return Write(w => WriteError(w, null, RpcException.InvalidRequest("empty batch")));
            if (count > maxBatchSize) return Write(w => WriteError(w, null, RpcException.InvalidRequest("batch too large")));
            var responses = new List<Action<Utf8JsonWriter>>(count);
            foreach (var item in root.EnumerateArray())
                if (Call(item, connection) is { } response) responses.Add(response);
            if (responses.Count == 0) return null;
            return Write(w =>
            {
                w.WriteStartArray();
                foreach (var r in responses) r(w);
                w.WriteEndArray();
            });
        }
    }

    /// <summary>Runs one call; returns the writer of its response, or null for a notification.</summary>
    private Action<Utf8JsonWriter>? Call(JsonElement request, IRpcConnection? connection)
    {
        if (request.ValueKind != JsonValueKind.Object) return w => WriteError(w, null, RpcException.InvalidRequest());
        string? id = null;
        bool hasId = request.TryGetProperty("id", out var idElement);
        if (hasId)
        {
            if (idElement.ValueKind is not (JsonValueKind.String or JsonValueKind.Number or JsonValueKind.Null))
                return w => WriteError(w, null, RpcException.InvalidRequest());
            id = idElement.GetRawText();
        }
        if (!request.TryGetProperty("method", out var methodElement) || methodElement.ValueKind != JsonValueKind.String)
            return w => WriteError(w, id, RpcException.InvalidRequest());
        if (request.TryGetProperty("jsonrpc", out var version) && (version.ValueKind != JsonValueKind.String || version.GetString() != "2.0"))
            return w => WriteError(w, id, RpcException.InvalidRequest());

        string method = methodElement.GetString()!;
        JsonNode? result;
        try
        {
            var p = Params(request);
            result = method switch
            {
                "eth_subscribe" => (connection ?? throw NoNotifications()).Subscribe(p),
                "eth_unsubscribe" => (connection ?? throw NoNotifications()).Unsubscribe(p.AtMost(1).Required(0, RpcParams.String)),
                _ => methods.TryGet(method, out var handler) ? handler(p) : throw RpcException.MethodNotFound(method),
            };
        }
        catch (RpcException e)
        {
            return hasId ? w => WriteError(w, id, e) : null;
        }
        catch (Exception e)
        {
            logger.LogError(e, "{Method} failed", method);
            var error = new RpcException(RpcException.InternalErrorCode, "internal error: " + e.Message);
            return hasId ? w => WriteError(w, id, error) : null;
        }
        if (!hasId) return null;
        return w =>
        {
            w.WriteStartObject();
            w.WriteString("jsonrpc", "2.0");
            w.WritePropertyName("id");
            w.WriteRawValue(id!, skipInputValidation: true);
            w.WritePropertyName("result");
            if (result is null) w.WriteNullValue(); else result.WriteTo(w);
            w.WriteEndObject();
        };
    }

    private static RpcException NoNotifications() => new(RpcException.NotificationsUnsupportedCode, "notifications not supported");

    private static RpcParams Params(JsonElement request)
    {
        if (!request.TryGetProperty("params", out var p) || p.ValueKind == JsonValueKind.Null) return RpcParams.Empty;
        if (p.ValueKind != JsonValueKind.Array) throw RpcException.InvalidParams("non-array args");
        return new RpcParams([.. p.EnumerateArray().Select(e => e.Clone())]);
    }

    public static void WriteError(Utf8JsonWriter w, string? id, RpcException e)
    {
        w.WriteStartObject();
        w.WriteString("jsonrpc", "2.0");
        w.WritePropertyName("id");
        if (id is null) w.WriteNullValue(); else w.WriteRawValue(id, skipInputValidation: true);
        w.WriteStartObject("error");
        w.WriteNumber("code", e.Code);
        w.WriteString("message", e.Message);
        if (e.ErrorData is { } data)
        {
            w.WritePropertyName("data");
            data.WriteTo(w);
        }
        w.WriteEndObject();
        w.WriteEndObject();
    }

    public static byte[] Write(Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var w = new Utf8JsonWriter(buffer, WriterOptions)) write(w);
        return buffer.WrittenSpan.ToArray();
    }
}
