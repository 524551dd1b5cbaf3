using System.Numerics;

namespace Rollup.Crypto.Bn254.Fields;

public readonly partial struct Fq
{
    // q ≡ 3 (mod 4): a square root of a square a is a^((q+1)/4).
    private static readonly ulong[] SqrtExponent = LimbCodec.ExponentLimbs((Modulus + 1) / 4);
    private static readonly ulong[] LegendreExponent = LimbCodec.ExponentLimbs((Modulus - 1) / 2);

    /// <summary>Legendre symbol: 1 for a non-zero square, -1 for a non-square, 0 for zero.</summary>
    public int Legendre()
    {
        if (IsZero) return 0;
        return Pow(LegendreExponent).IsOne ? 1 : -1;
    }

    /// <summary>A square root when one exists (the other root is its negation).</summary>
    public bool TrySqrt(out Fq root)
    {
        Fq candidate = Pow(SqrtExponent);
        if (candidate.Square() == this) { root = candidate; return true; }
        root = default;
        return false;
    }
}
