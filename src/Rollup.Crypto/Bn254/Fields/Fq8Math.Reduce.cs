using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Rollup.Crypto.Bn254.Fields;

/// <summary>
/// One reduction for a whole linear combination of products (the fused tower kernels form their outputs limb by
/// limb, without carries, plus a multiple of q that makes them positive).
/// </summary>
internal static partial class Fq8Math
{
    /// <summary>⌊2^52 / (Q8 + 1)⌋, the reciprocal of q's top limb (rounded so that the estimate never overshoots).</summary>
    private const ulong TopLimbReciprocal = (1UL << 52) / (Q8 + 1);

    /// <summary>The limbs of x as a span (Fr8's nine vectors are consecutive fields), for per-limb loops.</summary>
    private static Span<Vector512<ulong>> Limbs(ref Fr8 x) => MemoryMarshal.CreateSpan(ref x.L0, 9);

    /// <summary>The limbs of x as a read-only span (for inputs passed by <c>in</c>).</summary>
    private static ReadOnlySpan<Vector512<ulong>> ReadLimbs(in Fr8 x) => MemoryMarshal.CreateReadOnlySpan(in x.L0, 9);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<ulong> Times9(Vector512<ulong> x) => (x << 3) + x;

    /// <summary>
    /// Limbs (read as signed, each within ±2^62) of a total in [0, 4096q) to the reduced value in normalized limbs.
    /// After the signed carry pass the top limb L8 (&lt; 2^34) holds the bits from 2^232 up, and
    /// q ∈ [Q8·2^232, (Q8 + 1)·2^232), so k = ((L8 >> 4)·⌊2^52/(Q8 + 1)⌋) >> 48 ≤ L8/(Q8 + 1) ≤ total/q, and
    /// total/q − k &lt; 1 + (L8 + Q8 + 1)/(Q8(Q8 + 1)) + 16/(Q8 + 1) + 2^-18 &lt; 1.01 (Q8 ≈ 2^21.6):
    /// total − k·q is in [0, 2q), and one conditional subtraction finishes. (L8 >> 4 &lt; 2^30 and the reciprocal
    /// &lt; 2^31 fit VPMULUDQ's 32-bit operands; k &lt; 2^13, so k·Q_i &lt; 2^42.)
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void ReduceSmallMultiple(ref Fr8 t)
    {
        CarrySigned(ref t);
        Vector512<uint> k = (Avx512F.Multiply((t.L8 >>> 4).AsUInt32(), Vector512.Create(TopLimbReciprocal).AsUInt32()) >>> 48).AsUInt32();
        t.L0 -= Avx512F.Multiply(k, Vector512.Create(Q0).AsUInt32()); t.L1 -= Avx512F.Multiply(k, Vector512.Create(Q1).AsUInt32());
        t.L2 -= Avx512F.Multiply(k, Vector512.Create(Q2).AsUInt32()); t.L3 -= Avx512F.Multiply(k, Vector512.Create(Q3).AsUInt32());
        t.L4 -= Avx512F.Multiply(k, Vector512.Create(Q4).AsUInt32()); t.L5 -= Avx512F.Multiply(k, Vector512.Create(Q5).AsUInt32());
        t.L6 -= Avx512F.Multiply(k, Vector512.Create(Q6).AsUInt32()); t.L7 -= Avx512F.Multiply(k, Vector512.Create(Q7).AsUInt32());
        t.L8 -= Avx512F.Multiply(k, Vector512.Create(Q8).AsUInt32());
        CarrySigned(ref t);
        SubtractIfAtLeast(ref t, 1);
    }
}
