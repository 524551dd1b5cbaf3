using System.Numerics;
using Rollup.Crypto.Bls12381.Fields;

namespace Rollup.Crypto.Bls12381.Towers;

public readonly partial struct Fp2
{
    // Exponents for the square root below: (p-3)/4 and (p-1)/2.
    private static readonly BigInteger SqrtExponent = (Fp.Modulus - 3) / 4;
    private static readonly BigInteger HalfExponent = (Fp.Modulus - 1) / 2;

    /// <summary>
    /// A square root when one exists, for p ≡ 3 (mod 4) (Adj and Rodríguez-Henríquez, "Square root
    /// computation over even extension fields", algorithm 9): with a1 = a^((p-3)/4) and
    /// α = a1^2·a = a^((p-1)/2), the candidate x0 = a1·a = a^((p+1)/4) squares to α·a; multiplying
    /// by u (when α = -1) or by (1 + α)^((p-1)/2) fixes the factor α. The result is checked by squaring.
    /// Only decompression of G2 points uses it.
    /// </summary>
    public bool TrySqrt(out Fp2 root)
    {
        root = default;
        if (IsZero) return true;
        Fp2 a1 = Pow(SqrtExponent);
        Fp2 alpha = a1.Square() * this;
        Fp2 x0 = a1 * this;
        Fp2 candidate = alpha == -One
            ? new Fp2(-x0.A1, x0.A0) // u·x0
            : (One + alpha).Pow(HalfExponent) * x0;
        if (candidate.Square() != this) return false;
        root = candidate;
        return true;
    }

    /// <summary>
    /// The sign rule of the compressed G2 encoding: compare the u-coefficient first and the constant
    /// term only when the u-coefficient is zero.
    /// </summary>
    public bool IsLexicographicallyLargest => A1.IsLexicographicallyLargest || (A1.IsZero && A0.IsLexicographicallyLargest);
}
