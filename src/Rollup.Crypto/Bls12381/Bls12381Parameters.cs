namespace Rollup.Crypto.Bls12381;

/// <summary>The curve-family parameter everything else derives from.</summary>
internal static class Bls12381Parameters
{
    /// <summary>
    /// |x| for x = -0xd201000000010000: p = (x-1)²(x⁴-x²+1)/3 + x and r = x⁴-x²+1 (tests check
    /// both). Six set bits, which is what makes the Miller loop and the exponentiations by x short.
    /// </summary>
    public const ulong AbsX = 0xd201000000010000;
}
