using Rollup.Crypto.Bn254.Fields;
using Rollup.Plonk.Circuit;

namespace Rollup.Circuits.Evm;

/// <summary>Whether a word (lo, hi) is zero, with an is-zero gadget per limb: z = 1 − x·inv, x·z = 0 (so z is 1 exactly
/// when x is 0) and inv·z = 0 (so the inverse cell has no freedom when x is 0); then nonzero = 1 − z_lo·z_hi.</summary>
public sealed class IsZero
{
    private readonly CellRef _inverseLo, _inverseHi, _zeroLo, _zeroHi, _nonZero;

    /// <summary>1 when the word is not zero, 0 when it is (a cell).</summary>
    public CellRef NonZero => _nonZero;

    private IsZero(CellRef inverseLo, CellRef inverseHi, CellRef zeroLo, CellRef zeroHi, CellRef nonZero) =>
        (_inverseLo, _inverseHi, _zeroLo, _zeroHi, _nonZero) = (inverseLo, inverseHi, zeroLo, zeroHi, nonZero);

    public static IsZero Declare(GadgetBuilder b, string name, Expression lo, Expression hi)
    {
        var z = new IsZero(b.Cell($"inverse of the {name}'s low limb"), b.Cell($"inverse of the {name}'s high limb"),
            b.Cell($"the {name}'s low limb is zero"), b.Cell($"the {name}'s high limb is zero"), b.Cell($"the {name} is not zero"));
        Limb(b, $"{name} low limb", lo, z._inverseLo, z._zeroLo);
        Limb(b, $"{name} high limb", hi, z._inverseHi, z._zeroHi);
        b.Require($"{name} is not zero = 1 - (both limbs zero)", z._nonZero - (1 - z._zeroLo * (Expression)z._zeroHi));
        return z;
    }

    private static void Limb(GadgetBuilder b, string name, Expression x, CellRef inverse, CellRef zero)
    {
        b.Require($"{name}: zero = 1 - x·inverse", zero - (1 - x * inverse));
        b.Require($"{name}: x·zero = 0", x * zero);
        b.Require($"{name}: the inverse is zero when x is (no free cell)", inverse * (Expression)zero);
    }

    public void Assign(StepContext step, Rollup.Core.Numerics.UInt256 word)
    {
        var lo = Witness.Words.Lo(word);
        var hi = Witness.Words.Hi(word);
        step.Set(_inverseLo, lo.IsZero ? Fr.Zero : lo.Inverse());
        step.Set(_inverseHi, hi.IsZero ? Fr.Zero : hi.Inverse());
        step.Set(_zeroLo, lo.IsZero ? 1UL : 0UL);
        step.Set(_zeroHi, hi.IsZero ? 1UL : 0UL);
        step.Set(_nonZero, word.IsZero ? 0UL : 1UL);
    }
}
