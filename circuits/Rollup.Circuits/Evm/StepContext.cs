using Rollup.Core.Numerics;
using Rollup.Crypto.Bn254.Fields;
using Rollup.Evm.Tracing.Zk;
using Rollup.Plonk.Circuit;

namespace Rollup.Circuits.Evm;

/// <summary>What a gadget's <see cref="IGadget.Assign"/> sees: the step it assigns (its trace step and read/write
/// entries) and setters for its cells.</summary>
public sealed class StepContext(Assignment assignment, int row, ZkStep? step, IReadOnlyList<RwEntry> rw)
{
    public int Row { get; } = row;
    /// <summary>The traced step (null for steps that do not execute an instruction, like padding).</summary>
    public ZkStep? Step { get; } = step;
    /// <summary>The step's read/write entries, in slot order.</summary>
    public IReadOnlyList<RwEntry> Rw { get; } = rw;
    /// <summary>The transaction the step belongs to and its block (for steps that read the tx and block tables).</summary>
    public Tables.TxRecord? Tx { get; init; }
    public Tables.BlockRecord? Block { get; init; }
    /// <summary>The step's extra witness data (<see cref="EvmStep.Extra"/>).</summary>
    public object? Extra { get; init; }

    /// <summary>A cell assigned before the gadget's: the step state, or a table filled before the EVM circuit (the
    /// bytecode table), for witnesses that depend on a table's contents.</summary>
    public Fr Read(Column column, int row) => assignment[column, row];

    public int Rows => assignment.Rows;

    public void Set(CellRef cell, Fr value) => assignment[cell.Column, Row + cell.Rotation] = value;
    public void Set(CellRef cell, ulong value) => Set(cell, Fr.FromUInt64(value));

    /// <summary>Fills a lookup lane: its tag and the row (x, y, z) it looks up.</summary>
    public void Set(LaneCells lane, Fr x, Fr y, Fr z)
    {
        Set(lane.Tag, (ulong)lane.TagValue);
        Set(lane.X, x);
        Set(lane.Y, y);
        Set(lane.Z, z);
    }

    public void Set(WordBytes word, in UInt256 value)
    {
        var bytes = value.ToBigEndian();
        for (int i = 0; i < 32; i++) Set(word.Bytes[i], bytes[31 - i]);
    }
}
