using Rollup.Plonk.Circuit;

namespace Rollup.Circuits.Evm.Math;

/// <summary>The sign bit of a word from its top byte t (a range-checked byte): <c>t = 128·s + r</c> with s a bit and
/// r and r + 128 both bytes, so r ∈ [0, 128) and s is t's top bit — the word's bit 255.</summary>
public sealed class ComparisonSign
{
    public CellRef Sign { get; }
    private readonly CellRef _rest, _restPlus128;

    public ComparisonSign(GadgetBuilder b, string name, Expression topByte)
    {
        Sign = b.Cell($"{name} sign bit");
        _rest = b.ByteCell($"{name} top byte without its sign bit");
        _restPlus128 = b.ByteCell($"{name} top byte rest + 128");
        b.Require($"{name}: sign is a bit", Sign * (1 - (Expression)Sign));
        b.Require($"{name}: top byte = 128·sign + rest", topByte - (Sign.Expr * 128 + _rest));
        b.Require($"{name}: rest < 128", _restPlus128 - (_rest.Expr + 128));
    }

    public void Assign(StepContext step, byte topByte)
    {
        step.Set(Sign, (ulong)(topByte >> 7));
        step.Set(_rest, (ulong)(topByte & 0x7f));
        step.Set(_restPlus128, (ulong)(topByte & 0x7f) + 128);
    }
}
