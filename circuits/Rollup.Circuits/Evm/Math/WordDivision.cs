using System.Numerics;
using Rollup.Core.Numerics;
using Rollup.Plonk.Circuit;

namespace Rollup.Circuits.Evm.Math;

/// <summary>Division of words with the EVM's rule for a zero divisor: a = b'·q + r with r &lt; b', where
/// b' = b + is_zero(b). The equations hold unconditionally (b = 0 gives b' = 1, q = a, r = 0), so no constraint needs
/// gating; callers that must push 0 for x / 0 multiply by 1 − <see cref="DivisorIsZero"/>.
/// <para>q and r are 32 byte cells each; b'·q is regrouped into four 128-bit chunks (<see cref="WideProduct"/>) and
/// compared with a − r over 512 bits by a <see cref="CarryChain"/> with a zero final carry, so a = b'·q + r holds as
/// integers; with r &lt; b' (<see cref="LessThanWords"/>) q and r are the unique quotient and remainder. a must be
/// canonical limbs (from the stack, or byte cells); b is the caller's byte cells.</para></summary>
public sealed class WordDivision
{
    public WordBytes Quotient { get; }
    public WordBytes Remainder { get; }
    private readonly IsZeroWord _divisorIsZero;
    private readonly LessThanWords _remainderBelowDivisor;
    private readonly CarryChain _chain;

    public CellRef DivisorIsZero => _divisorIsZero.IsZero;

    private WordDivision(WordBytes quotient, WordBytes remainder, IsZeroWord divisorIsZero, LessThanWords remainderBelowDivisor, CarryChain chain)
    {
        Quotient = quotient;
        Remainder = remainder;
        _divisorIsZero = divisorIsZero;
        _remainderBelowDivisor = remainderBelowDivisor;
        _chain = chain;
    }

    /// <param name="names">(dividend, divisor, quotient, remainder) as the caller's constraints should name them.</param>
    public static WordDivision Configure(GadgetBuilder b, Expression dividendLo, Expression dividendHi, WordBytes divisor,
        (string A, string B, string Q, string R) names)
    {
        var quotient = b.Word(names.Q);
        var remainder = b.Word(names.R);
        var divisorIsZero = IsZeroWord.Configure(b, names.B, divisor.Lo, divisor.Hi);
        Expression bz = divisorIsZero.IsZero;
        var divisorLimbs = WideProduct.Limbs64(divisor.Bytes);
        divisorLimbs[0] += bz; // b' = b + is_zero(b)
        var lessThan = LessThanWords.Configure(b, $"{names.R} < {names.B}'", remainder.Lo, remainder.Hi, divisor.Lo + bz, divisor.Hi);
        var product = WideProduct.Chunks(divisorLimbs, WideProduct.Limbs64(quotient.Bytes), 4);
        var zero = Expression.Constant(0);
        var chain = CarryChain.Configure(b, $"{names.B}'·{names.Q} + {names.R} = {names.A}",
            [product[0] + remainder.Lo, product[1] + remainder.Hi, product[2], product[3]],
            [dividendLo, dividendHi, zero, zero]);
        return new WordDivision(quotient, remainder, divisorIsZero, lessThan, chain);
    }

    /// <summary>Fills q, r and the helpers; returns (q, r).</summary>
    public (BigInteger Quotient, BigInteger Remainder) Assign(StepContext step, BigInteger dividend, BigInteger divisor)
    {
        var bPrime = divisor.IsZero ? BigInteger.One : divisor;
        var q = BigInteger.DivRem(dividend, bPrime, out var r);
        ByteCells.Set(step, Quotient, q);
        ByteCells.Set(step, Remainder, r);
        _divisorIsZero.Assign(step, UInt256.FromBigInteger(divisor));
        _remainderBelowDivisor.Assign(step, r, bPrime);
        var mask = WideProduct.TwoTo128 - 1;
        var product = WideProduct.Chunks(WideProduct.Limbs64(bPrime, 4), WideProduct.Limbs64(q, 4), 4);
        _chain.Assign(step, [product[0] + (r & mask), product[1] + (r >> 128), product[2], product[3]], [dividend & mask, dividend >> 128, 0, 0]);
        return (q, r);
    }
}
