using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Rollup.L1.Rpc;

/// <summary>JSON-RPC 2.0 over HTTP POST, one request per call. Failures to reach the node become
/// <see cref="L1ConnectionException"/> naming the URL; error objects become <see cref="JsonRpcException"/>.</summary>
public sealed class JsonRpcClient : IDisposable
{
    private readonly HttpClient _http;
    private readonly bool _ownsHttp;
    private long _nextId;

    public Uri Url { get; }

    /// <summary>The URL as shown in messages: without any user:password part.</summary>
    public string DisplayUrl { get; }

    public JsonRpcClient(string url, HttpClient? http = null, TimeSpan? timeout = null)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
            throw new ArgumentException($"'{url}' is not an http:// or https:// URL");
        Url = uri;
        DisplayUrl = new UriBuilder(uri) { UserName = "", Password = "" }.Uri.ToString();
        _ownsHttp = http is null;
        _http = http ?? new HttpClient { Timeout = timeout ?? TimeSpan.FromSeconds(30) };
    }

    /// <summary>Sends one request and returns its "result" (detached from the response document).</summary>
    public async Task<JsonElement> CallAsync(string method, JsonArray parameters, CancellationToken cancel = default)
    {
        var request = new JsonObject
        {
            ["jsonrpc"] = "2.0",
            ["id"] = Interlocked.Increment(ref _nextId),
            ["method"] = method,
            ["params"] = parameters,
        };
        using var content = new StringContent(request.ToJsonString(), Encoding.UTF8, "application/json");
        string body;
        System.Net.HttpStatusCode status;
        try
        {
            using var response = await _http.PostAsync(Url, content, cancel).ConfigureAwait(false);
            status = response.StatusCode;
            body = await response.Content.ReadAsStringAsync(cancel).ConfigureAwait(false);
        }
        catch (HttpRequestException e)
        {
            throw new L1ConnectionException(DisplayUrl, Describe(e), e);
        }
        catch (TaskCanceledException e) when (!cancel.IsCancellationRequested)
        {
            throw new L1ConnectionException(DisplayUrl, $"no answer within {_http.Timeout.TotalSeconds:0} s", e);
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body);
        }
        catch (JsonException)
        {
            throw new L1ConnectionException(DisplayUrl, $"HTTP {(int)status}, and the answer to {method} is not JSON: is this a JSON-RPC endpoint?");
        }
        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.Object)
            {
                long code = error.TryGetProperty("code", out var c) && c.TryGetInt64(out long v) ? v : 0;
                string message = error.TryGetProperty("message", out var m) ? m.GetString() ?? "" : "";
                string? data = error.TryGetProperty("data", out var d) ? d.GetRawText() : null;
                throw new JsonRpcException(method, code, message, data);
            }
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("result", out var result))
                throw new L1ConnectionException(DisplayUrl, $"HTTP {(int)status}, and the answer to {method} has neither result nor error");
            return result.Clone();
        }
    }

    private static string Describe(HttpRequestException e) => e.InnerException switch
    {
        SocketException { SocketErrorCode: SocketError.ConnectionRefused } => "connection refused (is the node running, and is the port right?)",
        SocketException { SocketErrorCode: SocketError.HostNotFound or SocketError.TryAgain or SocketError.NoData } => "host not found",
        SocketException s => s.Message,
        _ => e.Message,
    };

    public void Dispose()
    {
        if (_ownsHttp) _http.Dispose();
    }
}
