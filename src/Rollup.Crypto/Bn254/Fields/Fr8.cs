using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Rollup.Crypto.Bn254.Fields;

/// <summary>
/// Eight F_r values side by side for AVX-512, limb-sliced: L_i holds limb i of all eight lanes, a limb
/// being 29 bits (radix 2^29, nine limbs, 261 bits) in a 64-bit lane.
/// Why 29-bit limbs in 64-bit lanes: AVX-512F multiplies only 32×32 → 64 bits (VPMULUDQ, eight
/// products per instruction; .NET 10 exposes no 52-bit IFMA). With 29-bit limbs a product is below
/// 2^58, so a column can take the 18 products of a Montgomery step (9 of a·b, 9 of m·r) plus a
/// carry without overflowing 64 bits: no carry handling inside the product at all, only one carry
/// chain at the end. Radix 2^32 would need 8 limbs but a carry split after every product.
/// A limb is "normalized" when it is below 2^29; the operations below take and give normalized limbs.
/// </summary>
internal struct Fr8
{
    public Vector512<ulong> L0, L1, L2, L3, L4, L5, L6, L7, L8;
}

/// <summary>
/// Arithmetic on <see cref="Fr8"/>: the Montgomery product with R' = 2^261 and the modular add/sub
/// the NTT butterflies need. Values are the same Montgomery-form (R = 2^256) integers that
/// <see cref="Fr"/> stores; the product's different R' is compensated by giving it one operand
/// multiplied by 2^5 (<see cref="SplitTimes32"/>), so a·(32b)/2^261 = a·b/2^256, exactly what
/// <see cref="Montgomery{P}.Mul"/> returns. Results are fully reduced, so they are bit-identical
/// to the scalar path's.
/// </summary>
internal static partial class Fr8Math
{
    public const int Bits = 29;
    public const ulong Mask = (1UL << Bits) - 1;

    // r in radix 2^29 (checked against Fr.Modulus by the tests).
    public const ulong R0 = 0x10000001, R1 = 0x1f0fac9f, R2 = 0xe5c2450, R3 = 0x7d090f3, R4 = 0x1585d283,
        R5 = 0x2db40c0, R6 = 0xa6e141, R7 = 0xe5c2634, R8 = 0x30644e;

    /// <summary>-r^-1 mod 2^29: the per-limb Montgomery factor.</summary>
    public const ulong NegInv = 0xfffffff;

    public static bool IsSupported => Avx512F.IsSupported;

    /// <summary>
    /// a·b·2^-261 mod r, in [0, r), for a with normalized limbs and a·b &lt; r·2^261 (true for
    /// a &lt; 2^255 and b &lt; 2^259, e.g. a &lt; 2r and b = 32·ζ with ζ &lt; r).
    /// Digit-serial Montgomery: each of the nine steps adds a_i·b and m·r (m chosen so the low limb
    /// becomes divisible by 2^29) and drops the low limb, carrying its high part into the next.
    /// The sum before dividing is below r·2^261 + r·2^261, so the result is below 2r, and one
    /// conditional subtraction finishes.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Mul(in Fr8 a, in Fr8 b, out Fr8 result)
    {
        MulLazy(a, b, out Fr8 t);
        Normalize(ref t);
        SubtractModulusIfNeeded(t.L0, t.L1, t.L2, t.L3, t.L4, t.L5, t.L6, t.L7, t.L8, out result);
    }

    /// <summary>
    /// <see cref="Mul"/> without the final carry chain and subtraction: a·b·2^-261 + (0 or r), in
    /// [0, 2r), with limbs not normalized (each below 2^63). The lazy forward butterfly passes it
    /// straight to <see cref="AddLazy"/> and <see cref="SubLazy"/>, whose own carry chains (signed,
    /// for the difference) normalize the result, so the chain here would be done twice.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void MulLazy(in Fr8 a, in Fr8 b, out Fr8 result)
    {
        Vector512<ulong> t0, t1, t2, t3, t4, t5, t6, t7, t8;
        // As 32-bit lanes for VPMULUDQ, which reads the low half of each 64-bit lane. The products
        // call Avx512F.Multiply directly: with a helper per product the kernels that inline this
        // exhaust the JIT's inlining budget and get calls instead.
        Vector512<uint> b0 = b.L0.AsUInt32(), b1 = b.L1.AsUInt32(), b2 = b.L2.AsUInt32(), b3 = b.L3.AsUInt32(),
            b4 = b.L4.AsUInt32(), b5 = b.L5.AsUInt32(), b6 = b.L6.AsUInt32(), b7 = b.L7.AsUInt32(), b8 = b.L8.AsUInt32();

        // Step 0 starts from zero: t = a_0·b.
        Vector512<uint> ai = a.L0.AsUInt32();
        t0 = Avx512F.Multiply(ai, b0); t1 = Avx512F.Multiply(ai, b1); t2 = Avx512F.Multiply(ai, b2);
        t3 = Avx512F.Multiply(ai, b3); t4 = Avx512F.Multiply(ai, b4); t5 = Avx512F.Multiply(ai, b5);
        t6 = Avx512F.Multiply(ai, b6); t7 = Avx512F.Multiply(ai, b7); t8 = Avx512F.Multiply(ai, b8);
        Reduce(ref t0, ref t1, ref t2, ref t3, ref t4, ref t5, ref t6, ref t7, ref t8);

        Step(a.L1.AsUInt32(), b0, b1, b2, b3, b4, b5, b6, b7, b8, ref t0, ref t1, ref t2, ref t3, ref t4, ref t5, ref t6, ref t7, ref t8);
        Step(a.L2.AsUInt32(), b0, b1, b2, b3, b4, b5, b6, b7, b8, ref t0, ref t1, ref t2, ref t3, ref t4, ref t5, ref t6, ref t7, ref t8);
        Step(a.L3.AsUInt32(), b0, b1, b2, b3, b4, b5, b6, b7, b8, ref t0, ref t1, ref t2, ref t3, ref t4, ref t5, ref t6, ref t7, ref t8);
        Step(a.L4.AsUInt32(), b0, b1, b2, b3, b4, b5, b6, b7, b8, ref t0, ref t1, ref t2, ref t3, ref t4, ref t5, ref t6, ref t7, ref t8);
        Step(a.L5.AsUInt32(), b0, b1, b2, b3, b4, b5, b6, b7, b8, ref t0, ref t1, ref t2, ref t3, ref t4, ref t5, ref t6, ref t7, ref t8);
        Step(a.L6.AsUInt32(), b0, b1, b2, b3, b4, b5, b6, b7, b8, ref t0, ref t1, ref t2, ref t3, ref t4, ref t5, ref t6, ref t7, ref t8);
        Step(a.L7.AsUInt32(), b0, b1, b2, b3, b4, b5, b6, b7, b8, ref t0, ref t1, ref t2, ref t3, ref t4, ref t5, ref t6, ref t7, ref t8);
        Step(a.L8.AsUInt32(), b0, b1, b2, b3, b4, b5, b6, b7, b8, ref t0, ref t1, ref t2, ref t3, ref t4, ref t5, ref t6, ref t7, ref t8);

        result.L0 = t0; result.L1 = t1; result.L2 = t2; result.L3 = t3; result.L4 = t4;
        result.L5 = t5; result.L6 = t6; result.L7 = t7; result.L8 = t8;
    }

    /// <summary>t += a_i·b, then the reduction step.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Step(Vector512<uint> ai,
        Vector512<uint> b0, Vector512<uint> b1, Vector512<uint> b2, Vector512<uint> b3, Vector512<uint> b4,
        Vector512<uint> b5, Vector512<uint> b6, Vector512<uint> b7, Vector512<uint> b8,
        ref Vector512<ulong> t0, ref Vector512<ulong> t1, ref Vector512<ulong> t2, ref Vector512<ulong> t3,
        ref Vector512<ulong> t4, ref Vector512<ulong> t5, ref Vector512<ulong> t6, ref Vector512<ulong> t7,
        ref Vector512<ulong> t8)
    {
        t0 += Avx512F.Multiply(ai, b0); t1 += Avx512F.Multiply(ai, b1); t2 += Avx512F.Multiply(ai, b2);
        t3 += Avx512F.Multiply(ai, b3); t4 += Avx512F.Multiply(ai, b4); t5 += Avx512F.Multiply(ai, b5);
        t6 += Avx512F.Multiply(ai, b6); t7 += Avx512F.Multiply(ai, b7); t8 += Avx512F.Multiply(ai, b8);
        Reduce(ref t0, ref t1, ref t2, ref t3, ref t4, ref t5, ref t6, ref t7, ref t8);
    }

    /// <summary>
    /// t += m·r with m = t0·(-r^-1) mod 2^29, making t0 ≡ 0 mod 2^29; then t /= 2^29 by moving every
    /// limb down one place, t0's high part carried into the new t0.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Reduce(ref Vector512<ulong> t0, ref Vector512<ulong> t1, ref Vector512<ulong> t2,
        ref Vector512<ulong> t3, ref Vector512<ulong> t4, ref Vector512<ulong> t5, ref Vector512<ulong> t6,
        ref Vector512<ulong> t7, ref Vector512<ulong> t8)
    {
        // VPMULUDQ reads the low 32 bits of t0, which is all m depends on.
        Vector512<ulong> m = Avx512F.Multiply(t0.AsUInt32(), Vector512.Create(NegInv).AsUInt32()) & Vector512.Create(Mask);
        Vector512<uint> m32 = m.AsUInt32();
        // r0 = 2^28 + 1: m·r0 as a shift and an add keeps the multiplier port for the other eight.
        Vector512<ulong> low = t0 + (m << 28) + m;
        t0 = t1 + Avx512F.Multiply(m32, Vector512.Create(R1).AsUInt32()) + (low >>> Bits);
        t1 = t2 + Avx512F.Multiply(m32, Vector512.Create(R2).AsUInt32());
        t2 = t3 + Avx512F.Multiply(m32, Vector512.Create(R3).AsUInt32());
        t3 = t4 + Avx512F.Multiply(m32, Vector512.Create(R4).AsUInt32());
        t4 = t5 + Avx512F.Multiply(m32, Vector512.Create(R5).AsUInt32());
        t5 = t6 + Avx512F.Multiply(m32, Vector512.Create(R6).AsUInt32());
        t6 = t7 + Avx512F.Multiply(m32, Vector512.Create(R7).AsUInt32());
        t7 = t8 + Avx512F.Multiply(m32, Vector512.Create(R8).AsUInt32());
        t8 = Vector512<ulong>.Zero;
    }

    /// <summary>Carry propagation: limbs below 2^63 (as <see cref="MulLazy"/> leaves them: a column
    /// takes at most 18 products below 2^58) to normalized limbs, the value unchanged.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Normalize(ref Fr8 t)
    {
        Vector512<ulong> mask = Vector512.Create(Mask);
        t.L1 += t.L0 >>> Bits; t.L0 &= mask;
        t.L2 += t.L1 >>> Bits; t.L1 &= mask;
        t.L3 += t.L2 >>> Bits; t.L2 &= mask;
        t.L4 += t.L3 >>> Bits; t.L3 &= mask;
        t.L5 += t.L4 >>> Bits; t.L4 &= mask;
        t.L6 += t.L5 >>> Bits; t.L5 &= mask;
        t.L7 += t.L6 >>> Bits; t.L6 &= mask;
        t.L8 += t.L7 >>> Bits; t.L7 &= mask;
    }

    /// <summary>(a + b) mod r for canonical a, b.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Add(in Fr8 a, in Fr8 b, out Fr8 result)
    {
        Vector512<ulong> mask = Vector512.Create(Mask);
        Vector512<ulong> s0 = a.L0 + b.L0, s1 = a.L1 + b.L1, s2 = a.L2 + b.L2, s3 = a.L3 + b.L3, s4 = a.L4 + b.L4,
            s5 = a.L5 + b.L5, s6 = a.L6 + b.L6, s7 = a.L7 + b.L7, s8 = a.L8 + b.L8;
        s1 += s0 >>> Bits; s0 &= mask;
        s2 += s1 >>> Bits; s1 &= mask;
        s3 += s2 >>> Bits; s2 &= mask;
        s4 += s3 >>> Bits; s3 &= mask;
        s5 += s4 >>> Bits; s4 &= mask;
        s6 += s5 >>> Bits; s5 &= mask;
        s7 += s6 >>> Bits; s6 &= mask;
        s8 += s7 >>> Bits; s7 &= mask;
        SubtractModulusIfNeeded(s0, s1, s2, s3, s4, s5, s6, s7, s8, out result);
    }

    /// <summary>(a − b) mod r for canonical a, b.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Sub(in Fr8 a, in Fr8 b, out Fr8 result)
    {
        SubPlusModulus(a, b, out Fr8 d);
        SubtractModulusIfNeeded(d.L0, d.L1, d.L2, d.L3, d.L4, d.L5, d.L6, d.L7, d.L8, out result);
    }

    /// <summary>a − b + r, in (0, 2r), normalized, for canonical a, b: the multiplicand of the
    /// inverse butterfly, which the product accepts without reducing first.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void SubPlusModulus(in Fr8 a, in Fr8 b, out Fr8 result)
    {
        // Limbs may go negative: signed carries (arithmetic shifts); the total is positive.
        Vector512<ulong> mask = Vector512.Create(Mask);
        Vector512<ulong> d0 = a.L0 - b.L0 + Vector512.Create(R0), d1 = a.L1 - b.L1 + Vector512.Create(R1),
            d2 = a.L2 - b.L2 + Vector512.Create(R2), d3 = a.L3 - b.L3 + Vector512.Create(R3),
            d4 = a.L4 - b.L4 + Vector512.Create(R4), d5 = a.L5 - b.L5 + Vector512.Create(R5),
            d6 = a.L6 - b.L6 + Vector512.Create(R6), d7 = a.L7 - b.L7 + Vector512.Create(R7),
            d8 = a.L8 - b.L8 + Vector512.Create(R8);
        d1 += Sar(d0); result.L0 = d0 & mask;
        d2 += Sar(d1); result.L1 = d1 & mask;
        d3 += Sar(d2); result.L2 = d2 & mask;
        d4 += Sar(d3); result.L3 = d3 & mask;
        d5 += Sar(d4); result.L4 = d4 & mask;
        d6 += Sar(d5); result.L5 = d5 & mask;
        d7 += Sar(d6); result.L6 = d6 & mask;
        d8 += Sar(d7); result.L7 = d7 & mask;
        result.L8 = d8;
    }

    /// <summary>t mod r for normalized t in [0, 2r): t − r when that does not go negative.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void SubtractModulusIfNeeded(
        Vector512<ulong> t0, Vector512<ulong> t1, Vector512<ulong> t2, Vector512<ulong> t3, Vector512<ulong> t4,
        Vector512<ulong> t5, Vector512<ulong> t6, Vector512<ulong> t7, Vector512<ulong> t8, out Fr8 result) =>
        SubtractIfAtLeast(t0, t1, t2, t3, t4, t5, t6, t7, t8,
            Vector512.Create(R0), Vector512.Create(R1), Vector512.Create(R2), Vector512.Create(R3), Vector512.Create(R4),
            Vector512.Create(R5), Vector512.Create(R6), Vector512.Create(R7), Vector512.Create(R8), out result);

    /// <summary>t − m when that does not go negative, else t; t and m normalized.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void SubtractIfAtLeast(
        Vector512<ulong> t0, Vector512<ulong> t1, Vector512<ulong> t2, Vector512<ulong> t3, Vector512<ulong> t4,
        Vector512<ulong> t5, Vector512<ulong> t6, Vector512<ulong> t7, Vector512<ulong> t8,
        Vector512<ulong> m0, Vector512<ulong> m1, Vector512<ulong> m2, Vector512<ulong> m3, Vector512<ulong> m4,
        Vector512<ulong> m5, Vector512<ulong> m6, Vector512<ulong> m7, Vector512<ulong> m8, out Fr8 result)
    {
        Vector512<ulong> mask = Vector512.Create(Mask);
        Vector512<ulong> d0 = t0 - m0;
        Vector512<ulong> d1 = t1 - m1 + Sar(d0); d0 &= mask;
        Vector512<ulong> d2 = t2 - m2 + Sar(d1); d1 &= mask;
        Vector512<ulong> d3 = t3 - m3 + Sar(d2); d2 &= mask;
        Vector512<ulong> d4 = t4 - m4 + Sar(d3); d3 &= mask;
        Vector512<ulong> d5 = t5 - m5 + Sar(d4); d4 &= mask;
        Vector512<ulong> d6 = t6 - m6 + Sar(d5); d5 &= mask;
        Vector512<ulong> d7 = t7 - m7 + Sar(d6); d6 &= mask;
        Vector512<ulong> d8 = t8 - m8 + Sar(d7); d7 &= mask;
        // All ones in the lanes where t − m < 0: keep t there.
        Vector512<ulong> keep = Vector512.ShiftRightArithmetic(d8.AsInt64(), 63).AsUInt64();
        result.L0 = Vector512.ConditionalSelect(keep, t0, d0);
        result.L1 = Vector512.ConditionalSelect(keep, t1, d1);
        result.L2 = Vector512.ConditionalSelect(keep, t2, d2);
        result.L3 = Vector512.ConditionalSelect(keep, t3, d3);
        result.L4 = Vector512.ConditionalSelect(keep, t4, d4);
        result.L5 = Vector512.ConditionalSelect(keep, t5, d5);
        result.L6 = Vector512.ConditionalSelect(keep, t6, d6);
        result.L7 = Vector512.ConditionalSelect(keep, t7, d7);
        result.L8 = Vector512.ConditionalSelect(keep, t8, d8);
    }

    /// <summary>Signed carry out of a limb: floor(x / 2^29) for x read as a signed 64-bit value.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<ulong> Sar(Vector512<ulong> x) =>
        Vector512.ShiftRightArithmetic(x.AsInt64(), Bits).AsUInt64();
}
