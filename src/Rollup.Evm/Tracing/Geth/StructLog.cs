using Rollup.Core.Numerics;

namespace Rollup.Evm.Tracing.Geth;

/// <summary>One step as geth's struct logger reports it (the default tracer of debug_traceTransaction).</summary>
public sealed class StructLog
{
    public int Pc { get; init; }
    public required string Op { get; init; }
    public long Gas { get; init; }
    public long GasCost { get; set; }
    /// <summary>Call depth, 1 for the transaction's own call.</summary>
    public int Depth { get; init; }
    public long Refund { get; init; }
    /// <summary>Bottom first, as geth lists it.</summary>
    public UInt256[]? Stack { get; init; }
    /// <summary>Memory in 32-byte words.</summary>
    public byte[]? Memory { get; init; }
    /// <summary>Storage slots of the running contract touched so far in this call, after SLOAD/SSTORE.</summary>
    public Dictionary<UInt256, UInt256>? Storage { get; init; }
    public string? Error { get; set; }
}

/// <summary>What the struct logger returns for a transaction.</summary>
public sealed record StructLogResult(ulong Gas, bool Failed, byte[] ReturnValue, IReadOnlyList<StructLog> StructLogs);

public sealed record StructLoggerOptions(bool DisableStack = false, bool DisableStorage = false, bool EnableMemory = false, int Limit = 0);
