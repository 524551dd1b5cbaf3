using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Rollup.Crypto.Bn254.Fields;

/// <summary>
/// The F_q12 product from operands to result in one call: the operands loaded once, the Karatsuba sums formed in
/// the lanes, the 18 F_q2 products (54 F_q products) in seven groups of eight F_q lanes: two F_q2 groups holding t0's
/// and t1's six products each plus four of t2's in their lanes 6–7, and one F_q group for t2's last two (three groups
/// of six F_q2 products each, 9 F_q groups, measured 18% slower), then the F_q6 and F_q12
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
    // The same first-operand gathers with lanes 6–7 taken from t2's operand lanes 0–1 or 2–3 (indices 8–15 pick from
    // the second source of PermuteVar8x64x2).
    private static readonly Vector512<ulong> Fq6First0Tail01 = Vector512.Create(0UL, 1, 2, 1, 0, 0, 8, 9);
    private static readonly Vector512<ulong> Fq6First3Tail23 = Vector512.Create(3UL, 4, 5, 4, 3, 3, 10, 11);
    // The extra F_q group of t2's products 4–5: lanes 0–1 x0·y0, 2–3 x1·y1, 4–5 (x0 + x1)(y0 + y1).
    private static readonly Vector512<ulong> TailFirst = Vector512.Create(4UL, 5, 12, 13, 4, 5, 4, 5);
    private static readonly Vector512<ulong> TailSecond = Vector512.Create(0UL, 0, 0, 0, 4, 5, 0, 0);
    private static readonly Vector512<ulong> Lanes45 = Vector512.Create(0, 0, 0, 0, ulong.MaxValue, ulong.MaxValue, 0, 0);
    private static readonly Vector512<ulong> TailP0 = Vector512.Create(0UL, 0, 0, 0, 0, 1, 0, 0);
    private static readonly Vector512<ulong> TailP1 = Vector512.Create(0UL, 0, 0, 0, 2, 3, 0, 0);
    private static readonly Vector512<ulong> GatherT2Lanes = Vector512.Create(6UL, 7, 14, 15, 0, 0, 0, 0);

    /// <summary>
    /// r = a·b in F_q12 = F_q6[w]/(w^2 − v) by Karatsuba: t0 = a0b0, t1 = a1b1, t2 = (a0 + a1)(b0 + b1);
    /// r0 = t0 + v·t1, r1 = t2 − t0 − t1, in one call: the operands' six F_q2 coefficients (a0's three, then a1's;
    /// real parts in <paramref name="aRe"/>, imaginary in <paramref name="aIm"/>, entries 0–5 of 8, reduced) are loaded
    /// once; the Karatsuba sums of both levels are formed in the lanes (permutes and limb sums, one conditional
    /// subtraction for a0 + a1); group g holds the six F_q2 products of t_g in lanes 0–5; the recombinations and
    /// one reduction per output follow. r's coefficients (r0's three, then r1's; reduced) go to entries 0–5 of
    /// <paramref name="re"/> and <paramref name="im"/> (which may be <paramref name="aRe"/> and <paramref name="aIm"/>).
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)] // a kernel is its own method: inlined into a caller it overran the JIT's inlining budget
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

        // Operands of the three F_q6 products t0 = a0·b0, t1 = a1·b1, t2 = (a0 + a1)(b0 + b1), six F_q2 products each.
        // Eighteen F_q2 products are 54 F_q products, 7 groups of eight lanes, not 9: t2's products 0–1 ride in lanes
        // 6–7 of t0's group and 2–3 in lanes 6–7 of t1's (three F_q products each, lane by lane as in RawProducts),
        // and products 4–5 are one more F_q group (their p0, p1, p2 side by side), instead of a third F_q2 group.
        Fq6Operand(sxRe, Fq6First0, Fq6Second0, out Fr8 a2r); Fq6Operand(sxIm, Fq6First0, Fq6Second0, out Fr8 a2i);
        Fq6Operand(syRe, Fq6First0, Fq6Second0, out Fr8 b2r); Fq6Operand(syIm, Fq6First0, Fq6Second0, out Fr8 b2i);
        Fr8 g0Re, g0Im, g1Re, g1Im;
        {
            Fq6OperandWithTail(xRe, a2r, Fq6First0Tail01, Fq6Second0, out Fr8 ar); Fq6OperandWithTail(xIm, a2i, Fq6First0Tail01, Fq6Second0, out Fr8 ai);
            Fq6OperandWithTail(yRe, b2r, Fq6First0Tail01, Fq6Second0, out Fr8 br); Fq6OperandWithTail(yIm, b2i, Fq6First0Tail01, Fq6Second0, out Fr8 bi);
            RawProducts(ar, ai, br, bi, out g0Re, out g0Im);
        }
        {
            Fq6OperandWithTail(xRe, a2r, Fq6First3Tail23, Fq6Second3, out Fr8 ar); Fq6OperandWithTail(xIm, a2i, Fq6First3Tail23, Fq6Second3, out Fr8 ai);
            Fq6OperandWithTail(yRe, b2r, Fq6First3Tail23, Fq6Second3, out Fr8 br); Fq6OperandWithTail(yIm, b2i, Fq6First3Tail23, Fq6Second3, out Fr8 bi);
            RawProducts(ar, ai, br, bi, out g1Re, out g1Im);
        }
        TailProducts(a2r, a2i, b2r, b2i, out Fr8 g2Re, out Fr8 g2Im);
        // t2's six products into lanes 0–5: 0–1 from g0's lanes 6–7, 2–3 from g1's, 4–5 from the extra group.
        GatherT2(g0Re, g1Re, ref g2Re);
        GatherT2(g0Im, g1Im, ref g2Im);
        CombineFq6Lanes(ref g0Re, ref g0Im, out Fr8 t0Re, out Fr8 t0Im);
        CombineFq6Lanes(ref g1Re, ref g1Im, out Fr8 t1Re, out Fr8 t1Im);
        CombineFq6Lanes(ref g2Re, ref g2Im, out Fr8 t2Re, out Fr8 t2Im);

        CombineFq12Product(ref t0Re, ref t0Im, ref t1Re, ref t1Im, ref t2Re, ref t2Im, re, im);
    }

    /// <summary>
    /// r0 = t0 + v·t1, r1 = t2 − t0 − t1 from the three unreduced F_q6 products, reduced and stored (entries 0–5).
    /// A call of its own: inside <see cref="MultiplyFq12"/> it pushed the kernel past the JIT's inlining budget and the
    /// reductions became calls.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void CombineFq12Product(ref Fr8 t0Re, ref Fr8 t0Im, ref Fr8 t1Re, ref Fr8 t1Im, ref Fr8 t2Re, ref Fr8 t2Im,
        Span<U256> re, Span<U256> im)
    {
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

    /// <summary>
    /// t2's F_q2 products 4 and 5 as one F_q group (p0 = x0·y0 in lanes 0–1, p1 = x1·y1 in 2–3, p2 = (x0 + x1)(y0 + y1)
    /// in 4–5, from t2's operand lanes 4–5), left unreduced like <see cref="RawProducts"/>: re = p0 − p1 and
    /// im = p2 − p0 − p1 in lanes 4–5 (same values, same ranges: the sums are formed the same way).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void TailProducts(in Fr8 ar, in Fr8 ai, in Fr8 br, in Fr8 bi, out Fr8 re, out Fr8 im)
    {
        TailOperand(ar, ai, out Fr8 a);
        TailOperand(br, bi, out Fr8 b);
        MulLazy(a, b, out Fr8 p);
        Normalize(ref p);
        Unsafe.SkipInit(out re); Unsafe.SkipInit(out im); // every limb is written below (zeroing cost a MEMZERO call)
        Span<Vector512<ulong>> l = Limbs(ref p), oRe = Limbs(ref re), oIm = Limbs(ref im);
        for (int k = 0; k < 9; k++)
        {
            Vector512<ulong> p0 = Avx512F.PermuteVar8x64(l[k], TailP0), p1 = Avx512F.PermuteVar8x64(l[k], TailP1);
            oRe[k] = p0 - p1;
            oIm[k] = l[k] - p0 - p1;
        }
    }

    /// <summary>Lanes 0–1 re parts x0, 2–3 im parts x1, 4–5 x0 + x1 (limbs below 2^30), of operand lanes 4–5.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void TailOperand(in Fr8 re, in Fr8 im, out Fr8 r)
    {
        Vector512<ulong> second = TailSecond, lanes45 = Lanes45;
        r.L0 = Avx512F.PermuteVar8x64x2(re.L0, TailFirst, im.L0) + (Avx512F.PermuteVar8x64(im.L0, second) & lanes45);
        r.L1 = Avx512F.PermuteVar8x64x2(re.L1, TailFirst, im.L1) + (Avx512F.PermuteVar8x64(im.L1, second) & lanes45);
        r.L2 = Avx512F.PermuteVar8x64x2(re.L2, TailFirst, im.L2) + (Avx512F.PermuteVar8x64(im.L2, second) & lanes45);
        r.L3 = Avx512F.PermuteVar8x64x2(re.L3, TailFirst, im.L3) + (Avx512F.PermuteVar8x64(im.L3, second) & lanes45);
        r.L4 = Avx512F.PermuteVar8x64x2(re.L4, TailFirst, im.L4) + (Avx512F.PermuteVar8x64(im.L4, second) & lanes45);
        r.L5 = Avx512F.PermuteVar8x64x2(re.L5, TailFirst, im.L5) + (Avx512F.PermuteVar8x64(im.L5, second) & lanes45);
        r.L6 = Avx512F.PermuteVar8x64x2(re.L6, TailFirst, im.L6) + (Avx512F.PermuteVar8x64(im.L6, second) & lanes45);
        r.L7 = Avx512F.PermuteVar8x64x2(re.L7, TailFirst, im.L7) + (Avx512F.PermuteVar8x64(im.L7, second) & lanes45);
        r.L8 = Avx512F.PermuteVar8x64x2(re.L8, TailFirst, im.L8) + (Avx512F.PermuteVar8x64(im.L8, second) & lanes45);
    }

    /// <summary>t2's products into lanes 0–5 of <paramref name="tail"/>: g0's lanes 6–7, g1's lanes 6–7, tail's own 4–5.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void GatherT2(in Fr8 g0, in Fr8 g1, ref Fr8 tail)
    {
        Vector512<ulong> idx = GatherT2Lanes, keep = Lanes45;
        tail.L0 = Vector512.ConditionalSelect(keep, tail.L0, Avx512F.PermuteVar8x64x2(g0.L0, idx, g1.L0));
        tail.L1 = Vector512.ConditionalSelect(keep, tail.L1, Avx512F.PermuteVar8x64x2(g0.L1, idx, g1.L1));
        tail.L2 = Vector512.ConditionalSelect(keep, tail.L2, Avx512F.PermuteVar8x64x2(g0.L2, idx, g1.L2));
        tail.L3 = Vector512.ConditionalSelect(keep, tail.L3, Avx512F.PermuteVar8x64x2(g0.L3, idx, g1.L3));
        tail.L4 = Vector512.ConditionalSelect(keep, tail.L4, Avx512F.PermuteVar8x64x2(g0.L4, idx, g1.L4));
        tail.L5 = Vector512.ConditionalSelect(keep, tail.L5, Avx512F.PermuteVar8x64x2(g0.L5, idx, g1.L5));
        tail.L6 = Vector512.ConditionalSelect(keep, tail.L6, Avx512F.PermuteVar8x64x2(g0.L6, idx, g1.L6));
        tail.L7 = Vector512.ConditionalSelect(keep, tail.L7, Avx512F.PermuteVar8x64x2(g0.L7, idx, g1.L7));
        tail.L8 = Vector512.ConditionalSelect(keep, tail.L8, Avx512F.PermuteVar8x64x2(g0.L8, idx, g1.L8));
    }
}
