using System.Runtime.CompilerServices;

namespace Rollup.Crypto.Bn254.Fields;

/// <summary>
/// Linear combinations with small constant coefficients (up to 63) and one reduction, for formulas
/// that chain ξ = 9 + u, a doubling and a 3t ± 2a step: each chain used to pay a reduction and a call
/// per step. The five-limb accumulator starts at k·M so it never goes negative; every caller states
/// its bound, which must stay below 2^261 ≈ 170M for <see cref="ReduceSmall"/>.
/// </summary>
internal static partial class Montgomery<P> where P : struct, IModulus
{
    /// <summary>s += k·x for k &lt; 64 (x &lt; 2^256, so k·x &lt; 2^262 fits five limbs).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void PlusTimes(ref ulong s0, ref ulong s1, ref ulong s2, ref ulong s3, ref ulong s4, in U256 x, ulong k)
    {
        TimesSmall(x, k, out ulong p0, out ulong p1, out ulong p2, out ulong p3, out ulong p4);
        Plus(ref s0, ref s1, ref s2, ref s3, ref s4, new U256(p0, p1, p2, p3));
        s4 += p4;
    }

    /// <summary>s −= k·x for k &lt; 64.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void MinusTimes(ref ulong s0, ref ulong s1, ref ulong s2, ref ulong s3, ref ulong s4, in U256 x, ulong k)
    {
        TimesSmall(x, k, out ulong p0, out ulong p1, out ulong p2, out ulong p3, out ulong p4);
        Minus(ref s0, ref s1, ref s2, ref s3, ref s4, new U256(p0, p1, p2, p3));
        s4 -= p4;
    }

    /// <summary>k·x in five limbs: the high words h_i are below k, so adding h_{i−1} to a low word carries at most one.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void TimesSmall(in U256 x, ulong k, out ulong p0, out ulong p1, out ulong p2, out ulong p3, out ulong p4)
    {
        ulong h0 = Math.BigMul(x.L0, k, out p0);
        ulong h1 = Math.BigMul(x.L1, k, out ulong l1);
        ulong h2 = Math.BigMul(x.L2, k, out ulong l2);
        ulong h3 = Math.BigMul(x.L3, k, out ulong l3);
        p1 = l1 + h0;
        ulong t = h1 + (p1 < h0 ? 1UL : 0UL);
        p2 = l2 + t;
        t = h2 + (p2 < t ? 1UL : 0UL);
        p3 = l3 + t;
        p4 = h3 + (p3 < t ? 1UL : 0UL);
    }

    /// <summary>
    /// The real part of 3(ξy + x) − 2a: 27·y0 − 3·y1 + 3·x0 − 2·a (ξ = 9 + u). Inputs below M:
    /// 5M + ... lies in (0, 35M).
    /// </summary>
    public static U256 ThreeXiPlusMinusTwiceRe(in U256 y0, in U256 y1, in U256 x0, in U256 a)
    {
        Start(5, out ulong s0, out ulong s1, out ulong s2, out ulong s3, out ulong s4);
        PlusTimes(ref s0, ref s1, ref s2, ref s3, ref s4, y0, 27);
        MinusTimes(ref s0, ref s1, ref s2, ref s3, ref s4, y1, 3);
        PlusTimes(ref s0, ref s1, ref s2, ref s3, ref s4, x0, 3);
        MinusTimes(ref s0, ref s1, ref s2, ref s3, ref s4, a, 2);
        return ReduceSmall(s0, s1, s2, s3, s4);
    }

    /// <summary>The imaginary part of 3(ξy + x) − 2a: 3·y0 + 27·y1 + 3·x1 − 2·a; 2M + ... in (0, 35M).</summary>
    public static U256 ThreeXiPlusMinusTwiceIm(in U256 y0, in U256 y1, in U256 x1, in U256 a)
    {
        Start(2, out ulong s0, out ulong s1, out ulong s2, out ulong s3, out ulong s4);
        PlusTimes(ref s0, ref s1, ref s2, ref s3, ref s4, y0, 3);
        PlusTimes(ref s0, ref s1, ref s2, ref s3, ref s4, y1, 27);
        PlusTimes(ref s0, ref s1, ref s2, ref s3, ref s4, x1, 3);
        MinusTimes(ref s0, ref s1, ref s2, ref s3, ref s4, a, 2);
        return ReduceSmall(s0, s1, s2, s3, s4);
    }

    /// <summary>
    /// 3(s − x − y) + 2a: with s = (x' + y')^2, x = x'^2, y = y'^2 this is 3·2x'y' + 2a, the other
    /// cyclotomic-squaring output. 6M + ... in (0, 11M).
    /// </summary>
    public static U256 ThreeDifferencePlusTwice(in U256 s, in U256 x, in U256 y, in U256 a)
    {
        Start(6, out ulong s0, out ulong s1, out ulong s2, out ulong s3, out ulong s4);
        PlusTimes(ref s0, ref s1, ref s2, ref s3, ref s4, s, 3);
        MinusTimes(ref s0, ref s1, ref s2, ref s3, ref s4, x, 3);
        MinusTimes(ref s0, ref s1, ref s2, ref s3, ref s4, y, 3);
        PlusTimes(ref s0, ref s1, ref s2, ref s3, ref s4, a, 2);
        return ReduceSmall(s0, s1, s2, s3, s4);
    }

    /// <summary>
    /// The real part of 3ξ·d + 2b with d = s − x − y (F_q2 values): 27·d0 − 3·d1 + 2b, i.e.
    /// 27s0 − 27x0 − 27y0 − 3s1 + 3x1 + 3y1 + 2b; 57M + ... in (0, 92M).
    /// </summary>
    public static U256 ThreeXiDifferencePlusTwiceRe(in U256 s0v, in U256 s1v, in U256 x0, in U256 x1, in U256 y0, in U256 y1, in U256 b)
    {
        Start(57, out ulong s0, out ulong s1, out ulong s2, out ulong s3, out ulong s4);
        PlusTimes(ref s0, ref s1, ref s2, ref s3, ref s4, s0v, 27);
        MinusTimes(ref s0, ref s1, ref s2, ref s3, ref s4, x0, 27);
        MinusTimes(ref s0, ref s1, ref s2, ref s3, ref s4, y0, 27);
        MinusTimes(ref s0, ref s1, ref s2, ref s3, ref s4, s1v, 3);
        PlusTimes(ref s0, ref s1, ref s2, ref s3, ref s4, x1, 3);
        PlusTimes(ref s0, ref s1, ref s2, ref s3, ref s4, y1, 3);
        PlusTimes(ref s0, ref s1, ref s2, ref s3, ref s4, b, 2);
        return ReduceSmall(s0, s1, s2, s3, s4);
    }

    /// <summary>The imaginary part of 3ξ·d + 2b: 3·d0 + 27·d1 + 2b; 60M + ... in (0, 92M).</summary>
    public static U256 ThreeXiDifferencePlusTwiceIm(in U256 s0v, in U256 s1v, in U256 x0, in U256 x1, in U256 y0, in U256 y1, in U256 b)
    {
        Start(60, out ulong s0, out ulong s1, out ulong s2, out ulong s3, out ulong s4);
        PlusTimes(ref s0, ref s1, ref s2, ref s3, ref s4, s0v, 3);
        MinusTimes(ref s0, ref s1, ref s2, ref s3, ref s4, x0, 3);
        MinusTimes(ref s0, ref s1, ref s2, ref s3, ref s4, y0, 3);
        PlusTimes(ref s0, ref s1, ref s2, ref s3, ref s4, s1v, 27);
        MinusTimes(ref s0, ref s1, ref s2, ref s3, ref s4, x1, 27);
        MinusTimes(ref s0, ref s1, ref s2, ref s3, ref s4, y1, 27);
        PlusTimes(ref s0, ref s1, ref s2, ref s3, ref s4, b, 2);
        return ReduceSmall(s0, s1, s2, s3, s4);
    }

    /// <summary>The real part of ξ(x − y − z) + w: 9(x0 − y0 − z0) − (x1 − y1 − z1) + w0; 19M + ... in (0, 31M).</summary>
    public static U256 XiDifferencePlusRe(in U256 x0, in U256 y0, in U256 z0, in U256 x1, in U256 y1, in U256 z1, in U256 w0)
    {
        Start(19, out ulong s0, out ulong s1, out ulong s2, out ulong s3, out ulong s4);
        PlusTimes(ref s0, ref s1, ref s2, ref s3, ref s4, x0, 9);
        MinusTimes(ref s0, ref s1, ref s2, ref s3, ref s4, y0, 9);
        MinusTimes(ref s0, ref s1, ref s2, ref s3, ref s4, z0, 9);
        Minus(ref s0, ref s1, ref s2, ref s3, ref s4, x1);
        Plus(ref s0, ref s1, ref s2, ref s3, ref s4, y1);
        Plus(ref s0, ref s1, ref s2, ref s3, ref s4, z1);
        Plus(ref s0, ref s1, ref s2, ref s3, ref s4, w0);
        return ReduceSmall(s0, s1, s2, s3, s4);
    }

    /// <summary>The imaginary part of ξ(x − y − z) + w: (x0 − y0 − z0) + 9(x1 − y1 − z1) + w1; 20M + ... in (0, 31M).</summary>
    public static U256 XiDifferencePlusIm(in U256 x0, in U256 y0, in U256 z0, in U256 x1, in U256 y1, in U256 z1, in U256 w1)
    {
        Start(20, out ulong s0, out ulong s1, out ulong s2, out ulong s3, out ulong s4);
        Plus(ref s0, ref s1, ref s2, ref s3, ref s4, x0);
        Minus(ref s0, ref s1, ref s2, ref s3, ref s4, y0);
        Minus(ref s0, ref s1, ref s2, ref s3, ref s4, z0);
        PlusTimes(ref s0, ref s1, ref s2, ref s3, ref s4, x1, 9);
        MinusTimes(ref s0, ref s1, ref s2, ref s3, ref s4, y1, 9);
        MinusTimes(ref s0, ref s1, ref s2, ref s3, ref s4, z1, 9);
        Plus(ref s0, ref s1, ref s2, ref s3, ref s4, w1);
        return ReduceSmall(s0, s1, s2, s3, s4);
    }
}
