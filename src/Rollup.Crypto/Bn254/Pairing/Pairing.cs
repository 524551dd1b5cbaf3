using Rollup.Crypto.Bn254.Curves;
using Rollup.Crypto.Bn254.Towers;

namespace Rollup.Crypto.Bn254.Pairing;

/// <summary>
/// The optimal ate pairing e: G1 × G2 → μ_r ⊂ F_q12* of BN254, as used by EIP-197.
/// </summary>
public static class Bn254Pairing
{
    /// <summary>e(P, Q). Returns 1 when either point is infinity.</summary>
    public static Fq12 Pair(in G1Affine p, in G2Affine q) =>
        FinalExponentiation.Apply(MillerLoop.Run([p], [q]));

    /// <summary>
    /// True when Π e(P_i, Q_i) = 1. The Miller loops share one accumulator and one final
    /// exponentiation. The points must already be validated (on curve, Q_i in G2), as the decoders do.
    /// An empty product is 1.
    /// </summary>
    public static bool PairingCheck(ReadOnlySpan<G1Affine> ps, ReadOnlySpan<G2Affine> qs) =>
        FinalExponentiation.Apply(MillerLoop.Run(ps, qs)).IsOne;

    /// <summary>Π f_i of the Miller loops without the final exponentiation (for callers batching checks).</summary>
    public static Fq12 MillerLoopProduct(ReadOnlySpan<G1Affine> ps, ReadOnlySpan<G2Affine> qs) => MillerLoop.Run(ps, qs);

    /// <summary>e(P, Q) for a prepared Q (see <see cref="G2Prepared"/>); equal to <c>Pair(p, q.Point)</c>.</summary>
    public static Fq12 Pair(in G1Affine p, G2Prepared q) =>
        FinalExponentiation.Apply(MillerLoop.RunPrepared([p], [q]));

    // The span overloads for prepared points have their own names: as overloads of PairingCheck
    // they would make calls with collection expressions ([], [a, b]) ambiguous.

    /// <summary>
    /// True when Π e(P_i, Q_i) = 1 for prepared Q_i (the KZG opening check: both of its G2 points are
    /// fixed). The G1 points must be validated; the prepared points were checked when prepared.
    /// </summary>
    public static bool PairingCheckPrepared(ReadOnlySpan<G1Affine> ps, ReadOnlySpan<G2Prepared> qs) =>
        FinalExponentiation.Apply(MillerLoop.RunPrepared(ps, qs)).IsOne;

    /// <summary>Π f_i of the Miller loops against prepared G2 points, without the final exponentiation.
    /// Equal to <see cref="MillerLoopProduct(ReadOnlySpan{G1Affine}, ReadOnlySpan{G2Affine})"/> only up to
    /// a factor the final exponentiation removes (the prepared lines are scaled differently).</summary>
    public static Fq12 MillerLoopProductPrepared(ReadOnlySpan<G1Affine> ps, ReadOnlySpan<G2Prepared> qs) => MillerLoop.RunPrepared(ps, qs);

    /// <summary>f^((q^12 - 1)/r).</summary>
    public static Fq12 FinalExponentiate(in Fq12 f) => FinalExponentiation.Apply(f);
}
