using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Rollup.Crypto.Bn254.Fields;

/// <summary>
/// The F_q12 (complex) square from operand to result in one call, like <see cref="MultiplyFq12"/>, with the two free
/// lanes of each group carrying four unrelated F_q2 products (the Miller loop's point doubling fills them).
/// </summary>
internal static partial class Fq8Math
{
    private static readonly Vector512<ulong> Lanes67 = Vector512.Create(0, 0, 0, 0, 0, 0, ulong.MaxValue, ulong.MaxValue);

    // Group operands: the Karatsuba operands of an F_q6 factor in lanes 0–5 (see Fq6First0 etc.), and in lanes 6–7
    // two entries of the extras vector (indices 8–15 pick from PermuteVar8x64x2's second source).
    private static readonly Vector512<ulong> SquareX0 = Vector512.Create(0UL, 1, 2, 1, 0, 0, 8, 9);
    private static readonly Vector512<ulong> SquareY0 = Vector512.Create(3UL, 4, 5, 4, 3, 3, 12, 13);
    private static readonly Vector512<ulong> SquareX1 = Vector512.Create(0UL, 1, 2, 1, 0, 0, 10, 11);
    private static readonly Vector512<ulong> SquareY1 = Vector512.Create(0UL, 1, 2, 1, 0, 0, 14, 15);

    /// <summary>
    /// a² = (p − t − v·t) + 2t·w for a = a0 + a1·w, with t = a0·a1 (group 0) and p = (a0 + a1)(a0 + v·a1) (group 1).
    /// Inputs (reduced, 8 entries each): a's six F_q2 coefficients (a0's three, then a1's) in <paramref name="aRe"/>,
    /// <paramref name="aIm"/>; a0 + v·a1 in entries 0–2 of <paramref name="wRe"/>, <paramref name="wIm"/>; four extra
    /// F_q2 products u_j·v_j, u_j in entries 0–3 and v_j in 4–7 of <paramref name="eRe"/>, <paramref name="eIm"/>, which
    /// ride in the groups' free lanes 6–7. The Karatsuba sums (a0 + a1 and the F_q6 pair sums) are formed in the lanes.
    /// Results (reduced) in <paramref name="re"/>, <paramref name="im"/> (16 entries): a²'s six coefficients in 0–5
    /// (c0's three, then c1's), u_j·v_j in entries 6, 7, 14, 15.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)] // a kernel is its own method: inlined into a caller it overran the JIT's inlining budget
    public static void SquareFq12(ReadOnlySpan<U256> aRe, ReadOnlySpan<U256> aIm, ReadOnlySpan<U256> wRe, ReadOnlySpan<U256> wIm,
        ReadOnlySpan<U256> eRe, ReadOnlySpan<U256> eIm, Span<U256> re, Span<U256> im)
    {
        Check(8, aRe.Length, aIm.Length, wRe.Length, wIm.Length, eRe.Length, eIm.Length);
        Check(16, re.Length, im.Length, 16, 16, 16, 16);
        Load(aRe, 0, out var w0, out var w1, out var w2, out var w3);
        Fr8Math.Split(w0, w1, w2, w3, out Fr8 xRe);
        Fr8Math.SplitTimes32(w0, w1, w2, w3, out Fr8 x32Re);
        Load(aIm, 0, out w0, out w1, out w2, out w3);
        Fr8Math.Split(w0, w1, w2, w3, out Fr8 xIm);
        Fr8Math.SplitTimes32(w0, w1, w2, w3, out Fr8 x32Im);
        Load(wRe, 0, out w0, out w1, out w2, out w3);
        Fr8Math.SplitTimes32(w0, w1, w2, w3, out Fr8 y32Re);
        Load(wIm, 0, out w0, out w1, out w2, out w3);
        Fr8Math.SplitTimes32(w0, w1, w2, w3, out Fr8 y32Im);
        Load(eRe, 0, out w0, out w1, out w2, out w3);
        Fr8Math.Split(w0, w1, w2, w3, out Fr8 uRe);
        Fr8Math.SplitTimes32(w0, w1, w2, w3, out Fr8 u32Re);
        Load(eIm, 0, out w0, out w1, out w2, out w3);
        Fr8Math.Split(w0, w1, w2, w3, out Fr8 uIm);
        Fr8Math.SplitTimes32(w0, w1, w2, w3, out Fr8 u32Im);

        Fr8 g0Re, g0Im, g1Re, g1Im;
        {
            // t = a0·a1: first factors a0 (lanes 0–2 of x), second factors a1 (lanes 3–5 of 32·x).
            Fq6OperandWithTail(xRe, uRe, SquareX0, Fq6Second0, out Fr8 ar); Fq6OperandWithTail(xIm, uIm, SquareX0, Fq6Second0, out Fr8 ai);
            Fq6OperandWithTail(x32Re, u32Re, SquareY0, Fq6Second3, out Fr8 br); Fq6OperandWithTail(x32Im, u32Im, SquareY0, Fq6Second3, out Fr8 bi);
            RawProducts(ar, ai, br, bi, out g0Re, out g0Im);
        }
        {
            // p = (a0 + a1)(a0 + v·a1).
            HalvesSum(xRe, 1, out Fr8 sRe); HalvesSum(xIm, 1, out Fr8 sIm);
            Fq6OperandWithTail(sRe, uRe, SquareX1, Fq6Second0, out Fr8 ar); Fq6OperandWithTail(sIm, uIm, SquareX1, Fq6Second0, out Fr8 ai);
            Fq6OperandWithTail(y32Re, u32Re, SquareY1, Fq6Second0, out Fr8 br); Fq6OperandWithTail(y32Im, u32Im, SquareY1, Fq6Second0, out Fr8 bi);
            RawProducts(ar, ai, br, bi, out g1Re, out g1Im);
        }
        CombineFq6Lanes(ref g0Re, ref g0Im, out Fr8 tRe, out Fr8 tIm);
        CombineFq6Lanes(ref g1Re, ref g1Im, out Fr8 pRe, out Fr8 pIm);

        CombineSquareFq12(ref tRe, ref tIm, ref pRe, ref pIm, ref g0Re, ref g0Im, ref g1Re, ref g1Im, re, im);
    }

    /// <summary> The recombination, reduction and stores of <see cref="SquareFq12"/>: a call of its own, so that the kernel stays within the JIT's inlining budget (inside it, the reductions and stores were calls). </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void CombineSquareFq12(ref Fr8 tRe, ref Fr8 tIm, ref Fr8 pRe, ref Fr8 pIm, ref Fr8 g0Re, ref Fr8 g0Im, ref Fr8 g1Re, ref Fr8 g1Im, Span<U256> re, Span<U256> im)
    {
        // Units of q (interval bounds from the products' (−2, 2) / (−5, 5), see RawProducts): t and p in (−71, 71) real,
        // (−146, 146) imaginary; c0 = p − t − v·t within (−927, 927) / (−1677, 1677); 2t and the raw extra products well
        // inside. Adding 2048q makes every total positive and below 3800q (ReduceSmallMultiple takes up to 4096q);
        // limbs stay below 2^42 in absolute value.
        // Every limb is written in the loop below: no zeroing (as "= default" it cost a 576-byte MEMZERO per Fr8).
        Unsafe.SkipInit(out Fr8 outRe);
        Unsafe.SkipInit(out Fr8 outIm);
        Unsafe.SkipInit(out Fr8 extraRe);
        Unsafe.SkipInit(out Fr8 extraIm);
        Span<Vector512<ulong>> tR = Limbs(ref tRe), tI = Limbs(ref tIm), pR = Limbs(ref pRe), pI = Limbs(ref pIm);
        Span<Vector512<ulong>> r0Re = Limbs(ref g0Re), r0Im = Limbs(ref g0Im), r1Re = Limbs(ref g1Re), r1Im = Limbs(ref g1Im);
        Span<Vector512<ulong>> oRe = Limbs(ref outRe), oIm = Limbs(ref outIm), xtRe = Limbs(ref extraRe), xtIm = Limbs(ref extraIm);
        ReadOnlySpan<ulong> q = [Q0, Q1, Q2, Q3, Q4, Q5, Q6, Q7, Q8];
        for (int k = 0; k < 9; k++)
        {
            Vector512<ulong> vRe = Avx512F.PermuteVar8x64(tR[k], TimesV), vIm = Avx512F.PermuteVar8x64(tI[k], TimesV);
            Vector512<ulong> c0Re = pR[k] - tR[k] - Vector512.ConditionalSelect(Lane0, Times9(vRe) - vIm, vRe);
            Vector512<ulong> c0Im = pI[k] - tI[k] - Vector512.ConditionalSelect(Lane0, Times9(vIm) + vRe, vIm);
            Vector512<ulong> c1Re = Avx512F.PermuteVar8x64(tR[k] << 1, ToUpperHalf), c1Im = Avx512F.PermuteVar8x64(tI[k] << 1, ToUpperHalf);
            Vector512<ulong> offset = Vector512.Create(2048 * q[k]);
            oRe[k] = Vector512.ConditionalSelect(Lanes012, c0Re, Vector512.ConditionalSelect(Lanes67, r0Re[k], c1Re)) + offset;
            oIm[k] = Vector512.ConditionalSelect(Lanes012, c0Im, Vector512.ConditionalSelect(Lanes67, r0Im[k], c1Im)) + offset;
            xtRe[k] = r1Re[k] + offset;
            xtIm[k] = r1Im[k] + offset;
        }
        ReduceSmallMultiple(ref outRe);
        ReduceSmallMultiple(ref outIm);
        ReduceSmallMultiple(ref extraRe);
        ReduceSmallMultiple(ref extraIm);
        Store(re, 0, outRe);
        Store(im, 0, outIm);
        Store(re, 8, extraRe);
        Store(im, 8, extraIm);
    }

    /// <summary>
    /// Like <see cref="Fq6Operand"/>, with lanes 6–7 taken from <paramref name="tail"/> (indices 8–15 of
    /// <paramref name="first"/> select from it); tail's lanes reduced, normalized.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Fq6OperandWithTail(in Fr8 x, in Fr8 tail, Vector512<ulong> first, Vector512<ulong> second, out Fr8 r)
    {
        Vector512<ulong> upper = Lanes345;
        r.L0 = Avx512F.PermuteVar8x64x2(x.L0, first, tail.L0) + (Avx512F.PermuteVar8x64(x.L0, second) & upper);
        r.L1 = Avx512F.PermuteVar8x64x2(x.L1, first, tail.L1) + (Avx512F.PermuteVar8x64(x.L1, second) & upper);
        r.L2 = Avx512F.PermuteVar8x64x2(x.L2, first, tail.L2) + (Avx512F.PermuteVar8x64(x.L2, second) & upper);
        r.L3 = Avx512F.PermuteVar8x64x2(x.L3, first, tail.L3) + (Avx512F.PermuteVar8x64(x.L3, second) & upper);
        r.L4 = Avx512F.PermuteVar8x64x2(x.L4, first, tail.L4) + (Avx512F.PermuteVar8x64(x.L4, second) & upper);
        r.L5 = Avx512F.PermuteVar8x64x2(x.L5, first, tail.L5) + (Avx512F.PermuteVar8x64(x.L5, second) & upper);
        r.L6 = Avx512F.PermuteVar8x64x2(x.L6, first, tail.L6) + (Avx512F.PermuteVar8x64(x.L6, second) & upper);
        r.L7 = Avx512F.PermuteVar8x64x2(x.L7, first, tail.L7) + (Avx512F.PermuteVar8x64(x.L7, second) & upper);
        r.L8 = Avx512F.PermuteVar8x64x2(x.L8, first, tail.L8) + (Avx512F.PermuteVar8x64(x.L8, second) & upper);
        Normalize(ref r);
    }
}
