using Rollup.Core.Numerics;
using Rollup.Core.Types;
using Rollup.Circuits.Witness;
using Rollup.Crypto.Bn254.Fields;
using Rollup.Plonk.Circuit;

namespace Rollup.Circuits.Tables;

public enum BlockField { Coinbase = 1, Timestamp = 2, Number = 3, GasLimit = 4, BaseFee = 5, ChainId = 6 }

/// <summary>A block header's fields the EVM reads.</summary>
public sealed record BlockRecord(ulong Number, Address Coinbase, ulong Timestamp, ulong GasLimit, UInt256 BaseFee, ulong ChainId);

/// <summary>The batch's block headers: rows (field, block number, value_lo, value_hi). A transaction finds its block
/// through its BlockNumber row in the transaction table. Row 0 is all zeros, for idle lookup lanes. The headers are
/// public inputs of the batch (docs/circuits.md).</summary>
public sealed class BlockTable
{
    public Column Field { get; }
    public Column Number { get; }
    public Column ValueLo { get; }
    public Column ValueHi { get; }

    public BlockTable(ConstraintSystem cs)
    {
        Field = cs.Advice("block_field");
        Number = cs.Advice("block_number");
        ValueLo = cs.Advice("block_value_lo");
        ValueHi = cs.Advice("block_value_hi");
    }

    public Expression[] Columns => [Field.Cur, Number.Cur, ValueLo.Cur, ValueHi.Cur];

    public static IEnumerable<(BlockField Field, ulong Number, Fr Lo, Fr Hi)> Rows(IReadOnlyList<BlockRecord> blocks)
    {
        foreach (var b in blocks)
        {
            yield return (BlockField.Coinbase, b.Number, Words.Of(b.Coinbase), Fr.Zero);
            yield return (BlockField.Timestamp, b.Number, Fr.FromUInt64(b.Timestamp), Fr.Zero);
            yield return (BlockField.Number, b.Number, Fr.FromUInt64(b.Number), Fr.Zero);
            yield return (BlockField.GasLimit, b.Number, Fr.FromUInt64(b.GasLimit), Fr.Zero);
            yield return (BlockField.BaseFee, b.Number, Words.Lo(b.BaseFee), Words.Hi(b.BaseFee));
            yield return (BlockField.ChainId, b.Number, Fr.FromUInt64(b.ChainId), Fr.Zero);
        }
    }

    public static (Fr Lo, Fr Hi) ValueOf(BlockRecord b, BlockField field) => field switch
    {
        BlockField.Coinbase => (Words.Of(b.Coinbase), Fr.Zero),
        BlockField.Timestamp => (Fr.FromUInt64(b.Timestamp), Fr.Zero),
        BlockField.Number => (Fr.FromUInt64(b.Number), Fr.Zero),
        BlockField.GasLimit => (Fr.FromUInt64(b.GasLimit), Fr.Zero),
        BlockField.BaseFee => (Words.Lo(b.BaseFee), Words.Hi(b.BaseFee)),
        BlockField.ChainId => (Fr.FromUInt64(b.ChainId), Fr.Zero),
        _ => throw new ArgumentOutOfRangeException(nameof(field)),
    };

    public static int RowCount(IReadOnlyList<BlockRecord> blocks) => 1 + 6 * blocks.Count;

    public void Assign(Assignment a, IReadOnlyList<BlockRecord> blocks)
    {
        int row = 1;
        foreach (var (field, number, lo, hi) in Rows(blocks))
        {
            a.Assign(Field, row, (ulong)field);
            a.Assign(Number, row, number);
            a[ValueLo, row] = lo;
            a[ValueHi, row] = hi;
            row++;
        }
    }
}
