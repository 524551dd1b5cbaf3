using Rollup.Core.Numerics;
using Rollup.Plonk.Circuit;

namespace Rollup.Circuits.Evm.Math;

/// <summary>Whether two words are equal (or, with one side zero, whether a word is zero): a zero test per limb of the
/// field differences, and their product as a cell. Testing limbs separately needs no assumption on their range.</summary>
public sealed class WordEquality
{
    private readonly ComparisonZeroTest _lo, _hi;

    /// <summary>1 when the words are equal, 0 otherwise.</summary>
    public CellRef Equal { get; }

    public WordEquality(GadgetBuilder b, string name, Limbs x, Limbs y)
    {
        _lo = new ComparisonZeroTest(b, $"{name} (low limbs)", x.Lo - y.Lo);
        _hi = new ComparisonZeroTest(b, $"{name} (high limbs)", x.Hi - y.Hi);
        Equal = b.Cell(name);
        b.Require($"{name} = both limbs equal", Equal - _lo.IsZero.Expr * _hi.IsZero);
    }

    public static WordEquality IsZero(GadgetBuilder b, string name, Limbs x) => new(b, name, x, Limbs.Small(Expression.Constant(0)));

    public void Assign(StepContext step, in UInt256 x, in UInt256 y)
    {
        var lo = Witness.Words.Lo(x) - Witness.Words.Lo(y);
        var hi = Witness.Words.Hi(x) - Witness.Words.Hi(y);
        _lo.Assign(step, lo);
        _hi.Assign(step, hi);
        step.Set(Equal, x == y ? 1UL : 0UL);
    }

    public void AssignIsZero(StepContext step, in UInt256 x) => Assign(step, x, UInt256.Zero);
}
