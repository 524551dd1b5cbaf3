using Rollup.Crypto.Bn254.Fields;

namespace Rollup.Crypto.Bls12381.Fields;

public readonly partial struct Fp
{
    // p ≡ 3 (mod 4): a square root of a square a is a^((p+1)/4).
    private static readonly ulong[] SqrtExponent = LimbCodec.ExponentLimbs((Modulus + 1) / 4);
    private static readonly ulong[] LegendreExponent = LimbCodec.ExponentLimbs((Modulus - 1) / 2);
    private static readonly U384 HalfModulus = U384Codec.FromBigInteger((Modulus - 1) / 2);

    /// <summary>Legendre symbol: 1 for a non-zero square, -1 for a non-square, 0 for zero.</summary>
    public int Legendre()
    {
        if (IsZero) return 0;
        return Pow(LegendreExponent).IsOne ? 1 : -1;
    }

    /// <summary>A square root when one exists (the other root is its negation).</summary>
    public bool TrySqrt(out Fp root)
    {
        Fp candidate = Pow(SqrtExponent);
        if (candidate.Square() == this) { root = candidate; return true; }
        root = default;
        return false;
    }

    /// <summary>
    /// True when the canonical value is above (p-1)/2, i.e. larger than its negation: the
    /// "lexicographically largest" rule that the compressed point encodings' sign bit records.
    /// </summary>
    public bool IsLexicographicallyLargest
    {
        get
        {
            U384 v = Montgomery384.FromMontgomery(Limbs);
            // v > (p-1)/2  ⇔  (p-1)/2 - v borrows.
            ulong borrow = 0;
            Word.Sbb(HalfModulus.L0, v.L0, ref borrow);
            Word.Sbb(HalfModulus.L1, v.L1, ref borrow);
            Word.Sbb(HalfModulus.L2, v.L2, ref borrow);
            Word.Sbb(HalfModulus.L3, v.L3, ref borrow);
            Word.Sbb(HalfModulus.L4, v.L4, ref borrow);
            Word.Sbb(HalfModulus.L5, v.L5, ref borrow);
            return borrow != 0;
        }
    }
}
