using System.Text.Json.Nodes;

namespace Rollup.Sequencer.Rpc;

/// <summary>A JSON-RPC error: code, message and optional data, with geth's codes and wording (clients match on both).</summary>
public sealed class RpcException(int code, string message, JsonNode? data = null) : Exception(message)
{
    public int Code { get; } = code;
    public JsonNode? ErrorData { get; } = data;

    public const int ParseErrorCode = -32700;
    public const int InvalidRequestCode = -32600;
    public const int MethodNotFoundCode = -32601;
    public const int InvalidParamsCode = -32602;
    public const int InternalErrorCode = -32603;
    /// <summary>geth's code for every server-side failure: transaction rejections, missing state, failed calls.</summary>
    public const int ServerErrorCode = -32000;
    /// <summary>EIP-1474 "limit exceeded" (log range, result count).</summary>
    public const int LimitExceededCode = -32005;
    /// <summary>geth: subscriptions over a transport that cannot push.</summary>
    public const int NotificationsUnsupportedCode = -32001;
    /// <summary>eth_call / eth_estimateGas: the call reverted; data carries the revert output.</summary>
    public const int RevertCode = 3;

    public static RpcException ParseError(string detail) => new(ParseErrorCode, "parse error: " + detail);
    public static RpcException InvalidRequest(string message = "invalid request") => new(InvalidRequestCode, message);
    public static RpcException MethodNotFound(string method) => new(MethodNotFoundCode, $"the method {method} does not exist/is not available");
    public static RpcException InvalidParams(string message) => new(InvalidParamsCode, message);
    public static RpcException Server(string message) => new(ServerErrorCode, message);
}
