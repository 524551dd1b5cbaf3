using Rollup.Core.Rlp;
using Rollup.Core.Types;

namespace Rollup.Sequencer.Batches;

/// <summary>One batch: a run of consecutive L2 blocks posted to L1 together and proven as one state transition from
/// <see cref="PrevStateRoot"/> to <see cref="StateRoot"/>. Batches are numbered from 1 (genesis is no batch's).</summary>
public sealed record BatchRecord
{
    public ulong Number { get; init; }
    public ulong FirstBlock { get; init; }
    public ulong LastBlock { get; init; }
    public int TransactionCount { get; init; }
    public ulong GasUsed { get; init; }
    /// <summary>Keccak-256 of the batch data (see <see cref="BatchData"/>): a public input of the batch proof.</summary>
    public Hash256 DataHash { get; init; }
    public int DataSize { get; init; }
    public Hash256 PrevStateRoot { get; init; }
    public Hash256 StateRoot { get; init; }
    /// <summary>Unix seconds.</summary>
    public ulong SealedAt { get; init; }
    public BatchStatus Status { get; init; }
    /// <summary>Whether a proof for it exists (independent of L1 having verified it).</summary>
    public bool Proven { get; init; }
    public Hash256? CommitTxHash { get; init; }
    public Hash256? FinalizeTxHash { get; init; }
    /// <summary>Why the prover refused this batch (an execution state with no gadget, a batch too big for the circuit);
    /// null while it is provable. A refused batch is not retried: finalization stops before it (docs/node.md).</summary>
    public string? ProofError { get; init; }

    public byte[] Encode()
    {
        using var w = new RlpWriter(256);
        int list = w.StartList();
        w.WriteUInt64(Number); w.WriteUInt64(FirstBlock); w.WriteUInt64(LastBlock); w.WriteUInt64((ulong)TransactionCount);
        w.WriteUInt64(GasUsed); w.WriteBytes(DataHash.Bytes); w.WriteUInt64((ulong)DataSize);
        w.WriteBytes(PrevStateRoot.Bytes); w.WriteBytes(StateRoot.Bytes); w.WriteUInt64(SealedAt);
        w.WriteUInt64((ulong)Status); w.WriteUInt64(Proven ? 1UL : 0UL);
        w.WriteBytes(CommitTxHash is { } c ? c.Bytes : []);
        w.WriteBytes(FinalizeTxHash is { } f ? f.Bytes : []);
        if (ProofError is not null) w.WriteBytes(System.Text.Encoding.UTF8.GetBytes(ProofError));
        w.EndList(list);
        return w.ToArray();
    }

    public static BatchRecord Decode(ReadOnlySpan<byte> encoded)
    {
        var reader = new RlpReader(encoded);
        var f = reader.ReadList();
        return new BatchRecord
        {
            Number = f.ReadUInt64(), FirstBlock = f.ReadUInt64(), LastBlock = f.ReadUInt64(), TransactionCount = (int)f.ReadUInt64(),
            GasUsed = f.ReadUInt64(), DataHash = new Hash256(f.ReadBytes(32)), DataSize = (int)f.ReadUInt64(),
            PrevStateRoot = new Hash256(f.ReadBytes(32)), StateRoot = new Hash256(f.ReadBytes(32)), SealedAt = f.ReadUInt64(),
            Status = (BatchStatus)f.ReadUInt64(), Proven = f.ReadUInt64() == 1,
            CommitTxHash = OptionalHash(f.ReadBytes()), FinalizeTxHash = OptionalHash(f.ReadBytes()),
            // Records written before proof errors existed end here.
            ProofError = f.AtEnd ? null : System.Text.Encoding.UTF8.GetString(f.ReadBytes()),
        };
    }

    private static Hash256? OptionalHash(ReadOnlySpan<byte> bytes) => bytes.Length == 0 ? null : new Hash256(bytes);
}
