using Rollup.Crypto.Bls12381.Curves;
using Rollup.Crypto.Bls12381.Towers;

namespace Rollup.Crypto.Bls12381.Pairing;

/// <summary>The optimal ate pairing e: G1 × G2 → μ_r ⊂ F_p12* of BLS12-381.</summary>
public static class Bls12381Pairing
{
    /// <summary>e(P, Q). Returns 1 when either point is infinity.</summary>
    public static Fp12 Pair(in G1Affine p, in G2Affine q) =>
        FinalExponentiation.Apply(MillerLoop.Run([p], [G2Prepared.From(q)]));

    /// <summary>
    /// True when Π e(P_i, Q_i) = 1. The Miller loops share one accumulator and one final
    /// exponentiation. The points must already be validated (P_i in G1, Q_i in G2), as the decoders
    /// do. An empty product is 1.
    /// </summary>
    public static bool PairingCheck(ReadOnlySpan<G1Affine> ps, ReadOnlySpan<G2Affine> qs) =>
        PairingCheckPrepared(ps, Prepare(qs));

    /// <summary>The same check with G2 points whose lines are already computed.</summary>
    public static bool PairingCheckPrepared(ReadOnlySpan<G1Affine> ps, ReadOnlySpan<G2Prepared> qs) =>
        FinalExponentiation.Apply(MillerLoop.Run(ps, qs)).IsOne;

    /// <summary>Π f_i of the Miller loops without the final exponentiation.</summary>
    public static Fp12 MillerLoopProduct(ReadOnlySpan<G1Affine> ps, ReadOnlySpan<G2Affine> qs) => MillerLoop.Run(ps, Prepare(qs));

    private static G2Prepared[] Prepare(ReadOnlySpan<G2Affine> qs)
    {
        if (qs.Length == 0) return [];
        var prepared = new G2Prepared[qs.Length];
        for (int i = 0; i < qs.Length; i++) prepared[i] = G2Prepared.From(qs[i]);
        return prepared;
    }

    /// <summary>f^((p^12 - 1)/r).</summary>
    public static Fp12 FinalExponentiate(in Fp12 f) => FinalExponentiation.Apply(f);
}
