using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Rollup.Crypto.Bn254.Fields;

/// <summary>
/// The F_q12 product from operands to result in one call: three groups of eight lanes, group g holding the six
/// F_q2 products of one F_q6 Karatsuba product (lanes 0–5, lanes 6–7 unused), then the F_q6 and F_q12
/// recombinations on the 29-bit limbs (permutes bring the terms of each output into its lane) and one reduction
/// per output. Nothing is reduced in between: every step is linear, so the products' differences, the
/// Karatsuba sums and the ξ-multiplications stay as signed limbs until the single carry pass at the end.
/// </summary>
internal static partial class Fq8Math
{
    // The six products of one F_q6 product a·b, in lanes 0–5 of a group (the order of Fq6.QueueProduct):
    // v0 = a0b0, v1 = a1b1, v2 = a2b2, p3 = (a1 + a2)(b1 + b2), p4 = (a0 + a1)(b0 + b1), p5 = (a0 + a2)(b0 + b2).
    // c0 = ξ(p3 − v1 − v2) + v0, c1 = (p4 − v0 − v1) + ξv2, c2 = (p5 − v0 − v2) + v1: lane j (0–2) is
    // (A − B − C) + D with the ξ on the difference in lane 0 and on D in lane 1; A, B, C, D gathered by these:
    private static readonly Vector512<ulong> Fq6A = Vector512.Create(3UL, 4, 5, 0, 0, 0, 0, 0);
    private static readonly Vector512<ulong> Fq6B = Vector512.Create(1UL, 0, 0, 0, 0, 0, 0, 0);
    private static readonly Vector512<ulong> Fq6C = Vector512.Create(2UL, 1, 2, 0, 0, 0, 0, 0);
    private static readonly Vector512<ulong> Fq6D = Vector512.Create(0UL, 2, 1, 0, 0, 0, 0, 0);
    private static readonly Vector512<ulong> Lane0 = Vector512.Create(ulong.MaxValue, 0, 0, 0, 0, 0, 0, 0);
    private static readonly Vector512<ulong> Lane1 = Vector512.Create(0, ulong.MaxValue, 0, 0, 0, 0, 0, 0);
    private static readonly Vector512<ulong> Lanes012 = Vector512.Create(ulong.MaxValue, ulong.MaxValue, ulong.MaxValue, 0, 0, 0, 0, 0);
    // v·(c0, c1, c2) = (ξc2, c0, c1); lanes 0–2 moved to 3–5.
    private static readonly Vector512<ulong> TimesV = Vector512.Create(2UL, 0, 1, 0, 0, 0, 0, 0);
    private static readonly Vector512<ulong> ToUpperHalf = Vector512.Create(0UL, 0, 0, 0, 1, 2, 0, 0);

    /// <summary>
    /// r = a·b in F_q12 = F_q6[w]/(w^2 − v) by Karatsuba: t0 = a0b0, t1 = a1b1, t2 = (a0 + a1)(b0 + b1);
    /// r0 = t0 + v·t1, r1 = t2 − t0 − t1. The operand spans (24 entries: groups t0, t1, t2) hold the six F_q2
    /// operand pairs of each F_q6 product in lanes 0–5 of its group, all reduced (lanes 6–7 are ignored: lanes never
    /// mix except through the permutes, which read lanes 0–5 only). The result
    /// (reduced) is written over lanes 0–5 of <paramref name="x0"/> (real parts) and <paramref name="x1"/>
    /// (imaginary parts): r0's three coefficients, then r1's.
    /// </summary>
    public static void MultiplyFq12(Span<U256> x0, Span<U256> x1, ReadOnlySpan<U256> y0, ReadOnlySpan<U256> y1)
    {
        Check(24, x0.Length, x1.Length, y0.Length, y1.Length, 24, 24);
        Fq6ProductLanes(x0, x1, y0, y1, 0, out Fr8 t0Re, out Fr8 t0Im);
        Fq6ProductLanes(x0, x1, y0, y1, 8, out Fr8 t1Re, out Fr8 t1Im);
        Fq6ProductLanes(x0, x1, y0, y1, 16, out Fr8 t2Re, out Fr8 t2Im);

        // Per component, in units of q (interval bounds, see Fq6ProductLanes): t in (−66, 64) (re), (−82, 98) (im);
        // r0 in (−758, 722) / (−886, 1044), r1 in (−194, 196) / (−278, 262). Adding 1024q makes every total
        // positive and below 2068q, within ReduceSmallMultiple's 4096q. Limbs stay below 2^42 in absolute value.
        Fr8 outRe = default, outIm = default;
        Span<Vector512<ulong>> aRe = Limbs(ref t0Re), aIm = Limbs(ref t0Im), bRe = Limbs(ref t1Re), bIm = Limbs(ref t1Im);
        Span<Vector512<ulong>> cRe = Limbs(ref t2Re), cIm = Limbs(ref t2Im), oRe = Limbs(ref outRe), oIm = Limbs(ref outIm);
        ReadOnlySpan<ulong> q = [Q0, Q1, Q2, Q3, Q4, Q5, Q6, Q7, Q8];
        for (int k = 0; k < 9; k++)
        {
            Vector512<ulong> vRe = Avx512F.PermuteVar8x64(bRe[k], TimesV), vIm = Avx512F.PermuteVar8x64(bIm[k], TimesV);
            Vector512<ulong> r0Re = aRe[k] + Vector512.ConditionalSelect(Lane0, Times9(vRe) - vIm, vRe);
            Vector512<ulong> r0Im = aIm[k] + Vector512.ConditionalSelect(Lane0, Times9(vIm) + vRe, vIm);
            Vector512<ulong> r1Re = Avx512F.PermuteVar8x64(cRe[k] - aRe[k] - bRe[k], ToUpperHalf);
            Vector512<ulong> r1Im = Avx512F.PermuteVar8x64(cIm[k] - aIm[k] - bIm[k], ToUpperHalf);
            Vector512<ulong> offset = Vector512.Create(1024 * q[k]);
            oRe[k] = Vector512.ConditionalSelect(Lanes012, r0Re, r1Re) + offset;
            oIm[k] = Vector512.ConditionalSelect(Lanes012, r0Im, r1Im) + offset;
        }
        ReduceSmallMultiple(ref outRe);
        ReduceSmallMultiple(ref outIm);
        Store(x0, 0, outRe);
        Store(x1, 0, outIm);
    }

    /// <summary>
    /// The F_q6 product whose six F_q2 operand pairs are in lanes 0–5 of group <paramref name="i"/>: its three
    /// coefficients in lanes 0–2 of (re, im), unreduced signed limbs. The F_q2 products are left as
    /// re = p0 − p1 in (−2q, 2q), im = p2 − p0 − p1 in (−4q, 2q) (p in [0, 2q)); the combinations then give
    /// (interval arithmetic, units of q) (−66, 64) for the real parts and (−82, 98) for the imaginary ones.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Fq6ProductLanes(ReadOnlySpan<U256> x0, ReadOnlySpan<U256> x1, ReadOnlySpan<U256> y0, ReadOnlySpan<U256> y1,
        int i, out Fr8 re, out Fr8 im)
    {
        RawProductLanes(x0, x1, y0, y1, i, out Fr8 pRe, out Fr8 pIm);
        CombineFq6Lanes(ref pRe, ref pIm, out re, out im);
    }

    /// <summary>
    /// Eight F_q2 products (group <paramref name="i"/>) left unreduced: re = p0 − p1 in (−2q, 2q),
    /// im = p2 − p0 − p1 in (−4q, 2q), as signed limbs within ±2^31 (p0, p1, p2 normalized, in [0, 2q)).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void RawProductLanes(ReadOnlySpan<U256> x0, ReadOnlySpan<U256> x1, ReadOnlySpan<U256> y0, ReadOnlySpan<U256> y1,
        int i, out Fr8 re, out Fr8 im)
    {
        Load(x0, i, out var w0, out var w1, out var w2, out var w3);
        Fr8Math.Split(w0, w1, w2, w3, out Fr8 a0);
        Load(x1, i, out w0, out w1, out w2, out w3);
        Fr8Math.Split(w0, w1, w2, w3, out Fr8 a1);
        Load(y0, i, out w0, out w1, out w2, out w3);
        Fr8Math.SplitTimes32(w0, w1, w2, w3, out Fr8 b0);
        Load(y1, i, out w0, out w1, out w2, out w3);
        Fr8Math.SplitTimes32(w0, w1, w2, w3, out Fr8 b1);
        MulLazy(a0, b0, out Fr8 p0);
        Normalize(ref p0);
        MulLazy(a1, b1, out Fr8 p1);
        Normalize(ref p1);
        Sum(a0, a1, out Fr8 sa);
        Sum(b0, b1, out Fr8 sb);
        MulLazy(sa, sb, out Fr8 p2);
        Normalize(ref p2);

        re = default; im = default;
        Span<Vector512<ulong>> l0 = Limbs(ref p0), l1 = Limbs(ref p1), l2 = Limbs(ref p2), oRe = Limbs(ref re), oIm = Limbs(ref im);
        for (int k = 0; k < 9; k++)
        {
            oRe[k] = l0[k] - l1[k];
            oIm[k] = l2[k] - l0[k] - l1[k];
        }
    }

    /// <summary>
    /// The F_q6 product from its six unreduced F_q2 products in lanes 0–5 (see <see cref="RawProductLanes"/>):
    /// c0, c1, c2 in lanes 0–2, unreduced, (−66q, 64q) real and (−82q, 98q) imaginary (interval arithmetic).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void CombineFq6Lanes(ref Fr8 productsRe, ref Fr8 productsIm, out Fr8 re, out Fr8 im)
    {
        re = default; im = default;
        Span<Vector512<ulong>> sRe = Limbs(ref productsRe), sIm = Limbs(ref productsIm), oRe = Limbs(ref re), oIm = Limbs(ref im);
        for (int k = 0; k < 9; k++)
        {
            Vector512<ulong> pRe = sRe[k], pIm = sIm[k];
            Vector512<ulong> eRe = Avx512F.PermuteVar8x64(pRe, Fq6A) - Avx512F.PermuteVar8x64(pRe, Fq6B) - Avx512F.PermuteVar8x64(pRe, Fq6C);
            Vector512<ulong> eIm = Avx512F.PermuteVar8x64(pIm, Fq6A) - Avx512F.PermuteVar8x64(pIm, Fq6B) - Avx512F.PermuteVar8x64(pIm, Fq6C);
            Vector512<ulong> dRe = Avx512F.PermuteVar8x64(pRe, Fq6D), dIm = Avx512F.PermuteVar8x64(pIm, Fq6D);
            oRe[k] = Vector512.ConditionalSelect(Lane0, Times9(eRe) - eIm, eRe) + Vector512.ConditionalSelect(Lane1, Times9(dRe) - dIm, dRe);
            oIm[k] = Vector512.ConditionalSelect(Lane0, Times9(eIm) + eRe, eIm) + Vector512.ConditionalSelect(Lane1, Times9(dIm) + dRe, dIm);
        }
    }
}
