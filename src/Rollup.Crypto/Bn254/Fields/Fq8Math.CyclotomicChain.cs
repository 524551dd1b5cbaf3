using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Rollup.Crypto.Bn254.Fields;

/// <summary>
/// Several cyclotomic squares in a row without leaving the vector registers' 29-bit limb form. The exponentiations
/// by u square 4–6 times between two products; one <see cref="CyclotomicSquare"/> call per square spent about a third
/// of its time outside the kernel: packing the F_q12 into lanes and back, the two F_q2 sums of the input layout and
/// the ninth F_q2 square (c0 + c1)² in scalar code. Here the state stays in the kernel's output layout, the next
/// input layout is two lane permutes and an addition, and the ninth square is a third (two-lane) product group.
/// Measured: about 10% less per square in a run of six than one call per square, the final exponentiation
/// ~7% faster (bench/RESULTS.md, pairing round 6). The step is bound by vector ALU work (~2,000 zmm operations:
/// 533 VPMULUDQ, 800 additions), not by the stack traffic of its spilled limb vectors.
/// </summary>
internal static partial class Fq8Math
{
    // From the output layout (0 a0, 1 c0, 2 b1, 3 a1, 4 c1, 5 b0) to the input layout (0 a0, 1 a1, 2 a0 + a1,
    // 3 b0, 4 b1, 5 b0 + b1, 6 c0, 7 c1): the first summand of every input lane, then the second of lanes 2 and 5.
    private static readonly Vector512<ulong> ChainFirst = Vector512.Create(0UL, 3, 0, 5, 2, 5, 1, 4);
    private static readonly Vector512<ulong> ChainSecond = Vector512.Create(0UL, 0, 3, 0, 0, 2, 0, 0);
    private static readonly Vector512<ulong> ChainSumLanes = Vector512.Create(0, 0, ulong.MaxValue, 0, 0, ulong.MaxValue, 0, 0);
    // The ninth square's operand s = c0 + c1 (output lanes 1 and 4) in every lane.
    private static readonly Vector512<ulong> AllLane1 = Vector512.Create(1UL), AllLane4 = Vector512.Create(4UL);
    private static readonly Vector512<ulong> NinthRealLane = Vector512.Create(ulong.MaxValue, 0, 0, 0, 0, 0, 0, 0);
    // Lane 0 (the ninth square's real part) and lane 1 (its imaginary part) into every lane.
    private static readonly Vector512<ulong> AllLane0 = Vector512<ulong>.Zero, AllLane1Index = Vector512.Create(1UL);

    /// <summary>
    /// x ← x^(2^count) for x in the cyclotomic subgroup, given and returned in the output layout of
    /// <see cref="CyclotomicSquare"/> (lanes 0–5 of <paramref name="x0"/>, real parts, and <paramref name="x1"/>,
    /// imaginary parts: a0, c0, b1, a1, c1, b0; reduced). Lanes 6 and 7 are overwritten.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)] // a kernel is its own method: inlined into a caller it overran the JIT's inlining budget
    public static void CyclotomicSquares(Span<U256> x0, Span<U256> x1, int count)
    {
        Check(8, x0.Length, x1.Length, 8, 8, 8, 8);
        Load(x0, 0, out var w0, out var w1, out var w2, out var w3);
        Fr8Math.Split(w0, w1, w2, w3, out Fr8 re);
        Load(x1, 0, out w0, out w1, out w2, out w3);
        Fr8Math.Split(w0, w1, w2, w3, out Fr8 im);
        for (int i = 0; i < count; i++) CyclotomicStep(ref re, ref im);
        Store(x0, 0, re);
        Store(x1, 0, im);
    }

    /// <summary>One cyclotomic square on the state in the output layout (reduced, normalized limbs).</summary>
    private static void CyclotomicStep(ref Fr8 re, ref Fr8 im)
    {
        // The eight values to square, in the input layout; the sums a0 + a1 and b0 + b1 reduced below q.
        ToInputLayout(re, out Fr8 a0);
        ToInputLayout(im, out Fr8 a1);
        Times32(a0, out Fr8 c0);
        Times32(a1, out Fr8 c1);
        SquareLanes(a0, a1, c0, c1, out Fr8 sqRe, out Fr8 sqIm);

        // The ninth square (s0 + s1·u)² with s = c0 + c1: lane 0 gives (s0 + s1)(s0 − s1 + q) ≡ s0² − s1²,
        // lane 1 gives 2s0·s1 (the same two products as SquareLanes, in one group).
        LaneSum(re, out Fr8 s0);
        LaneSum(im, out Fr8 s1);
        NinthOperands(s0, s1, out Fr8 left, out Fr8 right);
        MulLazy(left, right, out Fr8 ninth);
        Finish(ref ninth);
        // Combine reads the ninth square from lane 5: lane 0 (real part) and lane 1 (imaginary part) moved there.
        Fr8 scRe, scIm;
        scRe.L0 = Avx512F.PermuteVar8x64(ninth.L0, AllLane0); scIm.L0 = Avx512F.PermuteVar8x64(ninth.L0, AllLane1Index);
        scRe.L1 = Avx512F.PermuteVar8x64(ninth.L1, AllLane0); scIm.L1 = Avx512F.PermuteVar8x64(ninth.L1, AllLane1Index);
        scRe.L2 = Avx512F.PermuteVar8x64(ninth.L2, AllLane0); scIm.L2 = Avx512F.PermuteVar8x64(ninth.L2, AllLane1Index);
        scRe.L3 = Avx512F.PermuteVar8x64(ninth.L3, AllLane0); scIm.L3 = Avx512F.PermuteVar8x64(ninth.L3, AllLane1Index);
        scRe.L4 = Avx512F.PermuteVar8x64(ninth.L4, AllLane0); scIm.L4 = Avx512F.PermuteVar8x64(ninth.L4, AllLane1Index);
        scRe.L5 = Avx512F.PermuteVar8x64(ninth.L5, AllLane0); scIm.L5 = Avx512F.PermuteVar8x64(ninth.L5, AllLane1Index);
        scRe.L6 = Avx512F.PermuteVar8x64(ninth.L6, AllLane0); scIm.L6 = Avx512F.PermuteVar8x64(ninth.L6, AllLane1Index);
        scRe.L7 = Avx512F.PermuteVar8x64(ninth.L7, AllLane0); scIm.L7 = Avx512F.PermuteVar8x64(ninth.L7, AllLane1Index);
        scRe.L8 = Avx512F.PermuteVar8x64(ninth.L8, AllLane0); scIm.L8 = Avx512F.PermuteVar8x64(ninth.L8, AllLane1Index);

        Combine(sqRe, sqIm, a0, a1, scRe, scIm, out re, out im);
        ReduceSmallMultiple(ref re);
        ReduceSmallMultiple(ref im);
    }

    /// <summary>The output layout to the input layout (see above); lanes 2 and 5 are sums, reduced below q.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void ToInputLayout(in Fr8 x, out Fr8 r)
    {
        r.L0 = Permuted(x.L0); r.L1 = Permuted(x.L1); r.L2 = Permuted(x.L2); r.L3 = Permuted(x.L3); r.L4 = Permuted(x.L4);
        r.L5 = Permuted(x.L5); r.L6 = Permuted(x.L6); r.L7 = Permuted(x.L7); r.L8 = Permuted(x.L8);
        // Limbs below 2^30 and a value below 2q: carry, then one conditional subtraction of q.
        Fr8Math.Normalize(ref r);
        SubtractIfAtLeast(ref r, 1);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        static Vector512<ulong> Permuted(Vector512<ulong> v) =>
            Avx512F.PermuteVar8x64(v, ChainFirst) + (Avx512F.PermuteVar8x64(v, ChainSecond) & ChainSumLanes);
    }

    /// <summary>32·x in normalized limbs (x reduced, so 32x &lt; 2^259 fits the nine limbs).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Times32(in Fr8 x, out Fr8 r)
    {
        r.L0 = x.L0 << 5; r.L1 = x.L1 << 5; r.L2 = x.L2 << 5; r.L3 = x.L3 << 5; r.L4 = x.L4 << 5;
        r.L5 = x.L5 << 5; r.L6 = x.L6 << 5; r.L7 = x.L7 << 5; r.L8 = x.L8 << 5;
        Fr8Math.Normalize(ref r);
    }

    /// <summary>Output lanes 1 + 4 (c0 + c1) in every lane, reduced below q.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void LaneSum(in Fr8 x, out Fr8 r)
    {
        r.L0 = Sum14(x.L0); r.L1 = Sum14(x.L1); r.L2 = Sum14(x.L2); r.L3 = Sum14(x.L3); r.L4 = Sum14(x.L4);
        r.L5 = Sum14(x.L5); r.L6 = Sum14(x.L6); r.L7 = Sum14(x.L7); r.L8 = Sum14(x.L8);
        Fr8Math.Normalize(ref r);
        SubtractIfAtLeast(ref r, 1);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        static Vector512<ulong> Sum14(Vector512<ulong> v) => Avx512F.PermuteVar8x64(v, AllLane1) + Avx512F.PermuteVar8x64(v, AllLane4);
    }

    /// <summary>
    /// The ninth square's factors, as in <see cref="SquareLanes"/>: lane 0 (s0 + s1) and 32(s0 − s1 + q), lane 1
    /// 2s0 and 32·s1 (s0, s1 reduced, in every lane). Left limbs below 2^30 (value below 2q), right normalized
    /// (below 64q).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void NinthOperands(in Fr8 s0, in Fr8 s1, out Fr8 left, out Fr8 right)
    {
        left.L0 = s0.L0 + Vector512.ConditionalSelect(NinthRealLane, s1.L0, s0.L0); left.L1 = s0.L1 + Vector512.ConditionalSelect(NinthRealLane, s1.L1, s0.L1);
        left.L2 = s0.L2 + Vector512.ConditionalSelect(NinthRealLane, s1.L2, s0.L2); left.L3 = s0.L3 + Vector512.ConditionalSelect(NinthRealLane, s1.L3, s0.L3);
        left.L4 = s0.L4 + Vector512.ConditionalSelect(NinthRealLane, s1.L4, s0.L4); left.L5 = s0.L5 + Vector512.ConditionalSelect(NinthRealLane, s1.L5, s0.L5);
        left.L6 = s0.L6 + Vector512.ConditionalSelect(NinthRealLane, s1.L6, s0.L6); left.L7 = s0.L7 + Vector512.ConditionalSelect(NinthRealLane, s1.L7, s0.L7);
        left.L8 = s0.L8 + Vector512.ConditionalSelect(NinthRealLane, s1.L8, s0.L8);

        Fr8 d;
        d.L0 = Vector512.ConditionalSelect(NinthRealLane, s0.L0 - s1.L0 + Vector512.Create(Q0), s1.L0);
        d.L1 = Vector512.ConditionalSelect(NinthRealLane, s0.L1 - s1.L1 + Vector512.Create(Q1), s1.L1);
        d.L2 = Vector512.ConditionalSelect(NinthRealLane, s0.L2 - s1.L2 + Vector512.Create(Q2), s1.L2);
        d.L3 = Vector512.ConditionalSelect(NinthRealLane, s0.L3 - s1.L3 + Vector512.Create(Q3), s1.L3);
        d.L4 = Vector512.ConditionalSelect(NinthRealLane, s0.L4 - s1.L4 + Vector512.Create(Q4), s1.L4);
        d.L5 = Vector512.ConditionalSelect(NinthRealLane, s0.L5 - s1.L5 + Vector512.Create(Q5), s1.L5);
        d.L6 = Vector512.ConditionalSelect(NinthRealLane, s0.L6 - s1.L6 + Vector512.Create(Q6), s1.L6);
        d.L7 = Vector512.ConditionalSelect(NinthRealLane, s0.L7 - s1.L7 + Vector512.Create(Q7), s1.L7);
        d.L8 = Vector512.ConditionalSelect(NinthRealLane, s0.L8 - s1.L8 + Vector512.Create(Q8), s1.L8);
        // s0 − s1 + q is positive: after the signed carry its limbs are normalized (value below 2q).
        CarrySigned(ref d);
        Times32(d, out right);
    }
}
