using Rollup.Core.Numerics;
using Rollup.Core.Types;

namespace Rollup.Sequencer.Mempool;

/// <summary>The pending transactions in the order a block should take them: always the best-paying (by effective
/// tip at the block's base fee, then arrival) among each sender's next nonce, so fee order never breaks nonce order.
/// A snapshot: the pool may change while a block is built from it.</summary>
public sealed class TxSelection
{
    private readonly Dictionary<Address, Queue<PooledTransaction>> _rest = [];
    private readonly PriorityQueue<PooledTransaction, (UInt256 Tip, long Arrival)> _heads;
    private readonly UInt256 _baseFee;

    internal TxSelection(IEnumerable<List<PooledTransaction>> bySender, UInt256 baseFee)
    {
        _baseFee = baseFee;
        _heads = new PriorityQueue<PooledTransaction, (UInt256, long)>(Comparer<(UInt256 Tip, long Arrival)>.Create(
            (a, b) => a.Tip != b.Tip ? b.Tip.CompareTo(a.Tip) : a.Arrival.CompareTo(b.Arrival)));
        foreach (var txs in bySender)
        {
            if (txs.Count == 0) continue;
            var queue = new Queue<PooledTransaction>(txs);
            Push(queue.Dequeue());
            _rest[txs[0].Sender] = queue;
        }
    }

    /// <summary>The best transaction left, or null when none is.</summary>
    public PooledTransaction? Peek() => _heads.TryPeek(out var tx, out _) ? tx : null;

    /// <summary>The peeked transaction was taken: its sender's next nonce competes now.</summary>
    public void Shift()
    {
        var tx = _heads.Dequeue();
        if (_rest.TryGetValue(tx.Sender, out var queue) && queue.Count > 0) Push(queue.Dequeue());
    }

    /// <summary>The peeked transaction cannot go in this block: neither can its sender's later nonces.</summary>
    public void Pop()
    {
        var tx = _heads.Dequeue();
        _rest.Remove(tx.Sender);
    }

    private void Push(PooledTransaction tx) => _heads.Enqueue(tx, (tx.EffectiveTip(_baseFee), tx.Arrival));
}
