using Rollup.Plonk.Circuit;

namespace Rollup.Circuits.Evm.Math;

/// <summary>The top bit of a byte: v = 128·s + u with s a bit and u ≤ 127, the bound shown by u and 127 − u both being
/// byte cells (were u ≥ 128, 127 − u would be a field element near p, not a byte). The caller must know v is a byte
/// (or zero); then s and u are unique.</summary>
public sealed class SignBit
{
    public CellRef Bit { get; }
    private readonly CellRef _low, _lowComplement;

    private SignBit(CellRef bit, CellRef low, CellRef lowComplement) { Bit = bit; _low = low; _lowComplement = lowComplement; }

    public static SignBit Configure(GadgetBuilder b, string name, Expression value)
    {
        var bit = b.Cell($"{name}: top bit");
        var low = b.ByteCell($"{name}: low 7 bits");
        var complement = b.ByteCell($"{name}: 127 − low 7 bits");
        b.Require($"{name}: top bit is a bit", bit * (1 - (Expression)bit));
        b.Require($"{name} = 128·top bit + low bits", value - (bit.Expr * 128 + low));
        b.Require($"{name}: low bits ≤ 127", complement - (127 - (Expression)low));
        return new SignBit(bit, low, complement);
    }

    public void Assign(StepContext step, byte value)
    {
        step.Set(Bit, (ulong)(value >> 7));
        step.Set(_low, (ulong)(value & 0x7f));
        step.Set(_lowComplement, (ulong)(127 - (value & 0x7f)));
    }
}
