using Rollup.Core.Numerics;
using Rollup.Crypto.Bn254.Fields;
using Rollup.Plonk.Circuit;

namespace Rollup.Circuits.Evm.Math;

/// <summary>A shift amount or byte index (a stack word, as limbs) split into its low byte and whether the word is below
/// 256. The low limb is 16 range-checked bytes (so the low byte is pinned); the word is small iff its high limb is zero
/// and its low limb's bytes 1..15 are zero. Those bytes are non-negative and few, so their sum is zero only if each is;
/// the high limb gets its own zero test, so no assumption on its range is needed.</summary>
public sealed class ShiftAmount
{
    private readonly CellRef[] _lowBytes;
    private readonly ComparisonZeroTest _highZero, _middleZero;

    /// <summary>The word's least significant byte.</summary>
    public CellRef LowByte => _lowBytes[0];
    /// <summary>1 iff the word is below 256 (then it equals <see cref="LowByte"/>).</summary>
    public CellRef IsSmall { get; }

    public ShiftAmount(GadgetBuilder b, string name, Expression lo, Expression hi)
    {
        _lowBytes = Enumerable.Range(0, 16).Select(i => b.ByteCell($"{name} byte {i}")).ToArray();
        Expression limb = _lowBytes[15];
        for (int i = 14; i >= 0; i--) limb = limb * 256 + _lowBytes[i];
        b.Require($"{name}: low limb is its bytes", lo - limb);
        Expression middle = _lowBytes[1];
        for (int i = 2; i < 16; i++) middle += _lowBytes[i];
        _highZero = new ComparisonZeroTest(b, $"{name} high limb", hi);
        _middleZero = new ComparisonZeroTest(b, $"{name} bytes 1..15", middle);
        IsSmall = b.Cell($"{name} < 256");
        b.Require($"{name}: below 256 iff both parts are zero", IsSmall - _highZero.IsZero.Expr * _middleZero.IsZero);
    }

    public void Assign(StepContext step, in UInt256 word)
    {
        var bytes = word.ToBigEndian();
        ulong middle = 0;
        for (int i = 0; i < 16; i++)
        {
            step.Set(_lowBytes[i], bytes[31 - i]);
            if (i > 0) middle += bytes[31 - i];
        }
        _highZero.Assign(step, Witness.Words.Hi(word));
        _middleZero.Assign(step, Fr.FromUInt64(middle));
        step.Set(IsSmall, word < new UInt256(256) ? 1UL : 0UL);
    }
}
