using Rollup.Core.Chain;
using Rollup.Core.Types;

namespace Rollup.Evm.Execution;

/// <summary>What running one valid transaction produced: what a receipt records, and more for tracing and RPC.</summary>
public sealed record TransactionResult(
    ExitReason Reason,
    ulong GasUsed,
    IReadOnlyList<LogEntry> Logs,
    byte[] Output,
    Address? ContractAddress,
    ulong BlobGasUsed)
{
    /// <summary>Receipt status: 1 when the top-level call or create succeeded.</summary>
    public bool Success => Reason.IsSuccess();
}
