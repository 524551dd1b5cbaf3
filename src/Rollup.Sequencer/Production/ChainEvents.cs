using Rollup.Core.Blocks;
using Rollup.Core.Types;
using Rollup.Sequencer.Chain;

namespace Rollup.Sequencer.Production;

/// <summary>What subscribers (eth_subscribe over WebSocket) are told: each new block with its receipts, each
/// transaction the pool accepted. Handlers run on the producing thread and must be quick (they queue and return).</summary>
public sealed class ChainEvents
{
    public event Action<Block, IReadOnlyList<StoredReceipt>>? NewBlock;
    public event Action<Hash256>? NewPendingTransaction;

    public void PublishBlock(Block block, IReadOnlyList<StoredReceipt> receipts) => NewBlock?.Invoke(block, receipts);
    public void PublishPendingTransaction(Hash256 hash) => NewPendingTransaction?.Invoke(hash);
}
