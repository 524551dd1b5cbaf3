using Rollup.Plonk.Circuit;

namespace Rollup.Circuits.Evm;

/// <summary>A value proven to lie in [0, 1024): value = low + 256·(bit8 + 2·bit9) with low a byte cell and two bit
/// cells. Any field element outside that range has no such decomposition, so a "negative" value (one that wrapped
/// around the field) is refused. Stack bounds use it: a stack holds at most 1024 items.</summary>
public sealed class SmallRange
{
    public const int Limit = 1024;

    private readonly CellRef _low, _bit8, _bit9;

    private SmallRange(CellRef low, CellRef bit8, CellRef bit9) => (_low, _bit8, _bit9) = (low, bit8, bit9);

    /// <summary>Declares the cells and constraints proving 0 ≤ <paramref name="value"/> &lt; 1024.</summary>
    public static SmallRange Declare(GadgetBuilder b, string name, Expression value)
    {
        var range = new SmallRange(b.ByteCell($"{name}: low byte"), b.Cell($"{name}: bit 8"), b.Cell($"{name}: bit 9"));
        b.Require($"{name}: bit 8 is a bit", range._bit8 * (1 - (Expression)range._bit8));
        b.Require($"{name}: bit 9 is a bit", range._bit9 * (1 - (Expression)range._bit9));
        b.Require($"{name} is in [0, 1024)", value - (range._low + (range._bit8 + (Expression)range._bit9 * 2) * 256));
        return range;
    }

    public void Assign(StepContext step, long value)
    {
        if (value is < 0 or >= Limit) throw new InvalidOperationException($"{_low.Name}: {value} is outside [0, 1024)");
        step.Set(_low, (ulong)(value & 0xff));
        step.Set(_bit8, (ulong)((value >> 8) & 1));
        step.Set(_bit9, (ulong)((value >> 9) & 1));
    }
}
