using Rollup.Core.Chain;
using Rollup.Core.Transactions;
using Rollup.Core.Types;

namespace Rollup.Core.Blocks;

/// <summary>What a transaction left behind in its block: the outcome (a status from Byzantium, the intermediate state
/// root before it), the block's gas used up to and including it, its logs and their bloom.</summary>
public sealed class Receipt
{
    /// <summary>The transaction's type: typed receipts are encoded type ‖ rlp, like typed transactions.</summary>
    public TxType Type { get; init; }

    /// <summary>EIP-658 status (Byzantium on): whether the top-level call or create succeeded.</summary>
    public bool Success { get; init; }

    /// <summary>Before Byzantium: the state root after the transaction, in place of the status.</summary>
    public Hash256? PostState { get; init; }

    public ulong CumulativeGasUsed { get; init; }
    public IReadOnlyList<LogEntry> Logs { get; init; } = [];

    private Bloom? _bloom;
    /// <summary>The bloom of <see cref="Logs"/>; given explicitly when decoded, computed otherwise.</summary>
    public Bloom Bloom { get => _bloom ??= Bloom.FromLogs(Logs); init => _bloom = value; }
}
