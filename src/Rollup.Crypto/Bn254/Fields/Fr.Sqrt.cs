using System.Numerics;

namespace Rollup.Crypto.Bn254.Fields;

public readonly partial struct Fr
{
    private static readonly ulong[] LegendreExponent = LimbCodec.ExponentLimbs((Modulus - 1) / 2);
    // Tonelli–Shanks needs r - 1 = 2^S * T with T odd; (T+1)/2 gives the first root candidate.
    private static readonly BigInteger OddPart = (Modulus - 1) >> TwoAdicity;
    private static readonly ulong[] OddPartExponent = LimbCodec.ExponentLimbs(OddPart);
    private static readonly ulong[] HalfOddPartPlusOne = LimbCodec.ExponentLimbs((OddPart + 1) / 2);

    /// <summary>Legendre symbol: 1 for a non-zero square, -1 for a non-square, 0 for zero.</summary>
    public int Legendre()
    {
        if (IsZero) return 0;
        return Pow(LegendreExponent).IsOne ? 1 : -1;
    }

    /// <summary>Square root by Tonelli–Shanks (r ≡ 1 mod 2^28, so the q ≡ 3 mod 4 shortcut does not apply).</summary>
    public bool TrySqrt(out Fr root)
    {
        if (IsZero) { root = Zero; return true; }
        Fr x = Pow(HalfOddPartPlusOne);   // candidate: x^2 = a * b
        Fr b = Pow(OddPartExponent);      // b lives in the 2^S-torsion; drive it to 1
        Fr c = RootsOfUnity[TwoAdicity];  // generator of the 2^S-torsion
        int m = TwoAdicity;
        while (!b.IsOne)
        {
            int i = 0;
            Fr b2 = b;
            while (!b2.IsOne)
            {
                b2 = b2.Square();
                if (++i == m) { root = default; return false; } // b has full order: a is a non-square
            }
            Fr t = c;
            for (int k = 0; k < m - i - 1; k++) t = t.Square();
            x *= t;
            c = t.Square();
            b *= c;
            m = i;
        }
        root = x;
        return true;
    }
}
