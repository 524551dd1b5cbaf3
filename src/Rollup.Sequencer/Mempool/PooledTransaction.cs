using Rollup.Core.Numerics;
using Rollup.Core.Transactions;
using Rollup.Core.Types;

namespace Rollup.Sequencer.Mempool;

/// <summary>A transaction the pool accepted, with what validation worked out once: the sender, the raw bytes (for
/// the journal and the batch data) and an arrival number that breaks fee ties first-come first-served.</summary>
public sealed class PooledTransaction(Transaction tx, Address sender, byte[] raw, long arrival)
{
    public Transaction Tx { get; } = tx;
    public Address Sender { get; } = sender;
    public byte[] Raw { get; } = raw;
    public long Arrival { get; } = arrival;
    public Hash256 Hash => Tx.Hash;
    public ulong Nonce => Tx.Nonce;

    /// <summary>What the sender must hold for it: gas limit × fee cap + value.</summary>
    public UInt256 Cost => new UInt256(Tx.GasLimit) * Tx.MaxFeePerGas + Tx.Value;

    /// <summary>The tip per gas the block producer earns at this base fee (negative tips count as zero; such a
    /// transaction is not includable anyway).</summary>
    public UInt256 EffectiveTip(in UInt256 baseFee)
    {
        if (Tx.MaxFeePerGas < baseFee) return UInt256.Zero;
        var room = Tx.MaxFeePerGas - baseFee;
        return Tx.MaxPriorityFeePerGas < room ? Tx.MaxPriorityFeePerGas : room;
    }
}
