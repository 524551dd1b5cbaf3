using Rollup.Core.Blocks;
using Rollup.Core.Types;
using Rollup.Evm.Execution;
using Rollup.Evm.State;

namespace Rollup.Evm.Blocks;

/// <summary>What running a block produced: its receipts, each transaction's full result (for tracing and RPC) and the
/// state after it, a new object independent of the parent's; and the values its header commits to, computed once.</summary>
public sealed class BlockResult(Block block, IReadOnlyList<Receipt> receipts, IReadOnlyList<TransactionResult> transactions, InMemoryStateSource postState)
{
    public Block Block { get; } = block;
    public IReadOnlyList<Receipt> Receipts { get; } = receipts;
    public IReadOnlyList<TransactionResult> Transactions { get; } = transactions;
    public InMemoryStateSource PostState { get; } = postState;

    public ulong GasUsed => Receipts.Count == 0 ? 0 : Receipts[^1].CumulativeGasUsed;

    private Bloom? _bloom;
    /// <summary>The union of the receipts' blooms.</summary>
    public Bloom LogsBloom => _bloom ??= Union(Receipts);

    private Hash256? _receiptsRoot;
    public Hash256 ReceiptsRoot => _receiptsRoot ??= BlockRoots.Receipts(Receipts);

    private Hash256? _stateRoot;
    public Hash256 StateRoot => _stateRoot ??= MptStateRoot.Compute(PostState);

    private static Bloom Union(IReadOnlyList<Receipt> receipts)
    {
        var bloom = new Bloom();
        foreach (var r in receipts) bloom.UnionWith(r.Bloom);
        return bloom;
    }
}
