using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Rollup.Crypto.Bn254.Fields;

/// <summary>
/// The Miller loop's sparse product f·(a + b·w + c·w^3) from operands to result in one call, like
/// <see cref="MultiplyFq12"/>: 13 F_q2 products in two groups, the three free lanes carrying unrelated F_q2
/// products (the point arithmetic of the same step).
/// </summary>
internal static partial class Fq8Math
{
    // MulBy01 (Fq6.WriteMulBy01Lanes' five products P0..P4 in lanes 0–4): c0 = ξP2 + P0, c1 = P3 − P0 − P1, c2 = P4 + P1,
    // i.e. lane j (0–2) is X ± Y − Z with X = P2, P3, P4 (ξ in lane 0), Y = P0, P0, P1 (subtracted in lane 1),
    // Z = P1 in lane 1 only.
    private static readonly Vector512<ulong> By01X = Vector512.Create(2UL, 3, 4, 0, 0, 0, 0, 0);
    private static readonly Vector512<ulong> By01Y = Vector512.Create(0UL, 0, 1, 0, 0, 0, 0, 0);
    private static readonly Vector512<ulong> By01Z = Vector512.Create(0UL, 1, 0, 0, 0, 0, 0, 0);
    // The three products f.C0·a sit in lanes 5–7 of group 0: to lanes 0–2.
    private static readonly Vector512<ulong> UpperThreeDown = Vector512.Create(5UL, 6, 7, 0, 0, 0, 0, 0);

    /// <summary>
    /// r = f·(a + b·w + c·w^3) = t0 + v·t1 + (t2 − t0 − t1)·w with t0 = f0·a, t1 = f1·(b + c·v) (MulBy01),
    /// t2 = (f0 + f1)·((a + b) + c·v) (MulBy01). Operand spans of 16 entries, all reduced: entries 0–4 t1's five
    /// operand pairs (Fq6.WriteMulBy01Lanes' order), 5–7 (f0's coefficients, a), 8–12 t2's five pairs, 13–15 three
    /// independent F_q2 products. Results (reduced) over <paramref name="x0"/> (real parts) and <paramref name="x1"/>
    /// (imaginary parts): r's six coefficients in entries 0–5 (r0's three, then r1's), the extra products in 13–15.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)] // a kernel is its own method: inlined into a caller it overran the JIT's inlining budget
    public static void MultiplyByLine(Span<U256> x0, Span<U256> x1, ReadOnlySpan<U256> y0, ReadOnlySpan<U256> y1)
    {
        Check(16, x0.Length, x1.Length, y0.Length, y1.Length, 16, 16);
        RawProductLanes(x0, x1, y0, y1, 0, out Fr8 g0Re, out Fr8 g0Im);
        CombineMulBy01Lanes(ref g0Re, ref g0Im, out Fr8 t1Re, out Fr8 t1Im);
        RawProductLanes(x0, x1, y0, y1, 8, out Fr8 g1Re, out Fr8 g1Im);
        CombineMulBy01Lanes(ref g1Re, ref g1Im, out Fr8 t2Re, out Fr8 t2Im);

        CombineLineProduct(ref g0Re, ref g0Im, ref g1Re, ref g1Im, ref t1Re, ref t1Im, ref t2Re, ref t2Im, x0, x1);
    }

    /// <summary> The recombination, reduction and stores of <see cref="MultiplyByLine"/>: a call of its own, so that the kernel stays within the JIT's inlining budget (inside it, the reductions and stores were calls). </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void CombineLineProduct(ref Fr8 g0Re, ref Fr8 g0Im, ref Fr8 g1Re, ref Fr8 g1Im, ref Fr8 t1Re, ref Fr8 t1Im, ref Fr8 t2Re, ref Fr8 t2Im, Span<U256> x0, Span<U256> x1)
    {
        // Units of q (interval bounds): raw products (−2, 2) real, (−4, 2) imaginary; t1, t2 (−22, 24) / (−42, 22);
        // r0 (−222, 260) / (−404, 224); r1 (−48, 48) / (−66, 68). Adding 1024q makes every total positive and below
        // 1300q (ReduceSmallMultiple takes up to 4096q); limbs stay below 2^40 in absolute value.
        // Every limb is written in the loop below: no zeroing (as "= default" it cost a 576-byte MEMZERO per Fr8).
        Unsafe.SkipInit(out Fr8 outRe);
        Unsafe.SkipInit(out Fr8 outIm);
        Unsafe.SkipInit(out Fr8 extraRe);
        Unsafe.SkipInit(out Fr8 extraIm);
        Span<Vector512<ulong>> s0Re = Limbs(ref g0Re), s0Im = Limbs(ref g0Im), s1Re = Limbs(ref g1Re), s1Im = Limbs(ref g1Im);
        Span<Vector512<ulong>> aRe = Limbs(ref t1Re), aIm = Limbs(ref t1Im), bRe = Limbs(ref t2Re), bIm = Limbs(ref t2Im);
        Span<Vector512<ulong>> oRe = Limbs(ref outRe), oIm = Limbs(ref outIm), eRe = Limbs(ref extraRe), eIm = Limbs(ref extraIm);
        ReadOnlySpan<ulong> q = [Q0, Q1, Q2, Q3, Q4, Q5, Q6, Q7, Q8];
        for (int k = 0; k < 9; k++)
        {
            Vector512<ulong> t0Re = Avx512F.PermuteVar8x64(s0Re[k], UpperThreeDown), t0Im = Avx512F.PermuteVar8x64(s0Im[k], UpperThreeDown);
            Vector512<ulong> vRe = Avx512F.PermuteVar8x64(aRe[k], TimesV), vIm = Avx512F.PermuteVar8x64(aIm[k], TimesV);
            Vector512<ulong> r0Re = t0Re + Vector512.ConditionalSelect(Lane0, Times9(vRe) - vIm, vRe);
            Vector512<ulong> r0Im = t0Im + Vector512.ConditionalSelect(Lane0, Times9(vIm) + vRe, vIm);
            Vector512<ulong> r1Re = Avx512F.PermuteVar8x64(bRe[k] - t0Re - aRe[k], ToUpperHalf);
            Vector512<ulong> r1Im = Avx512F.PermuteVar8x64(bIm[k] - t0Im - aIm[k], ToUpperHalf);
            Vector512<ulong> offset = Vector512.Create(1024 * q[k]);
            oRe[k] = Vector512.ConditionalSelect(Lanes012, r0Re, r1Re) + offset;
            oIm[k] = Vector512.ConditionalSelect(Lanes012, r0Im, r1Im) + offset;
            eRe[k] = s1Re[k] + offset;
            eIm[k] = s1Im[k] + offset;
        }
        ReduceSmallMultiple(ref outRe);
        ReduceSmallMultiple(ref outIm);
        ReduceSmallMultiple(ref extraRe);
        ReduceSmallMultiple(ref extraIm);
        Store(x0, 0, outRe);
        Store(x1, 0, outIm);
        Store(x0, 8, extraRe);
        Store(x1, 8, extraIm);
    }

    /// <summary>
    /// r = f·(1 + b·w + c·w^3) = (f0 + v·t1) + (f1 + t0)·w with t0 = f0·(b + c·v), t1 = f1·(b + c·v) (MulBy01), for
    /// lines scaled to a = 1 (the prepared G2 points). Operand spans of 16 entries, all reduced: entries 0–4 t0's five
    /// operand pairs (Fq6.WriteMulBy01Lanes' order), 5–7 (f1's coefficients, 1), 8–12 t1's five pairs, 13–15 (f0's
    /// coefficients, 1): the products by one bring f into the lanes at the products' scale and range.
    /// Result (reduced): r's six coefficients in entries 0–5 of <paramref name="x0"/> (real parts) and <paramref name="x1"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)] // a kernel is its own method: inlined into a caller it overran the JIT's inlining budget
    public static void MultiplyByNormalizedLine(Span<U256> x0, Span<U256> x1, ReadOnlySpan<U256> y0, ReadOnlySpan<U256> y1)
    {
        Check(16, x0.Length, x1.Length, y0.Length, y1.Length, 16, 16);
        RawProductLanes(x0, x1, y0, y1, 0, out Fr8 g0Re, out Fr8 g0Im);
        CombineMulBy01Lanes(ref g0Re, ref g0Im, out Fr8 t0Re, out Fr8 t0Im);
        RawProductLanes(x0, x1, y0, y1, 8, out Fr8 g1Re, out Fr8 g1Im);
        CombineMulBy01Lanes(ref g1Re, ref g1Im, out Fr8 t1Re, out Fr8 t1Im);

        // Units of q: f's lanes (−2, 2) / (−4, 2), t0, t1 (−22, 24) / (−42, 22), r0 = f0 + v·t1 within
        // (−222, 260) / (−404, 224) as in MultiplyByLine, r1 = f1 + t0 within (−24, 26) / (−46, 24). Adding 1024q
        // makes every total positive and below 1300q.
        // Every limb is written in the loop below: no zeroing (as "= default" it cost a 576-byte MEMZERO per Fr8).
        Unsafe.SkipInit(out Fr8 outRe);
        Unsafe.SkipInit(out Fr8 outIm);
        Span<Vector512<ulong>> s0Re = Limbs(ref g0Re), s0Im = Limbs(ref g0Im), s1Re = Limbs(ref g1Re), s1Im = Limbs(ref g1Im);
        Span<Vector512<ulong>> aRe = Limbs(ref t0Re), aIm = Limbs(ref t0Im), bRe = Limbs(ref t1Re), bIm = Limbs(ref t1Im);
        Span<Vector512<ulong>> oRe = Limbs(ref outRe), oIm = Limbs(ref outIm);
        ReadOnlySpan<ulong> q = [Q0, Q1, Q2, Q3, Q4, Q5, Q6, Q7, Q8];
        for (int k = 0; k < 9; k++)
        {
            Vector512<ulong> vRe = Avx512F.PermuteVar8x64(bRe[k], TimesV), vIm = Avx512F.PermuteVar8x64(bIm[k], TimesV);
            Vector512<ulong> r0Re = Avx512F.PermuteVar8x64(s1Re[k], UpperThreeDown) + Vector512.ConditionalSelect(Lane0, Times9(vRe) - vIm, vRe);
            Vector512<ulong> r0Im = Avx512F.PermuteVar8x64(s1Im[k], UpperThreeDown) + Vector512.ConditionalSelect(Lane0, Times9(vIm) + vRe, vIm);
            Vector512<ulong> r1Re = Avx512F.PermuteVar8x64(Avx512F.PermuteVar8x64(s0Re[k], UpperThreeDown) + aRe[k], ToUpperHalf);
            Vector512<ulong> r1Im = Avx512F.PermuteVar8x64(Avx512F.PermuteVar8x64(s0Im[k], UpperThreeDown) + aIm[k], ToUpperHalf);
            Vector512<ulong> offset = Vector512.Create(1024 * q[k]);
            oRe[k] = Vector512.ConditionalSelect(Lanes012, r0Re, r1Re) + offset;
            oIm[k] = Vector512.ConditionalSelect(Lanes012, r0Im, r1Im) + offset;
        }
        ReduceSmallMultiple(ref outRe);
        ReduceSmallMultiple(ref outIm);
        Store(x0, 0, outRe);
        Store(x1, 0, outIm);
    }

    /// <summary>MulBy01's three coefficients in lanes 0–2 from its five unreduced products in lanes 0–4 (see the layout above).</summary>
    private static void CombineMulBy01Lanes(ref Fr8 productsRe, ref Fr8 productsIm, out Fr8 re, out Fr8 im)
    {
        Unsafe.SkipInit(out re); Unsafe.SkipInit(out im); // every limb is written below (zeroing cost a MEMZERO call)
        Span<Vector512<ulong>> sRe = Limbs(ref productsRe), sIm = Limbs(ref productsIm), oRe = Limbs(ref re), oIm = Limbs(ref im);
        for (int k = 0; k < 9; k++)
        {
            Vector512<ulong> xRe = Avx512F.PermuteVar8x64(sRe[k], By01X), xIm = Avx512F.PermuteVar8x64(sIm[k], By01X);
            Vector512<ulong> yRe = Avx512F.PermuteVar8x64(sRe[k], By01Y), yIm = Avx512F.PermuteVar8x64(sIm[k], By01Y);
            Vector512<ulong> zRe = Avx512F.PermuteVar8x64(sRe[k], By01Z), zIm = Avx512F.PermuteVar8x64(sIm[k], By01Z);
            oRe[k] = Vector512.ConditionalSelect(Lane0, Times9(xRe) - xIm, xRe) + Vector512.ConditionalSelect(Lane1, Vector512<ulong>.Zero - yRe - zRe, yRe);
            oIm[k] = Vector512.ConditionalSelect(Lane0, Times9(xIm) + xRe, xIm) + Vector512.ConditionalSelect(Lane1, Vector512<ulong>.Zero - yIm - zIm, yIm);
        }
    }
}
