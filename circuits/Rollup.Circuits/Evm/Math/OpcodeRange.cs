using Rollup.Plonk.Circuit;

namespace Rollup.Circuits.Evm;

/// <summary>Proves first ≤ opcode ≤ last for a family of consecutive opcodes (DUP1–DUP16, SWAP1–SWAP16): both
/// opcode − first and last − opcode are byte cells; a value outside the range makes one of them wrap around the field,
/// far beyond a byte. <see cref="Index"/> is opcode − first.</summary>
public sealed class OpcodeRange
{
    private readonly CellRef _above, _below;
    private readonly byte _first, _last;

    public Expression Index { get; }

    private OpcodeRange(CellRef above, CellRef below, byte first, byte last, Expression index) =>
        (_above, _below, _first, _last, Index) = (above, below, first, last, index);

    public static OpcodeRange Declare(GadgetBuilder b, byte first, byte last)
    {
        var opcode = b.Cur(StepField.Opcode);
        var range = new OpcodeRange(b.ByteCell($"opcode - 0x{first:x2}"), b.ByteCell($"0x{last:x2} - opcode"), first, last, opcode - first);
        b.Require($"opcode - 0x{first:x2}", range._above - (opcode - first));
        b.Require($"0x{last:x2} - opcode", range._below - (last - opcode));
        return range;
    }

    public void Assign(StepContext step)
    {
        byte opcode = step.Step!.Opcode;
        step.Set(_above, (ulong)(opcode - _first));
        step.Set(_below, (ulong)(_last - opcode));
    }
}
