using System.Numerics;
using Rollup.Crypto.Bn254.Fields;
using Rollup.Plonk.Circuit;

namespace Rollup.Circuits.Evm.Math;

/// <summary>A two's-complement word x and its magnitude |x| under a sign bit s: x = |x| when s = 0, and x + |x| = 2^256
/// when s = 1. Both must be canonical words (limbs below 2^128, e.g. byte cells or range-checked stack values); then,
/// on limbs, s = 1 means x_lo + |x|_lo = c·2^128 and x_hi + |x|_hi + c = 2^128 for a bit c (integer equations, all
/// terms below 2^130), and (1 − s)·c = 0 pins c when it is not used. This alone does not say s is x's sign: a caller
/// binds s to x's top bit (<see cref="SignBit"/>) for inputs, or to the sign the operation defines for results.
/// Note x = 0 forces s = 0 (0 + |x| = 2^256 has no canonical |x|), and x = −2^255 has |x| = 2^255.</summary>
public sealed class SignedWord
{
    private readonly CellRef _carry;

    private SignedWord(CellRef carry) => _carry = carry;

    public static SignedWord Configure(GadgetBuilder b, string name, Expression xLo, Expression xHi, WordBytes magnitude, Expression sign)
    {
        var carry = b.Cell($"{name}: carry of x_lo + |x|_lo");
        var twoTo128 = Expression.Constant(Fr.FromBigInteger(WideProduct.TwoTo128));
        var positive = 1 - sign;
        b.Require($"{name}: x_lo = |x|_lo when positive", positive * (xLo - magnitude.Lo));
        b.Require($"{name}: x_hi = |x|_hi when positive", positive * (xHi - magnitude.Hi));
        b.Require($"{name}: x_lo + |x|_lo = c·2^128 when negative", sign * (xLo + magnitude.Lo - carry * twoTo128));
        b.Require($"{name}: x_hi + |x|_hi + c = 2^128 when negative", sign * (xHi + magnitude.Hi + carry - twoTo128));
        b.Require($"{name}: carry is a bit", carry * (1 - (Expression)carry));
        b.Require($"{name}: carry is zero when positive", positive * carry);
        return new SignedWord(carry);
    }

    public void Assign(StepContext step, BigInteger magnitude, bool negative) =>
        step.Set(_carry, negative && (magnitude & (WideProduct.TwoTo128 - 1)) != 0 ? 1UL : 0UL);
}
