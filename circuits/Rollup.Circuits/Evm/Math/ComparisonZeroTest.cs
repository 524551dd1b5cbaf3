using Rollup.Crypto.Bn254.Fields;
using Rollup.Plonk.Circuit;

namespace Rollup.Circuits.Evm.Math;

/// <summary>Whether an expression is zero, with its inverse pinned so no cell is left free:
/// <c>z = 1 − v·inv</c>, <c>v·z = 0</c>, <c>inv·z = 0</c>. If v ≠ 0 the second forces z = 0, so v·inv = 1 and inv is
/// v's inverse; if v = 0 the first gives z = 1 and the third forces inv = 0. Either way z is a bit equal to [v = 0].</summary>
public sealed class ComparisonZeroTest
{
    public CellRef IsZero { get; }
    public CellRef Inverse { get; }

    public ComparisonZeroTest(GadgetBuilder b, string name, Expression value)
    {
        IsZero = b.Cell($"{name} is zero");
        Inverse = b.Cell($"inverse of {name}");
        b.Require($"{name}: is zero = 1 - value·inverse", IsZero - (1 - value * Inverse));
        b.Require($"{name}: value·is zero = 0", value * IsZero);
        b.Require($"{name}: the inverse is zero when the value is", Inverse.Expr * IsZero);
    }

    public void Assign(StepContext step, Fr value)
    {
        bool zero = value.Equals(Fr.Zero);
        step.Set(IsZero, zero ? 1UL : 0UL);
        step.Set(Inverse, zero ? Fr.Zero : value.Inverse());
    }
}
