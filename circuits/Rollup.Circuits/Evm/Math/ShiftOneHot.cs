using Rollup.Plonk.Circuit;

namespace Rollup.Circuits.Evm.Math;

/// <summary>An index in 0 .. Size−1 as one-hot bits: every selector is a bit and exactly one is set, so
/// <see cref="Index"/> = Σ k·sel_k is that one's k, and Σ sel_k·f(k) picks f at the index with degree-2 terms.</summary>
public sealed class ShiftOneHot
{
    public CellRef[] Selectors { get; }

    public ShiftOneHot(GadgetBuilder b, string name, int size)
    {
        Selectors = Enumerable.Range(0, size).Select(k => b.Cell($"{name} = {k}")).ToArray();
        Expression sum = Expression.Constant(0);
        foreach (var s in Selectors)
        {
            b.Require($"{s.Name}: a bit", s * (1 - (Expression)s));
            sum += s;
        }
        b.Require($"{name}: exactly one selector", sum - 1);
    }

    public Expression Index
    {
        get
        {
            Expression acc = Expression.Constant(0);
            for (int k = 1; k < Selectors.Length; k++) acc += Selectors[k].Expr * k;
            return acc;
        }
    }

    public void Assign(StepContext step, int index)
    {
        for (int k = 0; k < Selectors.Length; k++) step.Set(Selectors[k], k == index ? 1UL : 0UL);
    }
}
