using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Rollup.Sequencer.Node;

namespace Rollup.Sequencer.Rpc;

/// <summary>Kestrel serving JSON-RPC on one port: HTTP POST for calls and batches, WebSocket upgrades (any path) for
/// the same calls plus subscriptions. Bodies over the size limit get HTTP 413 with a JSON-RPC error.</summary>
public sealed class RpcServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private RpcServer(WebApplication app) => _app = app;

    /// <summary>Where the server listens (with the real port when 0 was asked for).</summary>
    public Uri Url { get; private set; } = null!;

    /// <summary>Fires when the host is asked to stop (Ctrl+C or SIGTERM).</summary>
    public CancellationToken Stopping => _app.Lifetime.ApplicationStopping;

    public static async Task<RpcServer> StartAsync(RpcConfig config, RpcProcessor processor, SubscriptionHub hub, ILoggerFactory loggers)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton(loggers);
        builder.WebHost.UseKestrel(k =>
        {
            k.Listen(IPAddress.Parse(config.Host), config.Port);
            k.Limits.MaxRequestBodySize = null; // enforced below, so the client gets a JSON-RPC error, not a reset
        });
        var app = builder.Build();
        app.UseWebSockets(new WebSocketOptions { KeepAliveInterval = TimeSpan.FromSeconds(30) });
        var stopping = app.Lifetime.ApplicationStopping;
        app.Run(context => Handle(context, config, processor, hub, stopping));
        await app.StartAsync();

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new RpcServer(app) { Url = new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal)) };
    }

    private static async Task Handle(HttpContext context, RpcConfig config, RpcProcessor processor, SubscriptionHub hub, CancellationToken stopping)
    {
        var response = context.Response;
        response.Headers.AccessControlAllowOrigin = "*";
        if (context.WebSockets.IsWebSocketRequest)
        {
            using var socket = await context.WebSockets.AcceptWebSocketAsync();
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(stopping, context.RequestAborted);
            await new WebSocketSession(socket, processor, hub, config.MaxRequestBytes).RunAsync(linked.Token);
            return;
        }
        var request = context.Request;
        if (HttpMethods.IsOptions(request.Method))
        {
            response.Headers.AccessControlAllowMethods = "POST, GET, OPTIONS";
            response.Headers.AccessControlAllowHeaders = "Content-Type";
            response.StatusCode = StatusCodes.Status204NoContent;
            return;
        }
        if (!HttpMethods.IsPost(request.Method))
        {
            response.StatusCode = StatusCodes.Status405MethodNotAllowed;
            await response.WriteAsync("JSON-RPC: send a POST request or open a WebSocket\n");
            return;
        }
        var body = await ReadBody(request, config.MaxRequestBytes, context.RequestAborted);
        byte[]? result;
        if (body is null)
        {
            response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            result = RpcProcessor.Write(w => RpcProcessor.WriteError(w, null, RpcException.InvalidRequest(
                $"content length too large ({request.ContentLength?.ToString() ?? "more"}>{config.MaxRequestBytes})")));
        }
        else
        {
            result = processor.Handle(body, null);
        }
        response.ContentType = "application/json";
        if (result is not null) await response.Body.WriteAsync(result, context.RequestAborted);
    }

    /// <summary>The body, or null when it is larger than the limit (read no further than the limit).</summary>
    private static async Task<byte[]?> ReadBody(HttpRequest request, int limit, CancellationToken cancellation)
    {
        if (request.ContentLength > limit) return null;
        using var buffer = new MemoryStream(request.ContentLength is { } n ? (int)n : 4096);
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellation)) > 0)
        {
            if (buffer.Length + read > limit) return null;
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
