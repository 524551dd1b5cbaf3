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

    /// <summary>
    /// a² = (p − t − v·t) + 2t·w for a = a0 + a1·w, with t = a0·a1 (group 0, entries 0–5 of the operand spans) and
    /// p = (a0 + a1)(a0 + v·a1) (group 1, entries 8–13), operand pairs in the order of Fq6.QueueProduct, all reduced.
    /// Entries 6, 7, 14, 15 are four independent F_q2 products. Results (reduced) over <paramref name="x0"/>
    /// (real parts) and <paramref name="x1"/> (imaginary parts): a²'s six coefficients in entries 0–5 (c0's three,
    /// then c1's), the four extra products in entries 6, 7, 14, 15.
    /// </summary>
    public static void SquareFq12(Span<U256> x0, Span<U256> x1, ReadOnlySpan<U256> y0, ReadOnlySpan<U256> y1)
    {
        Check(16, x0.Length, x1.Length, y0.Length, y1.Length, 16, 16);
        RawProductLanes(x0, x1, y0, y1, 0, out Fr8 g0Re, out Fr8 g0Im);
        CombineFq6Lanes(ref g0Re, ref g0Im, out Fr8 tRe, out Fr8 tIm);
        RawProductLanes(x0, x1, y0, y1, 8, out Fr8 g1Re, out Fr8 g1Im);
        CombineFq6Lanes(ref g1Re, ref g1Im, out Fr8 pRe, out Fr8 pIm);

        // Units of q (interval bounds): c0 = p − t − v·t in (−788, 822) real, (−1126, 984) imaginary; 2t and the raw
        // extra products well inside. Adding 2048q makes every total positive and below 3072q (ReduceSmallMultiple
        // takes up to 4096q); limbs stay below 2^42 in absolute value.
        Fr8 outRe = default, outIm = default, extraRe = default, extraIm = default;
        Span<Vector512<ulong>> aRe = Limbs(ref tRe), aIm = Limbs(ref tIm), bRe = Limbs(ref pRe), bIm = Limbs(ref pIm);
        Span<Vector512<ulong>> r0Re = Limbs(ref g0Re), r0Im = Limbs(ref g0Im), r1Re = Limbs(ref g1Re), r1Im = Limbs(ref g1Im);
        Span<Vector512<ulong>> oRe = Limbs(ref outRe), oIm = Limbs(ref outIm), eRe = Limbs(ref extraRe), eIm = Limbs(ref extraIm);
        ReadOnlySpan<ulong> q = [Q0, Q1, Q2, Q3, Q4, Q5, Q6, Q7, Q8];
        for (int k = 0; k < 9; k++)
        {
            Vector512<ulong> vRe = Avx512F.PermuteVar8x64(aRe[k], TimesV), vIm = Avx512F.PermuteVar8x64(aIm[k], TimesV);
            Vector512<ulong> c0Re = bRe[k] - aRe[k] - Vector512.ConditionalSelect(Lane0, Times9(vRe) - vIm, vRe);
            Vector512<ulong> c0Im = bIm[k] - aIm[k] - Vector512.ConditionalSelect(Lane0, Times9(vIm) + vRe, vIm);
            Vector512<ulong> c1Re = Avx512F.PermuteVar8x64(aRe[k] << 1, ToUpperHalf), c1Im = Avx512F.PermuteVar8x64(aIm[k] << 1, ToUpperHalf);
            Vector512<ulong> offset = Vector512.Create(2048 * q[k]);
            oRe[k] = Vector512.ConditionalSelect(Lanes012, c0Re, Vector512.ConditionalSelect(Lanes67, r0Re[k], c1Re)) + offset;
            oIm[k] = Vector512.ConditionalSelect(Lanes012, c0Im, Vector512.ConditionalSelect(Lanes67, r0Im[k], c1Im)) + offset;
            eRe[k] = r1Re[k] + offset;
            eIm[k] = r1Im[k] + offset;
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
}
