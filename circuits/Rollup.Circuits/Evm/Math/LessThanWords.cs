using System.Numerics;
using Rollup.Crypto.Bn254.Fields;
using Rollup.Plonk.Circuit;

namespace Rollup.Circuits.Evm.Math;

/// <summary>Proves x &lt; y for canonical words (limbs below 2^128): a word d = y − x − 1 in 32 byte cells with
/// x + d + 1 = y as integers, on limbs: x_lo + d_lo + 1 = y_lo + c·2^128 and x_hi + d_hi + c = y_hi, c a bit. All terms
/// are non-negative and below 2^130, so these are integer equations, and d ≥ 0 means x &lt; y. (No carry out of the
/// high limb is allowed: that is what makes it strict, not modular.)</summary>
public sealed class LessThanWords
{
    private readonly WordBytes _difference;
    private readonly CellRef _carry;

    private LessThanWords(WordBytes difference, CellRef carry) { _difference = difference; _carry = carry; }

    public static LessThanWords Configure(GadgetBuilder b, string name, Expression xLo, Expression xHi, Expression yLo, Expression yHi)
    {
        var d = b.Word($"{name}: y − x − 1");
        var carry = b.Cell($"{name}: carry of the low limbs");
        var twoTo128 = Expression.Constant(Fr.FromBigInteger(WideProduct.TwoTo128));
        b.Require($"{name}: low limbs", xLo + d.Lo + 1 - yLo - carry * twoTo128);
        b.Require($"{name}: high limbs", xHi + d.Hi + carry - yHi);
        b.Require($"{name}: carry is a bit", carry * (1 - (Expression)carry));
        return new LessThanWords(d, carry);
    }

    public void Assign(StepContext step, BigInteger x, BigInteger y)
    {
        var d = y - x - 1; // negative only for a lying trace: its bytes wrap and the limb equations fail
        ByteCells.Set(step, _difference, d);
        var mask = WideProduct.TwoTo128 - 1;
        step.Set(_carry, (x & mask) + (d & mask) + 1 > mask ? 1UL : 0UL);
    }
}
