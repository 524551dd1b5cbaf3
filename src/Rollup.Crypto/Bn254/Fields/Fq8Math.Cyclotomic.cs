using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Rollup.Crypto.Bn254.Fields;

/// <summary>
/// The cyclotomic squaring's eight F_q2 squares and its six output combinations in one call, so that the
/// combinations (3(x² + ξy²) − 2a and the like, see <see cref="Towers.Fq12.CyclotomicSquare"/>) run in the
/// vector unit on the 29-bit limbs instead of as six scalar calls with their own carry chains and reductions.
/// The combinations mix lanes (x² and y² of one F_q4 square sit in different lanes), which permutes gather
/// into the six output lanes; each output is then formed limb by limb without carries and reduced once
/// (one carry pass, a quotient estimated from the top limb, one conditional subtraction).
/// </summary>
internal static partial class Fq8Math
{
    // Input lanes (the values squared): 0 a0, 1 a1, 2 a0 + a1, 3 b0, 4 b1, 5 b0 + b1, 6 c0, 7 c1.
    // Output lanes: 0 na0, 1 nc0, 2 nb1 (= 3(x² + ξy²) − 2·input) and 3 na1, 4 nc1 (= 3((x + y)² − x² − y²) + 2·input),
    // 5 nb0 (= 3ξ((c0 + c1)² − c0² − c1²) + 2b0); lanes 6 and 7 are not meaningful.
    private static readonly Vector512<ulong> FirstTerm = Vector512.Create(0UL, 3, 6, 2, 5, 0, 0, 0);   // x², (x + y)²; lane 5 takes (c0 + c1)²
    private static readonly Vector512<ulong> SecondTerm = Vector512.Create(1UL, 4, 7, 0, 3, 6, 0, 0);  // y², x²
    private static readonly Vector512<ulong> ThirdTerm = Vector512.Create(0UL, 0, 0, 1, 4, 7, 0, 0);   // —, y²
    private static readonly Vector512<ulong> InputTerm = Vector512.Create(0UL, 6, 4, 1, 7, 3, 0, 0);   // a0, c0, b1, a1, c1, b0
    private static readonly Vector512<ulong> XiSumLanes = Vector512.Create(ulong.MaxValue, ulong.MaxValue, ulong.MaxValue, 0, 0, 0, 0, 0);
    private static readonly Vector512<ulong> XiOutputLane = Vector512.Create(0, 0, 0, 0, 0, ulong.MaxValue, 0, 0);

    /// <summary>
    /// Granger–Scott squaring of an element of the cyclotomic subgroup, given as its eight squared values
    /// (lanes of <paramref name="x0"/>, <paramref name="x1"/>: see the layout above, all reduced) and the ninth
    /// square (c0 + c1)² = <paramref name="sc0"/> + <paramref name="sc1"/>·u (reduced), computed by the caller.
    /// The six outputs (reduced) are written over lanes 0–5 of <paramref name="x0"/> (real parts) and
    /// <paramref name="x1"/> (imaginary parts).
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)] // a kernel is its own method: inlined into a caller it overran the JIT's inlining budget
    public static void CyclotomicSquare(Span<U256> x0, Span<U256> x1, in U256 sc0, in U256 sc1)
    {
        Check(8, x0.Length, x1.Length, 8, 8, 8, 8);
        Load(x0, 0, out var w0, out var w1, out var w2, out var w3);
        Fr8Math.Split(w0, w1, w2, w3, out Fr8 a0);
        Fr8Math.SplitTimes32(w0, w1, w2, w3, out Fr8 c0);
        Load(x1, 0, out w0, out w1, out w2, out w3);
        Fr8Math.Split(w0, w1, w2, w3, out Fr8 a1);
        Fr8Math.SplitTimes32(w0, w1, w2, w3, out Fr8 c1);
        SquareLanes(a0, a1, c0, c1, out Fr8 re, out Fr8 im);

        Fr8Math.Split(Vector512.Create(sc0.L0), Vector512.Create(sc0.L1), Vector512.Create(sc0.L2), Vector512.Create(sc0.L3), out Fr8 scRe);
        Fr8Math.Split(Vector512.Create(sc1.L0), Vector512.Create(sc1.L1), Vector512.Create(sc1.L2), Vector512.Create(sc1.L3), out Fr8 scIm);

        Combine(re, im, a0, a1, scRe, scIm, out Fr8 outRe, out Fr8 outIm);
        ReduceSmallMultiple(ref outRe);
        ReduceSmallMultiple(ref outIm);
        Store(x0, 0, outRe);
        Store(x1, 0, outIm);
    }

    /// <summary>
    /// The six output combinations of a cyclotomic square from its eight squares (<paramref name="re"/>,
    /// <paramref name="im"/>, reduced), its inputs (<paramref name="a0"/>, <paramref name="a1"/>: the squared values,
    /// reduced, in the input layout above) and the ninth square, read from lane 5 of <paramref name="scRe"/> and
    /// <paramref name="scIm"/> (reduced); outputs in the output layout, limbs not carried (a total in (7q, 99q)).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Combine(in Fr8 re, in Fr8 im, in Fr8 a0, in Fr8 a1, in Fr8 scRe, in Fr8 scIm, out Fr8 outRe, out Fr8 outIm)
    {
        // Every limb is written in the loop below: no zeroing (as "= default" it cost a 576-byte MEMZERO per Fr8).
        Unsafe.SkipInit(out outRe);
        Unsafe.SkipInit(out outIm);
        ReadOnlySpan<Vector512<ulong>> sRe = ReadLimbs(re), sIm = ReadLimbs(im), inRe = ReadLimbs(a0), inIm = ReadLimbs(a1);
        ReadOnlySpan<Vector512<ulong>> cRe = ReadLimbs(scRe), cIm = ReadLimbs(scIm);
        Span<Vector512<ulong>> oRe = Limbs(ref outRe), oIm = Limbs(ref outIm);
        ReadOnlySpan<ulong> q = [Q0, Q1, Q2, Q3, Q4, Q5, Q6, Q7, Q8];
        for (int k = 0; k < 9; k++)
        {
            // Every term below is a limb below 2^29 (normalized, reduced values) times a coefficient of at most 90
            // in absolute value: limbs stay within ±2^36, exact in 64-bit lanes read as signed.
            Vector512<ulong> s1Re = Vector512.ConditionalSelect(XiOutputLane, cRe[k], Avx512F.PermuteVar8x64(sRe[k], FirstTerm));
            Vector512<ulong> s1Im = Vector512.ConditionalSelect(XiOutputLane, cIm[k], Avx512F.PermuteVar8x64(sIm[k], FirstTerm));
            Vector512<ulong> s2Re = Avx512F.PermuteVar8x64(sRe[k], SecondTerm), s2Im = Avx512F.PermuteVar8x64(sIm[k], SecondTerm);
            Vector512<ulong> s3Re = Avx512F.PermuteVar8x64(sRe[k], ThirdTerm), s3Im = Avx512F.PermuteVar8x64(sIm[k], ThirdTerm);
            Vector512<ulong> twiceInRe = Avx512F.PermuteVar8x64(inRe[k], InputTerm) << 1;
            Vector512<ulong> twiceInIm = Avx512F.PermuteVar8x64(inIm[k], InputTerm) << 1;

            // Lanes 0–2: x² + ξy² (ξ = 9 + u: ξ(r + iu) = (9r − i) + (9i + r)u); lanes 3–5: (x + y)² − x² − y².
            Vector512<ulong> sumRe = Vector512.ConditionalSelect(XiSumLanes, s1Re + Times9(s2Re) - s2Im, s1Re - s2Re - s3Re);
            Vector512<ulong> sumIm = Vector512.ConditionalSelect(XiSumLanes, s1Im + Times9(s2Im) + s2Re, s1Im - s2Im - s3Im);
            // Lane 5 multiplies its difference by ξ.
            Vector512<ulong> zRe = Vector512.ConditionalSelect(XiOutputLane, Times9(sumRe) - sumIm, sumRe);
            Vector512<ulong> zIm = Vector512.ConditionalSelect(XiOutputLane, Times9(sumIm) + sumRe, sumIm);

            // 3z ∓ 2·input + 64q: the totals are in (−57q, 35q) before the offset, so in (7q, 99q) after it.
            Vector512<ulong> offset = Vector512.Create(64 * q[k]);
            oRe[k] = zRe + (zRe << 1) + Vector512.ConditionalSelect(XiSumLanes, offset - twiceInRe, offset + twiceInRe);
            oIm[k] = zIm + (zIm << 1) + Vector512.ConditionalSelect(XiSumLanes, offset - twiceInIm, offset + twiceInIm);
        }
    }
}
