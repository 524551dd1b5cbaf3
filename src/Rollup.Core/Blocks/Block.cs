using Rollup.Core.Transactions;
using Rollup.Core.Types;

namespace Rollup.Core.Blocks;

/// <summary>A block: its header and body (transactions, ommer headers, and from Shanghai the withdrawals; null before).</summary>
public sealed class Block
{
    public required BlockHeader Header { get; init; }
    public IReadOnlyList<Transaction> Transactions { get; init; } = [];
    public IReadOnlyList<BlockHeader> Ommers { get; init; } = [];
    public IReadOnlyList<Withdrawal>? Withdrawals { get; init; }

    public Hash256 Hash => Header.Hash;
    public ulong Number => Header.Number;

    public override string ToString() => Header.ToString();
}
