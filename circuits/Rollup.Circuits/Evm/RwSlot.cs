using Rollup.Evm.Tracing.Zk;
using Rollup.Plonk.Circuit;

namespace Rollup.Circuits.Evm;

/// <summary>A gadget's view of one read/write slot: the j-th access of its step, on row j of the slot columns.</summary>
public sealed class RwSlot(RwSlotColumns columns, int index)
{
    public int Index { get; } = index;
    public Expression Enabled => columns.Enabled.At(Index);
    public Expression Counter => columns.Counter.At(Index);
    public Expression IsWrite => columns.IsWrite.At(Index);
    public Expression Tag => columns.Tag.At(Index);
    public Expression Id => columns.Id.At(Index);
    public Expression Address => columns.Address.At(Index);
    public Expression KeyLo => columns.KeyLo.At(Index);
    public Expression KeyHi => columns.KeyHi.At(Index);
    public Expression ValueLo => columns.ValueLo.At(Index);
    public Expression ValueHi => columns.ValueHi.At(Index);
    public Expression PrevLo => columns.PrevLo.At(Index);
    public Expression PrevHi => columns.PrevHi.At(Index);
    public Expression CommittedLo => columns.CommittedLo.At(Index);
    public Expression CommittedHi => columns.CommittedHi.At(Index);
    public Expression TxId => columns.TxId.At(Index);

    /// <summary>Every field of the slot, for mutation tests.</summary>
    public IEnumerable<(Column Column, int Rotation)> Cells =>
        columns.Fields.Prepend(columns.Enabled).Select(c => (c, Index));

    public static long TagValue(RwTag tag) => (long)tag;
}
