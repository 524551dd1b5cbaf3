using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Rollup.Crypto.Bn254.Fields;

/// <summary>
/// The F_q12 product from operands to result in one call: the operands loaded once, the Karatsuba sums formed in
/// the lanes, three groups of eight lanes, group g holding the six F_q2 products of one F_q6 Karatsuba product
/// (lanes 0–5, lanes 6–7 unused), then the F_q6 and F_q12
/// recombinations on the 29-bit limbs (permutes bring the terms of each output into its lane) and one reduction
/// per output. Nothing is reduced in between: every step is linear, so the products' differences, the
/// Karatsuba sums and the ξ-multiplications stay as signed limbs until the single carry pass at the end.
/// </summary>
internal static partial class Fq8Math
{
    // The six products of one F_q6 product a·b, in lanes 0–5 of a group (the Karatsuba order of Fq6.Multiply):
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

    // Karatsuba operands of an F_q6 factor x = (x0, x1, x2) in lanes base..base+2: lanes 0–5 become
    // x0, x1, x2, x1 + x2, x0 + x1, x0 + x2 = gathered pairs summed in lanes 3–5.
    private static readonly Vector512<ulong> Fq6First0 = Vector512.Create(0UL, 1, 2, 1, 0, 0, 0, 0);
    private static readonly Vector512<ulong> Fq6Second0 = Vector512.Create(0UL, 0, 0, 2, 1, 2, 0, 0);
    private static readonly Vector512<ulong> Fq6First3 = Vector512.Create(3UL, 4, 5, 4, 3, 3, 0, 0);
    private static readonly Vector512<ulong> Fq6Second3 = Vector512.Create(0UL, 0, 0, 5, 4, 5, 0, 0);
    private static readonly Vector512<ulong> Lanes345 = Vector512.Create(0, 0, 0, ulong.MaxValue, ulong.MaxValue, ulong.MaxValue, 0, 0);
    private static readonly Vector512<ulong> FromUpperHalf = Vector512.Create(3UL, 4, 5, 0, 0, 0, 0, 0);

    /// <summary>
    /// r = a·b in F_q12 = F_q6[w]/(w^2 − v) by Karatsuba: t0 = a0b0, t1 = a1b1, t2 = (a0 + a1)(b0 + b1);
    /// r0 = t0 + v·t1, r1 = t2 − t0 − t1, in one call: the operands' six F_q2 coefficients (a0's three, then a1's;
    /// real parts in <paramref name="aRe"/>, imaginary in <paramref name="aIm"/>, entries 0–5 of 8, reduced) are loaded
    /// once; the Karatsuba sums of both levels are formed in the lanes (permutes and limb sums, one conditional
    /// subtraction for a0 + a1); group g holds the six F_q2 products of t_g in lanes 0–5; the recombinations and
    /// one reduction per output follow. r's coefficients (r0's three, then r1's; reduced) go to entries 0–5 of
    /// <paramref name="re"/> and <paramref name="im"/> (which may be <paramref name="aRe"/> and <paramref name="aIm"/>).
    /// </summary>
    public static void MultiplyFq12(ReadOnlySpan<U256> aRe, ReadOnlySpan<U256> aIm, ReadOnlySpan<U256> bRe, ReadOnlySpan<U256> bIm,
        Span<U256> re, Span<U256> im)
    {
        Check(8, aRe.Length, aIm.Length, bRe.Length, bIm.Length, re.Length, im.Length);
        Load(aRe, 0, out var w0, out var w1, out var w2, out var w3);
        Fr8Math.Split(w0, w1, w2, w3, out Fr8 xRe);
        Load(aIm, 0, out w0, out w1, out w2, out w3);
        Fr8Math.Split(w0, w1, w2, w3, out Fr8 xIm);
        Load(bRe, 0, out w0, out w1, out w2, out w3);
        Fr8Math.SplitTimes32(w0, w1, w2, w3, out Fr8 yRe);
        Load(bIm, 0, out w0, out w1, out w2, out w3);
        Fr8Math.SplitTimes32(w0, w1, w2, w3, out Fr8 yIm);

        // a0 + a1 and 32(b0 + b1) in lanes 0–2, reduced (below q and 32q), so that their own Karatsuba sums stay below 2q.
        HalvesSum(xRe, 1, out Fr8 sxRe); HalvesSum(xIm, 1, out Fr8 sxIm);
        HalvesSum(yRe, 32, out Fr8 syRe); HalvesSum(yIm, 32, out Fr8 syIm);

        Fr8 t0Re, t0Im, t1Re, t1Im, t2Re, t2Im;
        {
            Fq6Operand(xRe, Fq6First0, Fq6Second0, out Fr8 ar); Fq6Operand(xIm, Fq6First0, Fq6Second0, out Fr8 ai);
            Fq6Operand(yRe, Fq6First0, Fq6Second0, out Fr8 br); Fq6Operand(yIm, Fq6First0, Fq6Second0, out Fr8 bi);
            RawProducts(ar, ai, br, bi, out Fr8 pRe, out Fr8 pIm);
            CombineFq6Lanes(ref pRe, ref pIm, out t0Re, out t0Im);
        }
        {
            Fq6Operand(xRe, Fq6First3, Fq6Second3, out Fr8 ar); Fq6Operand(xIm, Fq6First3, Fq6Second3, out Fr8 ai);
            Fq6Operand(yRe, Fq6First3, Fq6Second3, out Fr8 br); Fq6Operand(yIm, Fq6First3, Fq6Second3, out Fr8 bi);
            RawProducts(ar, ai, br, bi, out Fr8 pRe, out Fr8 pIm);
            CombineFq6Lanes(ref pRe, ref pIm, out t1Re, out t1Im);
        }
        {
            Fq6Operand(sxRe, Fq6First0, Fq6Second0, out Fr8 ar); Fq6Operand(sxIm, Fq6First0, Fq6Second0, out Fr8 ai);
            Fq6Operand(syRe, Fq6First0, Fq6Second0, out Fr8 br); Fq6Operand(syIm, Fq6First0, Fq6Second0, out Fr8 bi);
            RawProducts(ar, ai, br, bi, out Fr8 pRe, out Fr8 pIm);
            CombineFq6Lanes(ref pRe, ref pIm, out t2Re, out t2Im);
        }

        // Per component, in units of q (interval bounds from the products' (−2, 2) / (−5, 5), see RawProducts):
        // t in (−71, 71) real, (−146, 146) imaginary; r0 within (−856, 856) / (−1531, 1531), r1 within (−213, 213) /
        // (−438, 438). Adding 2048q makes every total positive and below 3600q, within ReduceSmallMultiple's 4096q.
        // Limbs stay below 2^42 in absolute value.
        // Every limb is written in the loop below: no zeroing (as "= default" it cost a 576-byte MEMZERO per Fr8).
        Unsafe.SkipInit(out Fr8 outRe);
        Unsafe.SkipInit(out Fr8 outIm);
        Span<Vector512<ulong>> aR = Limbs(ref t0Re), aI = Limbs(ref t0Im), bR = Limbs(ref t1Re), bI = Limbs(ref t1Im);
        Span<Vector512<ulong>> cR = Limbs(ref t2Re), cI = Limbs(ref t2Im), oRe = Limbs(ref outRe), oIm = Limbs(ref outIm);
        ReadOnlySpan<ulong> q = [Q0, Q1, Q2, Q3, Q4, Q5, Q6, Q7, Q8];
        for (int k = 0; k < 9; k++)
        {
            Vector512<ulong> vRe = Avx512F.PermuteVar8x64(bR[k], TimesV), vIm = Avx512F.PermuteVar8x64(bI[k], TimesV);
            Vector512<ulong> r0Re = aR[k] + Vector512.ConditionalSelect(Lane0, Times9(vRe) - vIm, vRe);
            Vector512<ulong> r0Im = aI[k] + Vector512.ConditionalSelect(Lane0, Times9(vIm) + vRe, vIm);
            Vector512<ulong> r1Re = Avx512F.PermuteVar8x64(cR[k] - aR[k] - bR[k], ToUpperHalf);
            Vector512<ulong> r1Im = Avx512F.PermuteVar8x64(cI[k] - aI[k] - bI[k], ToUpperHalf);
            Vector512<ulong> offset = Vector512.Create(2048 * q[k]);
            oRe[k] = Vector512.ConditionalSelect(Lanes012, r0Re, r1Re) + offset;
            oIm[k] = Vector512.ConditionalSelect(Lanes012, r0Im, r1Im) + offset;
        }
        ReduceSmallMultiple(ref outRe);
        ReduceSmallMultiple(ref outIm);
        Store(re, 0, outRe);
        Store(im, 0, outIm);
    }

    /// <summary>
    /// Lanes 0–2 of x plus lanes 3–5, reduced: x's lanes below scale·q (normalized limbs), the result too
    /// (one carry pass, one conditional subtraction of scale·q; scale 1 for plain operands, 32 for 32·b).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void HalvesSum(in Fr8 x, ulong scale, out Fr8 s)
    {
        s.L0 = x.L0 + Avx512F.PermuteVar8x64(x.L0, FromUpperHalf); s.L1 = x.L1 + Avx512F.PermuteVar8x64(x.L1, FromUpperHalf);
        s.L2 = x.L2 + Avx512F.PermuteVar8x64(x.L2, FromUpperHalf); s.L3 = x.L3 + Avx512F.PermuteVar8x64(x.L3, FromUpperHalf);
        s.L4 = x.L4 + Avx512F.PermuteVar8x64(x.L4, FromUpperHalf); s.L5 = x.L5 + Avx512F.PermuteVar8x64(x.L5, FromUpperHalf);
        s.L6 = x.L6 + Avx512F.PermuteVar8x64(x.L6, FromUpperHalf); s.L7 = x.L7 + Avx512F.PermuteVar8x64(x.L7, FromUpperHalf);
        s.L8 = x.L8 + Avx512F.PermuteVar8x64(x.L8, FromUpperHalf);
        Normalize(ref s);
        SubtractIfAtLeast(ref s, scale);
    }

    /// <summary>
    /// The six Karatsuba operands of an F_q6 factor (see the index vectors above) from its three coefficients
    /// (reduced, below scale·q): lanes 0–2 copies, lanes 3–5 pair sums below 2·scale·q; normalized limbs.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Fq6Operand(in Fr8 x, Vector512<ulong> first, Vector512<ulong> second, out Fr8 r)
    {
        Vector512<ulong> upper = Lanes345;
        r.L0 = Avx512F.PermuteVar8x64(x.L0, first) + (Avx512F.PermuteVar8x64(x.L0, second) & upper);
        r.L1 = Avx512F.PermuteVar8x64(x.L1, first) + (Avx512F.PermuteVar8x64(x.L1, second) & upper);
        r.L2 = Avx512F.PermuteVar8x64(x.L2, first) + (Avx512F.PermuteVar8x64(x.L2, second) & upper);
        r.L3 = Avx512F.PermuteVar8x64(x.L3, first) + (Avx512F.PermuteVar8x64(x.L3, second) & upper);
        r.L4 = Avx512F.PermuteVar8x64(x.L4, first) + (Avx512F.PermuteVar8x64(x.L4, second) & upper);
        r.L5 = Avx512F.PermuteVar8x64(x.L5, first) + (Avx512F.PermuteVar8x64(x.L5, second) & upper);
        r.L6 = Avx512F.PermuteVar8x64(x.L6, first) + (Avx512F.PermuteVar8x64(x.L6, second) & upper);
        r.L7 = Avx512F.PermuteVar8x64(x.L7, first) + (Avx512F.PermuteVar8x64(x.L7, second) & upper);
        r.L8 = Avx512F.PermuteVar8x64(x.L8, first) + (Avx512F.PermuteVar8x64(x.L8, second) & upper);
        Normalize(ref r);
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
        RawProducts(a0, a1, b0, b1, out re, out im);
    }

    /// <summary>
    /// Eight F_q2 products (a0 + a1·u)(b0 + b1·u) of split operands, b given as 32·b, left unreduced as in
    /// <see cref="RawProductLanes"/>. Operands below q give p0, p1, p2 in [0, 2q); <see cref="MultiplyFq12"/> also
    /// passes operands below 2q (sums), which give p0, p1 &lt; 1.38q and p2 &lt; 4.03q (a Montgomery product is below
    /// a·b/2^261 + q), so re in (−2q, 2q) and im in (−5q, 5q) there. Operand limbs below 2^29 (normalized).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void RawProducts(in Fr8 a0, in Fr8 a1, in Fr8 b0, in Fr8 b1, out Fr8 re, out Fr8 im)
    {
        MulLazy(a0, b0, out Fr8 p0);
        Normalize(ref p0);
        MulLazy(a1, b1, out Fr8 p1);
        Normalize(ref p1);
        Sum(a0, a1, out Fr8 sa);
        Sum(b0, b1, out Fr8 sb);
        MulLazy(sa, sb, out Fr8 p2);
        Normalize(ref p2);

        Unsafe.SkipInit(out re); Unsafe.SkipInit(out im); // every limb is written below (zeroing cost a MEMZERO call)
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
        Unsafe.SkipInit(out re); Unsafe.SkipInit(out im); // every limb is written below (zeroing cost a MEMZERO call)
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
