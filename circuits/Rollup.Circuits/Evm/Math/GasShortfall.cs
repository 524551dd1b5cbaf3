using System.Numerics;
using Rollup.Plonk.Circuit;

namespace Rollup.Circuits.Evm.Math;

/// <summary>Proves that a step's cost exceeds its gas left: cost − gas − 1 is held in n range-checked byte cells. The gas
/// left is a u64 (the step's gas bytes) and the gadgets' costs stay far below the field's size, so a false claim
/// (cost ≤ gas) makes the difference negative, a field element near p that no n bytes make. With a condition, the
/// difference is multiplied by it (0 when the condition is off: the cells are then all zero).</summary>
public sealed class GasShortfall
{
    private readonly CellRef[] _bytes;

    private GasShortfall(CellRef[] bytes) => _bytes = bytes;

    /// <param name="cost">The step's cost (degree ≤ 1, or ≤ 2 without <paramref name="when"/>).</param>
    /// <param name="bytes">Enough for any honest cost − gas − 1: the cost's bound.</param>
    public static GasShortfall Require(GadgetBuilder b, Expression cost, int bytes, Expression? when = null)
    {
        var cells = ByteCells.Allocate(b, "cost - gas left - 1", bytes);
        var shortfall = cost - b.Cur(StepField.Gas) - 1;
        b.Require("the cost exceeds the gas left", ByteCells.Compose(cells) - (when is null ? shortfall : when * shortfall));
        return new GasShortfall(cells);
    }

    /// <summary>Fills the cells from the traced gas left and the cost the gadget's constraints compute (0 when off).</summary>
    public void Assign(StepContext step, BigInteger cost, bool on = true) =>
        ByteCells.Set(step, _bytes, on ? cost - step.Step!.GasLeft - 1 : BigInteger.Zero);
}
