using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Rollup.Crypto.Bn254.Fields;

/// <summary>
/// Moving eight U256 values in and out of <see cref="Fr8"/>: a transpose (element-major 64-bit limbs to
/// one limb per vector) and the re-cut of four 64-bit limbs into nine 29-bit ones, and back.
/// </summary>
internal static partial class Fr8Math
{
    /// <summary>
    /// Four vectors of two consecutive U256 each (v_i = elements 2i, 2i+1) to four vectors of one
    /// 64-bit limb each (W_j lane e = limb j of element e): a 2×(4×4) transpose in two rounds of
    /// two-source permutes. <see cref="FromLimbVectors"/> is the same network run backwards, and
    /// happens to use the same index vectors.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void ToLimbVectors(Vector512<ulong> v0, Vector512<ulong> v1, Vector512<ulong> v2, Vector512<ulong> v3,
        out Vector512<ulong> w0, out Vector512<ulong> w1, out Vector512<ulong> w2, out Vector512<ulong> w3)
    {
        Vector512<ulong> a = Avx512F.PermuteVar8x64x2(v0, SpreadEven, v1);
        Vector512<ulong> b = Avx512F.PermuteVar8x64x2(v0, SpreadOdd, v1);
        Vector512<ulong> c = Avx512F.PermuteVar8x64x2(v2, SpreadEven, v3);
        Vector512<ulong> d = Avx512F.PermuteVar8x64x2(v2, SpreadOdd, v3);
        w0 = Avx512F.PermuteVar8x64x2(a, LowHalves, c);
        w1 = Avx512F.PermuteVar8x64x2(a, HighHalves, c);
        w2 = Avx512F.PermuteVar8x64x2(b, LowHalves, d);
        w3 = Avx512F.PermuteVar8x64x2(b, HighHalves, d);
    }

    /// <summary>The inverse of <see cref="ToLimbVectors"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void FromLimbVectors(Vector512<ulong> w0, Vector512<ulong> w1, Vector512<ulong> w2, Vector512<ulong> w3,
        out Vector512<ulong> v0, out Vector512<ulong> v1, out Vector512<ulong> v2, out Vector512<ulong> v3)
    {
        Vector512<ulong> a = Avx512F.PermuteVar8x64x2(w0, LowHalves, w1);
        Vector512<ulong> c = Avx512F.PermuteVar8x64x2(w0, HighHalves, w1);
        Vector512<ulong> b = Avx512F.PermuteVar8x64x2(w2, LowHalves, w3);
        Vector512<ulong> d = Avx512F.PermuteVar8x64x2(w2, HighHalves, w3);
        v0 = Avx512F.PermuteVar8x64x2(a, SpreadEven, b);
        v1 = Avx512F.PermuteVar8x64x2(a, SpreadOdd, b);
        v2 = Avx512F.PermuteVar8x64x2(c, SpreadEven, d);
        v3 = Avx512F.PermuteVar8x64x2(c, SpreadOdd, d);
    }

    // Index vectors (0–7 pick from the first source, 8–15 from the second). Static readonly fields,
    // not properties: the kernels inline so much that the JIT's inlining budget runs out and it
    // would emit a call per property read.
    private static readonly Vector512<ulong> SpreadEven = Vector512.Create(0UL, 4, 8, 12, 1, 5, 9, 13);
    private static readonly Vector512<ulong> SpreadOdd = Vector512.Create(2UL, 6, 10, 14, 3, 7, 11, 15);
    private static readonly Vector512<ulong> LowHalves = Vector512.Create(0UL, 1, 2, 3, 8, 9, 10, 11);
    private static readonly Vector512<ulong> HighHalves = Vector512.Create(4UL, 5, 6, 7, 12, 13, 14, 15);

    /// <summary>Four 64-bit limbs (value &lt; 2^256) to nine normalized 29-bit limbs.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Split(Vector512<ulong> w0, Vector512<ulong> w1, Vector512<ulong> w2, Vector512<ulong> w3, out Fr8 x)
    {
        Vector512<ulong> mask = Vector512.Create(Mask);
        x.L0 = w0 & mask;
        x.L1 = (w0 >>> 29) & mask;
        x.L2 = ((w0 >>> 58) | (w1 << 6)) & mask;
        x.L3 = (w1 >>> 23) & mask;
        x.L4 = ((w1 >>> 52) | (w2 << 12)) & mask;
        x.L5 = (w2 >>> 17) & mask;
        x.L6 = ((w2 >>> 46) | (w3 << 18)) & mask;
        x.L7 = (w3 >>> 11) & mask;
        x.L8 = w3 >>> 40;
    }

    /// <summary>
    /// Like <see cref="Split"/> but for 32·w (w &lt; 2^254, so 32·w &lt; 2^259 still fits nine limbs):
    /// the operand that compensates the product's R' = 2^261 against R = 2^256.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void SplitTimes32(Vector512<ulong> w0, Vector512<ulong> w1, Vector512<ulong> w2, Vector512<ulong> w3, out Fr8 x)
    {
        Vector512<ulong> mask = Vector512.Create(Mask);
        x.L0 = (w0 << 5) & mask;
        x.L1 = (w0 >>> 24) & mask;
        x.L2 = ((w0 >>> 53) | (w1 << 11)) & mask;
        x.L3 = (w1 >>> 18) & mask;
        x.L4 = ((w1 >>> 47) | (w2 << 17)) & mask;
        x.L5 = (w2 >>> 12) & mask;
        x.L6 = ((w2 >>> 41) | (w3 << 23)) & mask;
        x.L7 = (w3 >>> 6) & mask;
        x.L8 = w3 >>> 35;
    }

    /// <summary>Nine normalized 29-bit limbs (value &lt; 2^256) back to four 64-bit limbs.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Join(in Fr8 x, out Vector512<ulong> w0, out Vector512<ulong> w1, out Vector512<ulong> w2, out Vector512<ulong> w3)
    {
        w0 = x.L0 | (x.L1 << 29) | (x.L2 << 58);
        w1 = (x.L2 >>> 6) | (x.L3 << 23) | (x.L4 << 52);
        w2 = (x.L4 >>> 12) | (x.L5 << 17) | (x.L6 << 46);
        w3 = (x.L6 >>> 18) | (x.L7 << 11) | (x.L8 << 40);
    }

    /// <summary>The same ζ in all eight lanes, as the 32·ζ multiplicand of <see cref="Mul"/>.</summary>
    public static void BroadcastTimes32(in U256 zeta, out Fr8 x) =>
        SplitTimes32(Vector512.Create(zeta.L0), Vector512.Create(zeta.L1), Vector512.Create(zeta.L2), Vector512.Create(zeta.L3), out x);

    // ---- loads and stores of eight consecutive U256 ----

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static unsafe void Load(U256* p, out Fr8 x)
    {
        ulong* q = (ulong*)p;
        ToLimbVectors(Vector512.Load(q), Vector512.Load(q + 8), Vector512.Load(q + 16), Vector512.Load(q + 24),
            out var w0, out var w1, out var w2, out var w3);
        Split(w0, w1, w2, w3, out x);
    }

    /// <summary>Eight consecutive U256 as the scaled (times 32) multiplicand of <see cref="Mul"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static unsafe void LoadTimes32(U256* p, out Fr8 x)
    {
        ulong* q = (ulong*)p;
        ToLimbVectors(Vector512.Load(q), Vector512.Load(q + 8), Vector512.Load(q + 16), Vector512.Load(q + 24),
            out var w0, out var w1, out var w2, out var w3);
        SplitTimes32(w0, w1, w2, w3, out x);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static unsafe void Store(U256* p, in Fr8 x)
    {
        ulong* q = (ulong*)p;
        Join(x, out var w0, out var w1, out var w2, out var w3);
        FromLimbVectors(w0, w1, w2, w3, out var v0, out var v1, out var v2, out var v3);
        v0.Store(q); v1.Store(q + 8); v2.Store(q + 16); v3.Store(q + 24);
    }
}
