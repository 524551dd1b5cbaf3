using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Rollup.Sequencer.Tests.Support;

/// <summary>A JSON-RPC error as the node returned it.</summary>
public sealed class RpcError(int code, string message, JsonElement? data) : Exception($"{code}: {message}")
{
    public int Code { get; } = code;
    public string RpcMessage { get; } = message;
    public JsonElement? ErrorData { get; } = data;
}

/// <summary>A plain HTTP JSON-RPC client for tests: raw bodies in, parsed JSON out.</summary>
public sealed class RpcClient(Uri url) : IDisposable
{
    private readonly HttpClient _http = new() { BaseAddress = url, Timeout = TimeSpan.FromSeconds(60) };
    private int _id;

    /// <summary>Calls a method; returns its result or throws <see cref="RpcError"/>.</summary>
    public async Task<JsonElement> Call(string method, params object?[] parameters)
    {
        var body = JsonSerializer.Serialize(new { jsonrpc = "2.0", id = Interlocked.Increment(ref _id), method, @params = parameters });
        var (_, response) = await Post(body);
        return Result(response!.Value);
    }

    /// <summary>The status of batch <paramref name="number"/> ("sealed", "committed", …), or null while it is not sealed
    /// yet (the sealer may still be checking the block against the circuit's capacity).</summary>
    public async Task<string?> BatchStatus(ulong number) =>
        await Call("rollup_getBatch", $"0x{number:x}") is { ValueKind: JsonValueKind.Object } b ? b.GetProperty("status").GetString() : null;

    public async Task<string> CallString(string method, params object?[] parameters) => (await Call(method, parameters)).GetString()!;

    public async Task<ulong> CallNumber(string method, params object?[] parameters) =>
        Convert.ToUInt64((await CallString(method, parameters))[2..], 16);

    /// <summary>Posts a raw body; returns the status and the parsed response (null when the body is empty).</summary>
    public async Task<(int Status, JsonElement? Json)> Post(string body)
    {
        using var content = new StringContent(body, Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var response = await _http.PostAsync("", content);
        var text = await response.Content.ReadAsStringAsync();
        return ((int)response.StatusCode, text.Length == 0 ? null : JsonDocument.Parse(text).RootElement.Clone());
    }

    public static JsonElement Result(JsonElement response)
    {
        if (response.TryGetProperty("error", out var error))
            throw new RpcError(error.GetProperty("code").GetInt32(), error.GetProperty("message").GetString()!,
                error.TryGetProperty("data", out var data) ? data.Clone() : null);
        return response.GetProperty("result").Clone();
    }

    public void Dispose() => _http.Dispose();
}
