namespace Rollup.Sequencer.Node;

/// <summary>The JSON-RPC server's address and limits.</summary>
public sealed record RpcConfig
{
    /// <summary>Loopback by default: exposing the node is an explicit choice.</summary>
    public string Host { get; init; } = "127.0.0.1";
    /// <summary>0 picks a free port (tests).</summary>
    public int Port { get; init; } = 8545;
    /// <summary>Largest HTTP body or WebSocket message accepted.</summary>
    public int MaxRequestBytes { get; init; } = 5 * 1024 * 1024;
    /// <summary>Most calls in one batch request.</summary>
    public int MaxBatchSize { get; init; } = 1000;
    /// <summary>Most blocks one eth_getLogs may span.</summary>
    public ulong MaxLogBlockRange { get; init; } = 10_000;
    /// <summary>Most logs one eth_getLogs may return.</summary>
    public int MaxLogResults { get; init; } = 10_000;
    /// <summary>Gas cap of eth_call and eth_estimateGas.</summary>
    public ulong GasCap { get; init; } = 50_000_000;
    /// <summary>The tip eth_maxPriorityFeePerGas suggests (eth_gasPrice adds the next base fee).</summary>
    public ulong SuggestedTip { get; init; } = 1_000_000_000;
    /// <summary>Addresses eth_accounts lists (the dev accounts in --dev); the node never signs for them.</summary>
    public IReadOnlyList<Core.Types.Address> Accounts { get; init; } = [];
}
