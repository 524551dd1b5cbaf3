using Rollup.Circuits.Witness;
using Rollup.Core.Numerics;
using Rollup.Crypto.Bn254.Fields;
using Rollup.Plonk.Circuit;

namespace Rollup.Circuits.Evm.Math;

/// <summary>is_zero = 1 exactly when a word is zero, from the sum of its 128-bit limbs (both below 2^128, so the sum is
/// below the field modulus and zero only if both limbs are). The usual inverse trick: is_zero = 1 − v·inv and
/// v·is_zero = 0; inv·is_zero = 0 pins the inverse when v = 0, so no cell is left free.</summary>
public sealed class IsZeroWord
{
    public CellRef IsZero { get; }
    private readonly CellRef _inverse;

    private IsZeroWord(CellRef isZero, CellRef inverse) { IsZero = isZero; _inverse = inverse; }

    public static IsZeroWord Configure(GadgetBuilder b, string name, Expression lo, Expression hi)
    {
        var isZero = b.Cell($"{name} is zero");
        var inverse = b.Cell($"{name}: inverse of its limb sum");
        var v = lo + hi;
        b.Require($"{name} is zero = 1 − v·inverse", isZero - (1 - v * inverse));
        b.Require($"{name}: v·is zero = 0", v * isZero);
        b.Require($"{name}: inverse is zero when v is", inverse.Expr * isZero);
        return new IsZeroWord(isZero, inverse);
    }

    public void Assign(StepContext step, in UInt256 word)
    {
        var v = Words.Lo(word) + Words.Hi(word);
        step.Set(IsZero, v.IsZero ? 1UL : 0UL);
        step.Set(_inverse, v.IsZero ? Fr.Zero : v.Inverse());
    }
}
