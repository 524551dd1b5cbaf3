using Rollup.Core.Numerics;
using Rollup.Core.Types;
using Rollup.Circuits.Witness;
using Rollup.Crypto.Bn254.Fields;
using Rollup.Plonk.Circuit;

namespace Rollup.Circuits.Tables;

/// <summary>What a row of the transaction table says about its transaction.</summary>
public enum TxField
{
    /// <summary>On tx id 0 only: how many transactions the batch has (so the last EndTx knows it is the last).</summary>
    BatchSize = 1,
    Nonce = 2,
    GasLimit = 3,
    /// <summary>The price per gas the sender pays: min(max fee, base fee + max priority fee) for EIP-1559 transactions.</summary>
    EffectiveGasPrice = 4,
    MaxFeePerGas = 5,
    MaxPriorityFeePerGas = 6,
    CallerAddress = 7,
    CalleeAddress = 8,
    IsCreate = 9,
    Value = 10,
    CallDataLength = 11,
    /// <summary>4 gas per zero byte and 16 per other byte of the calldata (the calldata's share of intrinsic gas).</summary>
    CallDataGasCost = 12,
    /// <summary>Index i: the i-th calldata byte, in value_lo.</summary>
    CallData = 13,
    ChainId = 14,
    /// <summary>The number of the block the transaction is in (the key into the block table).</summary>
    BlockNumber = 15,
}

/// <summary>A transaction of the batch as the circuits see it. Fee values are below 2^64 (the witness builder refuses
/// others), so products with gas amounts fit in one 128-bit limb.</summary>
public sealed record TxRecord(
    int Id, ulong Nonce, ulong GasLimit, UInt256 EffectiveGasPrice, UInt256 MaxFeePerGas, UInt256 MaxPriorityFeePerGas,
    Address Caller, Address? Callee, UInt256 Value, byte[] CallData, ulong ChainId, ulong BlockNumber)
{
    /// <summary>How many transactions the batch has (set by the witness builder).</summary>
    public int BatchSize { get; init; }

    public ulong CallDataGasCost => (ulong)CallData.Sum(b => b == 0 ? 4L : 16L);
}

/// <summary>The batch's transactions: rows (tx_id, field, index, value_lo, value_hi), one per field of each transaction
/// (index 0), plus one per calldata byte (field CallData, index i). Row 0 is all zeros, so a lookup lane left idle
/// matches it. Wave 1 binds this table to the L1 data only as a public input (docs/circuits.md); the gadgets check
/// the execution against it.</summary>
public sealed class TxTable
{
    public Column TxId { get; }
    public Column Field { get; }
    public Column Index { get; }
    public Column ValueLo { get; }
    public Column ValueHi { get; }

    public TxTable(ConstraintSystem cs)
    {
        TxId = cs.Advice("tx_id");
        Field = cs.Advice("tx_field");
        Index = cs.Advice("tx_index");
        ValueLo = cs.Advice("tx_value_lo");
        ValueHi = cs.Advice("tx_value_hi");
    }

    public Expression[] Columns => [TxId.Cur, Field.Cur, Index.Cur, ValueLo.Cur, ValueHi.Cur];

    /// <summary>The rows the transactions fill (without the zero row).</summary>
    public static IEnumerable<(int TxId, TxField Field, int Index, Fr Lo, Fr Hi)> Rows(IReadOnlyList<TxRecord> txs)
    {
        yield return (0, TxField.BatchSize, 0, Fr.FromUInt64((ulong)txs.Count), Fr.Zero);
        foreach (var tx in txs)
        {
            (int, TxField, int, Fr, Fr) Small(TxField f, ulong v) => (tx.Id, f, 0, Fr.FromUInt64(v), Fr.Zero);
            (int, TxField, int, Fr, Fr) Word(TxField f, in UInt256 v) => (tx.Id, f, 0, Words.Lo(v), Words.Hi(v));
            yield return Small(TxField.Nonce, tx.Nonce);
            yield return Small(TxField.GasLimit, tx.GasLimit);
            yield return Word(TxField.EffectiveGasPrice, tx.EffectiveGasPrice);
            yield return Word(TxField.MaxFeePerGas, tx.MaxFeePerGas);
            yield return Word(TxField.MaxPriorityFeePerGas, tx.MaxPriorityFeePerGas);
            yield return (tx.Id, TxField.CallerAddress, 0, Words.Of(tx.Caller), Fr.Zero);
            yield return (tx.Id, TxField.CalleeAddress, 0, tx.Callee is { } to ? Words.Of(to) : Fr.Zero, Fr.Zero);
            yield return Small(TxField.IsCreate, tx.Callee is null ? 1UL : 0UL);
            yield return Word(TxField.Value, tx.Value);
            yield return Small(TxField.CallDataLength, (ulong)tx.CallData.Length);
            yield return Small(TxField.CallDataGasCost, tx.CallDataGasCost);
            yield return Small(TxField.ChainId, tx.ChainId);
            yield return Small(TxField.BlockNumber, tx.BlockNumber);
            for (int i = 0; i < tx.CallData.Length; i++) yield return (tx.Id, TxField.CallData, i, Fr.FromUInt64(tx.CallData[i]), Fr.Zero);
        }
    }

    /// <summary>The value a row of <paramref name="tx"/> holds for <paramref name="field"/> (and calldata index).</summary>
    public static (Fr Lo, Fr Hi) ValueOf(TxRecord tx, TxField field, int index = 0) => field switch
    {
        TxField.Nonce => (Fr.FromUInt64(tx.Nonce), Fr.Zero),
        TxField.GasLimit => (Fr.FromUInt64(tx.GasLimit), Fr.Zero),
        TxField.EffectiveGasPrice => (Words.Lo(tx.EffectiveGasPrice), Words.Hi(tx.EffectiveGasPrice)),
        TxField.MaxFeePerGas => (Words.Lo(tx.MaxFeePerGas), Words.Hi(tx.MaxFeePerGas)),
        TxField.MaxPriorityFeePerGas => (Words.Lo(tx.MaxPriorityFeePerGas), Words.Hi(tx.MaxPriorityFeePerGas)),
        TxField.CallerAddress => (Words.Of(tx.Caller), Fr.Zero),
        TxField.CalleeAddress => (tx.Callee is { } to ? Words.Of(to) : Fr.Zero, Fr.Zero),
        TxField.IsCreate => (tx.Callee is null ? Fr.One : Fr.Zero, Fr.Zero),
        TxField.Value => (Words.Lo(tx.Value), Words.Hi(tx.Value)),
        TxField.CallDataLength => (Fr.FromUInt64((ulong)tx.CallData.Length), Fr.Zero),
        TxField.CallDataGasCost => (Fr.FromUInt64(tx.CallDataGasCost), Fr.Zero),
        TxField.CallData => (Fr.FromUInt64(index < tx.CallData.Length ? tx.CallData[index] : (byte)0), Fr.Zero),
        TxField.ChainId => (Fr.FromUInt64(tx.ChainId), Fr.Zero),
        TxField.BlockNumber => (Fr.FromUInt64(tx.BlockNumber), Fr.Zero),
        _ => throw new ArgumentOutOfRangeException(nameof(field)),
    };

    public static int RowCount(IReadOnlyList<TxRecord> txs) => 1 + 1 + txs.Sum(t => 13 + t.CallData.Length);

    public void Assign(Assignment a, IReadOnlyList<TxRecord> txs)
    {
        int row = 1;
        foreach (var (id, field, index, lo, hi) in Rows(txs))
        {
            a.Assign(TxId, row, (ulong)id);
            a.Assign(Field, row, (ulong)field);
            a.Assign(Index, row, (ulong)index);
            a[ValueLo, row] = lo;
            a[ValueHi, row] = hi;
            row++;
        }
    }
}
