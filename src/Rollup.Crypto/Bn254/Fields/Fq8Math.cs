using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Rollup.Crypto.Bn254.Fields;

/// <summary>
/// Eight F_q2 products (or squares) at once on AVX-512F, for the pairing's towers: an F_q12 product is 18
/// independent F_q2 products, a cyclotomic squaring 9. Scalar code spends ~1,900 instructions on one F_q2
/// product (.NET has no add-with-carry, so every carry is cmp/setb/movzx/add); here the three F_q products of
/// eight F_q2 products, their Karatsuba sums and differences and the transposes in and out take ~1,800.
/// Lanes are different F_q2 products, so the Karatsuba sums (x0 + x1) and differences (p2 − p0 − p1) are
/// lane by lane, with no shuffles.
/// Same representation as <see cref="Fr8Math"/>, whose transposes and radix conversions this reuses (its
/// <see cref="Fr8"/> struct is only the layout: nine 29-bit limb vectors): radix 2^29, a limb product below
/// 2^58, so a column takes all the products of the reduction without carries. The digit-serial Montgomery
/// reduction divides by 2^261; the second operand enters as 32·b (<see cref="Fr8Math.SplitTimes32"/>), so each
/// product is a·b·2^-256 mod q, the value <see cref="Montgomery{P}.Mul"/> returns. Results are fully reduced,
/// hence bit-identical to the scalar F_q2 product.
/// </summary>
internal static partial class Fq8Math
{
    private const int Bits = Fr8Math.Bits;
    private const ulong Mask = Fr8Math.Mask;

    // q in radix 2^29 (checked against Fq.Modulus by the tests).
    public const ulong Q0 = 0x187cfd47, Q1 = 0x10460b6, Q2 = 0x1c72a34f, Q3 = 0x2d522d0, Q4 = 0x1585d978,
        Q5 = 0x2db40c0, Q6 = 0xa6e141, Q7 = 0xe5c2634, Q8 = 0x30644e;

    // 32q in radix 2^29: the q added to 32·x0 − 32·x1 in the squaring's second operand.
    private const ulong Q32_0 = 0xf9fa8e0, Q32_1 = 0x8c16d8, Q32_2 = 0xe5469e1, Q32_3 = 0x1aa45a1c, Q32_4 = 0x10bb2f02,
        Q32_5 = 0x1b681815, Q32_6 = 0x14dc2822, Q32_7 = 0xb84c680, Q32_8 = 0x60c89ce;

    /// <summary>-q^-1 mod 2^29.</summary>
    public const ulong NegInv = 0x4866389;

    public static bool IsSupported => Avx512F.IsSupported;

    /// <summary>
    /// (re + im·u)[i] = (x0 + x1·u)[i] · (y0 + y1·u)[i] for i &lt; count (a multiple of 8), all inputs reduced (&lt; q),
    /// by Karatsuba: p0 = x0·y0, p1 = x1·y1, p2 = (x0 + x1)(y0 + y1); re = p0 − p1, im = p2 − p0 − p1.
    /// The sums x0 + x1 are below 2q and their limbs below 2^30, which <see cref="MulLazy"/> accepts.
    /// re and im may be x0 and x1 themselves: each group of eight is loaded whole before it is stored.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)] // a kernel is its own method: inlined into a caller it overran the JIT's inlining budget
    public static void MultiplyFq2(ReadOnlySpan<U256> x0, ReadOnlySpan<U256> x1, ReadOnlySpan<U256> y0, ReadOnlySpan<U256> y1,
        Span<U256> re, Span<U256> im, int count)
    {
        Check(count, x0.Length, x1.Length, y0.Length, y1.Length, re.Length, im.Length);
        for (int i = 0; i < count; i += 8)
        {
            Load(x0, i, out var w0, out var w1, out var w2, out var w3);
            Fr8Math.Split(w0, w1, w2, w3, out Fr8 a0);
            Load(x1, i, out w0, out w1, out w2, out w3);
            Fr8Math.Split(w0, w1, w2, w3, out Fr8 a1);
            Load(y0, i, out w0, out w1, out w2, out w3);
            Fr8Math.SplitTimes32(w0, w1, w2, w3, out Fr8 b0);
            Load(y1, i, out w0, out w1, out w2, out w3);
            Fr8Math.SplitTimes32(w0, w1, w2, w3, out Fr8 b1);

            // The three products normalized but left in [0, 2q): the differences below are reduced anyway.
            MulLazy(a0, b0, out Fr8 p0);
            Normalize(ref p0);
            MulLazy(a1, b1, out Fr8 p1);
            Normalize(ref p1);
            Sum(a0, a1, out Fr8 sa);
            Sum(b0, b1, out Fr8 sb);
            MulLazy(sa, sb, out Fr8 p2);
            Normalize(ref p2);

            // re = p0 − p1 + 2q in (0, 4q); im = p2 − p0 − p1 + 4q in (0, 6q). Limbs may go negative before the
            // signed carry pass; the totals are positive. Then conditional subtractions of 2q, q (re) and
            // 4q, 2q, q (im): (0, 4q) → [0, 2q) → [0, q); (0, 6q) → [0, 4q) → [0, 2q) → [0, q).
            Fr8 d;
            d.L0 = p0.L0 - p1.L0 + Vector512.Create(2 * Q0); d.L1 = p0.L1 - p1.L1 + Vector512.Create(2 * Q1);
            d.L2 = p0.L2 - p1.L2 + Vector512.Create(2 * Q2); d.L3 = p0.L3 - p1.L3 + Vector512.Create(2 * Q3);
            d.L4 = p0.L4 - p1.L4 + Vector512.Create(2 * Q4); d.L5 = p0.L5 - p1.L5 + Vector512.Create(2 * Q5);
            d.L6 = p0.L6 - p1.L6 + Vector512.Create(2 * Q6); d.L7 = p0.L7 - p1.L7 + Vector512.Create(2 * Q7);
            d.L8 = p0.L8 - p1.L8 + Vector512.Create(2 * Q8);
            CarrySigned(ref d);
            SubtractIfAtLeast(ref d, 2);
            SubtractIfAtLeast(ref d, 1);
            Store(re, i, d);

            d.L0 = p2.L0 - p0.L0 - p1.L0 + Vector512.Create(4 * Q0); d.L1 = p2.L1 - p0.L1 - p1.L1 + Vector512.Create(4 * Q1);
            d.L2 = p2.L2 - p0.L2 - p1.L2 + Vector512.Create(4 * Q2); d.L3 = p2.L3 - p0.L3 - p1.L3 + Vector512.Create(4 * Q3);
            d.L4 = p2.L4 - p0.L4 - p1.L4 + Vector512.Create(4 * Q4); d.L5 = p2.L5 - p0.L5 - p1.L5 + Vector512.Create(4 * Q5);
            d.L6 = p2.L6 - p0.L6 - p1.L6 + Vector512.Create(4 * Q6); d.L7 = p2.L7 - p0.L7 - p1.L7 + Vector512.Create(4 * Q7);
            d.L8 = p2.L8 - p0.L8 - p1.L8 + Vector512.Create(4 * Q8);
            CarrySigned(ref d);
            SubtractIfAtLeast(ref d, 4);
            SubtractIfAtLeast(ref d, 2);
            SubtractIfAtLeast(ref d, 1);
            Store(im, i, d);
        }
    }

    /// <summary>
    /// x[i] ← x[i]·y[i] in F_q for eight entries, all reduced (the Miller loop's products of F_q2 components by
    /// F_q values: eight scalar Montgomery products in one vector product). Same values as <see cref="Montgomery{P}.Mul"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)] // a kernel is its own method: inlined into a caller it overran the JIT's inlining budget
    public static void MultiplyFq(Span<U256> x, ReadOnlySpan<U256> y)
    {
        Check(8, x.Length, y.Length, 8, 8, 8, 8);
        Load(x, 0, out var w0, out var w1, out var w2, out var w3);
        Fr8Math.Split(w0, w1, w2, w3, out Fr8 a);
        Load(y, 0, out w0, out w1, out w2, out w3);
        Fr8Math.SplitTimes32(w0, w1, w2, w3, out Fr8 b);
        MulLazy(a, b, out Fr8 p);
        Finish(ref p);
        Store(x, 0, p);
    }

    /// <summary>
    /// (re + im·u)[i] = (x0 + x1·u)[i]^2 for i &lt; count (a multiple of 8), inputs reduced:
    /// re = (x0 + x1)(x0 + q − x1) ≡ x0² − x1², im = 2x0·x1; both operands of each product below 2q.
    /// re and im may be x0 and x1 themselves (each group is loaded whole before it is stored).
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)] // a kernel is its own method: inlined into a caller it overran the JIT's inlining budget
    public static void SquareFq2(ReadOnlySpan<U256> x0, ReadOnlySpan<U256> x1, Span<U256> re, Span<U256> im, int count)
    {
        Check(count, x0.Length, x1.Length, x0.Length, x1.Length, re.Length, im.Length);
        Vector512<ulong> mask = Vector512.Create(Mask);
        for (int i = 0; i < count; i += 8)
        {
            Load(x0, i, out var w0, out var w1, out var w2, out var w3);
            Fr8Math.Split(w0, w1, w2, w3, out Fr8 a0);
            Fr8Math.SplitTimes32(w0, w1, w2, w3, out Fr8 c0);
            Load(x1, i, out w0, out w1, out w2, out w3);
            Fr8Math.Split(w0, w1, w2, w3, out Fr8 a1);
            Fr8Math.SplitTimes32(w0, w1, w2, w3, out Fr8 c1);

            SquareLanes(a0, a1, c0, c1, out Fr8 p0, out Fr8 p1);
            Store(re, i, p0);
            Store(im, i, p1);
        }
    }

    /// <summary>
    /// The eight squares of <see cref="SquareFq2"/> from split inputs: a = x in 29-bit limbs, c = 32·x.
    /// re = (x0 + x1)(x0 + q − x1) ≡ x0² − x1², im = 2x0·x1; both operands of each product below 2q; results reduced.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void SquareLanes(in Fr8 a0, in Fr8 a1, in Fr8 c0, in Fr8 c1, out Fr8 re, out Fr8 im)
    {
        // 32·(x0 − x1 + q), normalized (the product needs limbs that are not negative).
        Fr8 b;
        b.L0 = c0.L0 - c1.L0 + Vector512.Create(Q32_0); b.L1 = c0.L1 - c1.L1 + Vector512.Create(Q32_1);
        b.L2 = c0.L2 - c1.L2 + Vector512.Create(Q32_2); b.L3 = c0.L3 - c1.L3 + Vector512.Create(Q32_3);
        b.L4 = c0.L4 - c1.L4 + Vector512.Create(Q32_4); b.L5 = c0.L5 - c1.L5 + Vector512.Create(Q32_5);
        b.L6 = c0.L6 - c1.L6 + Vector512.Create(Q32_6); b.L7 = c0.L7 - c1.L7 + Vector512.Create(Q32_7);
        b.L8 = c0.L8 - c1.L8 + Vector512.Create(Q32_8);
        CarrySigned(ref b);
        Sum(a0, a1, out Fr8 sa);
        MulLazy(sa, b, out re);
        Finish(ref re);

        Sum(a0, a0, out Fr8 twice);
        MulLazy(twice, c1, out im);
        Finish(ref im);
    }

    private static void Check(int count, int a, int b, int c, int d, int e, int f)
    {
        if (count % 8 != 0 || a < count || b < count || c < count || d < count || e < count || f < count)
            throw new ArgumentException("count must be a multiple of 8 within the spans");
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Load(ReadOnlySpan<U256> s, int i, out Vector512<ulong> w0, out Vector512<ulong> w1, out Vector512<ulong> w2, out Vector512<ulong> w3)
    {
        ref ulong p = ref Unsafe.As<U256, ulong>(ref MemoryMarshal.GetReference(s));
        nuint o = (nuint)(4 * i);
        Fr8Math.ToLimbVectors(Vector512.LoadUnsafe(ref p, o), Vector512.LoadUnsafe(ref p, o + 8),
            Vector512.LoadUnsafe(ref p, o + 16), Vector512.LoadUnsafe(ref p, o + 24), out w0, out w1, out w2, out w3);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Store(Span<U256> s, int i, in Fr8 x)
    {
        ref ulong p = ref Unsafe.As<U256, ulong>(ref MemoryMarshal.GetReference(s));
        nuint o = (nuint)(4 * i);
        Fr8Math.Join(x, out var w0, out var w1, out var w2, out var w3);
        Fr8Math.FromLimbVectors(w0, w1, w2, w3, out var v0, out var v1, out var v2, out var v3);
        v0.StoreUnsafe(ref p, o); v1.StoreUnsafe(ref p, o + 8); v2.StoreUnsafe(ref p, o + 16); v3.StoreUnsafe(ref p, o + 24);
    }

    /// <summary>a + b limb by limb, without carries: normalized inputs give limbs below 2^30.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Sum(in Fr8 a, in Fr8 b, out Fr8 s)
    {
        s.L0 = a.L0 + b.L0; s.L1 = a.L1 + b.L1; s.L2 = a.L2 + b.L2; s.L3 = a.L3 + b.L3; s.L4 = a.L4 + b.L4;
        s.L5 = a.L5 + b.L5; s.L6 = a.L6 + b.L6; s.L7 = a.L7 + b.L7; s.L8 = a.L8 + b.L8;
    }

    /// <summary><see cref="MulLazy"/>'s output (in [0, 2q), limbs below 2^64) to normalized limbs in [0, q).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Finish(ref Fr8 t)
    {
        Normalize(ref t);
        SubtractIfAtLeast(ref t, 1);
    }

    /// <summary>Unsigned carry pass: limbs below 2^64 to limbs 0–7 below 2^29, the value unchanged. The carry pass
    /// does not depend on the modulus, so it is F_r's (same 29-bit layout).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Normalize(ref Fr8 t) => Fr8Math.Normalize(ref t);

    /// <summary>Signed carry pass: limbs read as signed 64-bit values, a non-negative total; afterwards
    /// limbs 0–7 are in [0, 2^29) and limb 8 holds the rest.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void CarrySigned(ref Fr8 t)
    {
        Vector512<ulong> mask = Vector512.Create(Mask);
        t.L1 += Sar(t.L0); t.L0 &= mask;
        t.L2 += Sar(t.L1); t.L1 &= mask;
        t.L3 += Sar(t.L2); t.L2 &= mask;
        t.L4 += Sar(t.L3); t.L3 &= mask;
        t.L5 += Sar(t.L4); t.L4 &= mask;
        t.L6 += Sar(t.L5); t.L5 &= mask;
        t.L7 += Sar(t.L6); t.L6 &= mask;
        t.L8 += Sar(t.L7); t.L7 &= mask;
    }

    /// <summary>t − k·q where that is not negative, else t (k = 1, 2 or 4); t normalized, stays normalized.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void SubtractIfAtLeast(ref Fr8 t, ulong k)
    {
        Vector512<ulong> mask = Vector512.Create(Mask);
        Vector512<ulong> d0 = t.L0 - Vector512.Create(k * Q0);
        Vector512<ulong> d1 = t.L1 - Vector512.Create(k * Q1) + Sar(d0); d0 &= mask;
        Vector512<ulong> d2 = t.L2 - Vector512.Create(k * Q2) + Sar(d1); d1 &= mask;
        Vector512<ulong> d3 = t.L3 - Vector512.Create(k * Q3) + Sar(d2); d2 &= mask;
        Vector512<ulong> d4 = t.L4 - Vector512.Create(k * Q4) + Sar(d3); d3 &= mask;
        Vector512<ulong> d5 = t.L5 - Vector512.Create(k * Q5) + Sar(d4); d4 &= mask;
        Vector512<ulong> d6 = t.L6 - Vector512.Create(k * Q6) + Sar(d5); d5 &= mask;
        Vector512<ulong> d7 = t.L7 - Vector512.Create(k * Q7) + Sar(d6); d6 &= mask;
        Vector512<ulong> d8 = t.L8 - Vector512.Create(k * Q8) + Sar(d7); d7 &= mask;
        // All ones in the lanes where t − k·q < 0: keep t there.
        Vector512<ulong> keep = Vector512.ShiftRightArithmetic(d8.AsInt64(), 63).AsUInt64();
        t.L0 = Vector512.ConditionalSelect(keep, t.L0, d0);
        t.L1 = Vector512.ConditionalSelect(keep, t.L1, d1);
        t.L2 = Vector512.ConditionalSelect(keep, t.L2, d2);
        t.L3 = Vector512.ConditionalSelect(keep, t.L3, d3);
        t.L4 = Vector512.ConditionalSelect(keep, t.L4, d4);
        t.L5 = Vector512.ConditionalSelect(keep, t.L5, d5);
        t.L6 = Vector512.ConditionalSelect(keep, t.L6, d6);
        t.L7 = Vector512.ConditionalSelect(keep, t.L7, d7);
        t.L8 = Vector512.ConditionalSelect(keep, t.L8, d8);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<ulong> Sar(Vector512<ulong> x) =>
        Vector512.ShiftRightArithmetic(x.AsInt64(), Bits).AsUInt64();

    /// <summary>
    /// Montgomery product of eight lane pairs: a·b·2^-261 + (0 or 1)·q, in [0, 2q) when a·b &lt; q·2^261, limbs not
    /// normalized (below 2^64). Limbs of a and b may be up to 2^30 (a sum of two normalized values): a column
    /// then takes at most 9 products below 2^60 and 9 reduction products below 2^58 plus one carry below 2^35,
    /// under 1.45·2^63. Written out in full: a per-step helper needs 19 vector arguments, which the JIT does not
    /// inline, and the calls spilled every vector.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void MulLazy(in Fr8 a, in Fr8 b, out Fr8 r)
    {
        Vector512<uint> b0 = b.L0.AsUInt32(), b1 = b.L1.AsUInt32(), b2 = b.L2.AsUInt32(), b3 = b.L3.AsUInt32(), b4 = b.L4.AsUInt32(), b5 = b.L5.AsUInt32(), b6 = b.L6.AsUInt32(), b7 = b.L7.AsUInt32(), b8 = b.L8.AsUInt32();
        Vector512<uint> ai, m;
        Vector512<ulong> low, mask = Vector512.Create(Mask);
        // Step 0: t += a_0·b; t = (t + m·q) / 2^29, m = t0·(−q^-1) mod 2^29 (VPMULUDQ reads t0's low 32 bits).
        ai = a.L0.AsUInt32();
        Vector512<ulong> t0 = Avx512F.Multiply(ai, b0), t1 = Avx512F.Multiply(ai, b1), t2 = Avx512F.Multiply(ai, b2), t3 = Avx512F.Multiply(ai, b3), t4 = Avx512F.Multiply(ai, b4), t5 = Avx512F.Multiply(ai, b5), t6 = Avx512F.Multiply(ai, b6), t7 = Avx512F.Multiply(ai, b7), t8 = Avx512F.Multiply(ai, b8);
        m = (Avx512F.Multiply(t0.AsUInt32(), Vector512.Create(NegInv).AsUInt32()) & mask).AsUInt32();
        low = t0 + Avx512F.Multiply(m, Vector512.Create(Q0).AsUInt32());
        t0 = t1 + Avx512F.Multiply(m, Vector512.Create(Q1).AsUInt32()) + (low >>> Bits);
        t1 = t2 + Avx512F.Multiply(m, Vector512.Create(Q2).AsUInt32());
        t2 = t3 + Avx512F.Multiply(m, Vector512.Create(Q3).AsUInt32());
        t3 = t4 + Avx512F.Multiply(m, Vector512.Create(Q4).AsUInt32());
        t4 = t5 + Avx512F.Multiply(m, Vector512.Create(Q5).AsUInt32());
        t5 = t6 + Avx512F.Multiply(m, Vector512.Create(Q6).AsUInt32());
        t6 = t7 + Avx512F.Multiply(m, Vector512.Create(Q7).AsUInt32());
        t7 = t8 + Avx512F.Multiply(m, Vector512.Create(Q8).AsUInt32());
        t8 = Vector512<ulong>.Zero;
        // Step 1: t += a_1·b; t = (t + m·q) / 2^29, m = t0·(−q^-1) mod 2^29 (VPMULUDQ reads t0's low 32 bits).
        ai = a.L1.AsUInt32();
        t0 += Avx512F.Multiply(ai, b0); t1 += Avx512F.Multiply(ai, b1); t2 += Avx512F.Multiply(ai, b2); t3 += Avx512F.Multiply(ai, b3); t4 += Avx512F.Multiply(ai, b4); t5 += Avx512F.Multiply(ai, b5); t6 += Avx512F.Multiply(ai, b6); t7 += Avx512F.Multiply(ai, b7); t8 += Avx512F.Multiply(ai, b8);
        m = (Avx512F.Multiply(t0.AsUInt32(), Vector512.Create(NegInv).AsUInt32()) & mask).AsUInt32();
        low = t0 + Avx512F.Multiply(m, Vector512.Create(Q0).AsUInt32());
        t0 = t1 + Avx512F.Multiply(m, Vector512.Create(Q1).AsUInt32()) + (low >>> Bits);
        t1 = t2 + Avx512F.Multiply(m, Vector512.Create(Q2).AsUInt32());
        t2 = t3 + Avx512F.Multiply(m, Vector512.Create(Q3).AsUInt32());
        t3 = t4 + Avx512F.Multiply(m, Vector512.Create(Q4).AsUInt32());
        t4 = t5 + Avx512F.Multiply(m, Vector512.Create(Q5).AsUInt32());
        t5 = t6 + Avx512F.Multiply(m, Vector512.Create(Q6).AsUInt32());
        t6 = t7 + Avx512F.Multiply(m, Vector512.Create(Q7).AsUInt32());
        t7 = t8 + Avx512F.Multiply(m, Vector512.Create(Q8).AsUInt32());
        t8 = Vector512<ulong>.Zero;
        // Step 2: t += a_2·b; t = (t + m·q) / 2^29, m = t0·(−q^-1) mod 2^29 (VPMULUDQ reads t0's low 32 bits).
        ai = a.L2.AsUInt32();
        t0 += Avx512F.Multiply(ai, b0); t1 += Avx512F.Multiply(ai, b1); t2 += Avx512F.Multiply(ai, b2); t3 += Avx512F.Multiply(ai, b3); t4 += Avx512F.Multiply(ai, b4); t5 += Avx512F.Multiply(ai, b5); t6 += Avx512F.Multiply(ai, b6); t7 += Avx512F.Multiply(ai, b7); t8 += Avx512F.Multiply(ai, b8);
        m = (Avx512F.Multiply(t0.AsUInt32(), Vector512.Create(NegInv).AsUInt32()) & mask).AsUInt32();
        low = t0 + Avx512F.Multiply(m, Vector512.Create(Q0).AsUInt32());
        t0 = t1 + Avx512F.Multiply(m, Vector512.Create(Q1).AsUInt32()) + (low >>> Bits);
        t1 = t2 + Avx512F.Multiply(m, Vector512.Create(Q2).AsUInt32());
        t2 = t3 + Avx512F.Multiply(m, Vector512.Create(Q3).AsUInt32());
        t3 = t4 + Avx512F.Multiply(m, Vector512.Create(Q4).AsUInt32());
        t4 = t5 + Avx512F.Multiply(m, Vector512.Create(Q5).AsUInt32());
        t5 = t6 + Avx512F.Multiply(m, Vector512.Create(Q6).AsUInt32());
        t6 = t7 + Avx512F.Multiply(m, Vector512.Create(Q7).AsUInt32());
        t7 = t8 + Avx512F.Multiply(m, Vector512.Create(Q8).AsUInt32());
        t8 = Vector512<ulong>.Zero;
        // Step 3: t += a_3·b; t = (t + m·q) / 2^29, m = t0·(−q^-1) mod 2^29 (VPMULUDQ reads t0's low 32 bits).
        ai = a.L3.AsUInt32();
        t0 += Avx512F.Multiply(ai, b0); t1 += Avx512F.Multiply(ai, b1); t2 += Avx512F.Multiply(ai, b2); t3 += Avx512F.Multiply(ai, b3); t4 += Avx512F.Multiply(ai, b4); t5 += Avx512F.Multiply(ai, b5); t6 += Avx512F.Multiply(ai, b6); t7 += Avx512F.Multiply(ai, b7); t8 += Avx512F.Multiply(ai, b8);
        m = (Avx512F.Multiply(t0.AsUInt32(), Vector512.Create(NegInv).AsUInt32()) & mask).AsUInt32();
        low = t0 + Avx512F.Multiply(m, Vector512.Create(Q0).AsUInt32());
        t0 = t1 + Avx512F.Multiply(m, Vector512.Create(Q1).AsUInt32()) + (low >>> Bits);
        t1 = t2 + Avx512F.Multiply(m, Vector512.Create(Q2).AsUInt32());
        t2 = t3 + Avx512F.Multiply(m, Vector512.Create(Q3).AsUInt32());
        t3 = t4 + Avx512F.Multiply(m, Vector512.Create(Q4).AsUInt32());
        t4 = t5 + Avx512F.Multiply(m, Vector512.Create(Q5).AsUInt32());
        t5 = t6 + Avx512F.Multiply(m, Vector512.Create(Q6).AsUInt32());
        t6 = t7 + Avx512F.Multiply(m, Vector512.Create(Q7).AsUInt32());
        t7 = t8 + Avx512F.Multiply(m, Vector512.Create(Q8).AsUInt32());
        t8 = Vector512<ulong>.Zero;
        // Step 4: t += a_4·b; t = (t + m·q) / 2^29, m = t0·(−q^-1) mod 2^29 (VPMULUDQ reads t0's low 32 bits).
        ai = a.L4.AsUInt32();
        t0 += Avx512F.Multiply(ai, b0); t1 += Avx512F.Multiply(ai, b1); t2 += Avx512F.Multiply(ai, b2); t3 += Avx512F.Multiply(ai, b3); t4 += Avx512F.Multiply(ai, b4); t5 += Avx512F.Multiply(ai, b5); t6 += Avx512F.Multiply(ai, b6); t7 += Avx512F.Multiply(ai, b7); t8 += Avx512F.Multiply(ai, b8);
        m = (Avx512F.Multiply(t0.AsUInt32(), Vector512.Create(NegInv).AsUInt32()) & mask).AsUInt32();
        low = t0 + Avx512F.Multiply(m, Vector512.Create(Q0).AsUInt32());
        t0 = t1 + Avx512F.Multiply(m, Vector512.Create(Q1).AsUInt32()) + (low >>> Bits);
        t1 = t2 + Avx512F.Multiply(m, Vector512.Create(Q2).AsUInt32());
        t2 = t3 + Avx512F.Multiply(m, Vector512.Create(Q3).AsUInt32());
        t3 = t4 + Avx512F.Multiply(m, Vector512.Create(Q4).AsUInt32());
        t4 = t5 + Avx512F.Multiply(m, Vector512.Create(Q5).AsUInt32());
        t5 = t6 + Avx512F.Multiply(m, Vector512.Create(Q6).AsUInt32());
        t6 = t7 + Avx512F.Multiply(m, Vector512.Create(Q7).AsUInt32());
        t7 = t8 + Avx512F.Multiply(m, Vector512.Create(Q8).AsUInt32());
        t8 = Vector512<ulong>.Zero;
        // Step 5: t += a_5·b; t = (t + m·q) / 2^29, m = t0·(−q^-1) mod 2^29 (VPMULUDQ reads t0's low 32 bits).
        ai = a.L5.AsUInt32();
        t0 += Avx512F.Multiply(ai, b0); t1 += Avx512F.Multiply(ai, b1); t2 += Avx512F.Multiply(ai, b2); t3 += Avx512F.Multiply(ai, b3); t4 += Avx512F.Multiply(ai, b4); t5 += Avx512F.Multiply(ai, b5); t6 += Avx512F.Multiply(ai, b6); t7 += Avx512F.Multiply(ai, b7); t8 += Avx512F.Multiply(ai, b8);
        m = (Avx512F.Multiply(t0.AsUInt32(), Vector512.Create(NegInv).AsUInt32()) & mask).AsUInt32();
        low = t0 + Avx512F.Multiply(m, Vector512.Create(Q0).AsUInt32());
        t0 = t1 + Avx512F.Multiply(m, Vector512.Create(Q1).AsUInt32()) + (low >>> Bits);
        t1 = t2 + Avx512F.Multiply(m, Vector512.Create(Q2).AsUInt32());
        t2 = t3 + Avx512F.Multiply(m, Vector512.Create(Q3).AsUInt32());
        t3 = t4 + Avx512F.Multiply(m, Vector512.Create(Q4).AsUInt32());
        t4 = t5 + Avx512F.Multiply(m, Vector512.Create(Q5).AsUInt32());
        t5 = t6 + Avx512F.Multiply(m, Vector512.Create(Q6).AsUInt32());
        t6 = t7 + Avx512F.Multiply(m, Vector512.Create(Q7).AsUInt32());
        t7 = t8 + Avx512F.Multiply(m, Vector512.Create(Q8).AsUInt32());
        t8 = Vector512<ulong>.Zero;
        // Step 6: t += a_6·b; t = (t + m·q) / 2^29, m = t0·(−q^-1) mod 2^29 (VPMULUDQ reads t0's low 32 bits).
        ai = a.L6.AsUInt32();
        t0 += Avx512F.Multiply(ai, b0); t1 += Avx512F.Multiply(ai, b1); t2 += Avx512F.Multiply(ai, b2); t3 += Avx512F.Multiply(ai, b3); t4 += Avx512F.Multiply(ai, b4); t5 += Avx512F.Multiply(ai, b5); t6 += Avx512F.Multiply(ai, b6); t7 += Avx512F.Multiply(ai, b7); t8 += Avx512F.Multiply(ai, b8);
        m = (Avx512F.Multiply(t0.AsUInt32(), Vector512.Create(NegInv).AsUInt32()) & mask).AsUInt32();
        low = t0 + Avx512F.Multiply(m, Vector512.Create(Q0).AsUInt32());
        t0 = t1 + Avx512F.Multiply(m, Vector512.Create(Q1).AsUInt32()) + (low >>> Bits);
        t1 = t2 + Avx512F.Multiply(m, Vector512.Create(Q2).AsUInt32());
        t2 = t3 + Avx512F.Multiply(m, Vector512.Create(Q3).AsUInt32());
        t3 = t4 + Avx512F.Multiply(m, Vector512.Create(Q4).AsUInt32());
        t4 = t5 + Avx512F.Multiply(m, Vector512.Create(Q5).AsUInt32());
        t5 = t6 + Avx512F.Multiply(m, Vector512.Create(Q6).AsUInt32());
        t6 = t7 + Avx512F.Multiply(m, Vector512.Create(Q7).AsUInt32());
        t7 = t8 + Avx512F.Multiply(m, Vector512.Create(Q8).AsUInt32());
        t8 = Vector512<ulong>.Zero;
        // Step 7: t += a_7·b; t = (t + m·q) / 2^29, m = t0·(−q^-1) mod 2^29 (VPMULUDQ reads t0's low 32 bits).
        ai = a.L7.AsUInt32();
        t0 += Avx512F.Multiply(ai, b0); t1 += Avx512F.Multiply(ai, b1); t2 += Avx512F.Multiply(ai, b2); t3 += Avx512F.Multiply(ai, b3); t4 += Avx512F.Multiply(ai, b4); t5 += Avx512F.Multiply(ai, b5); t6 += Avx512F.Multiply(ai, b6); t7 += Avx512F.Multiply(ai, b7); t8 += Avx512F.Multiply(ai, b8);
        m = (Avx512F.Multiply(t0.AsUInt32(), Vector512.Create(NegInv).AsUInt32()) & mask).AsUInt32();
        low = t0 + Avx512F.Multiply(m, Vector512.Create(Q0).AsUInt32());
        t0 = t1 + Avx512F.Multiply(m, Vector512.Create(Q1).AsUInt32()) + (low >>> Bits);
        t1 = t2 + Avx512F.Multiply(m, Vector512.Create(Q2).AsUInt32());
        t2 = t3 + Avx512F.Multiply(m, Vector512.Create(Q3).AsUInt32());
        t3 = t4 + Avx512F.Multiply(m, Vector512.Create(Q4).AsUInt32());
        t4 = t5 + Avx512F.Multiply(m, Vector512.Create(Q5).AsUInt32());
        t5 = t6 + Avx512F.Multiply(m, Vector512.Create(Q6).AsUInt32());
        t6 = t7 + Avx512F.Multiply(m, Vector512.Create(Q7).AsUInt32());
        t7 = t8 + Avx512F.Multiply(m, Vector512.Create(Q8).AsUInt32());
        t8 = Vector512<ulong>.Zero;
        // Step 8: t += a_8·b; t = (t + m·q) / 2^29, m = t0·(−q^-1) mod 2^29 (VPMULUDQ reads t0's low 32 bits).
        ai = a.L8.AsUInt32();
        t0 += Avx512F.Multiply(ai, b0); t1 += Avx512F.Multiply(ai, b1); t2 += Avx512F.Multiply(ai, b2); t3 += Avx512F.Multiply(ai, b3); t4 += Avx512F.Multiply(ai, b4); t5 += Avx512F.Multiply(ai, b5); t6 += Avx512F.Multiply(ai, b6); t7 += Avx512F.Multiply(ai, b7); t8 += Avx512F.Multiply(ai, b8);
        m = (Avx512F.Multiply(t0.AsUInt32(), Vector512.Create(NegInv).AsUInt32()) & mask).AsUInt32();
        low = t0 + Avx512F.Multiply(m, Vector512.Create(Q0).AsUInt32());
        t0 = t1 + Avx512F.Multiply(m, Vector512.Create(Q1).AsUInt32()) + (low >>> Bits);
        t1 = t2 + Avx512F.Multiply(m, Vector512.Create(Q2).AsUInt32());
        t2 = t3 + Avx512F.Multiply(m, Vector512.Create(Q3).AsUInt32());
        t3 = t4 + Avx512F.Multiply(m, Vector512.Create(Q4).AsUInt32());
        t4 = t5 + Avx512F.Multiply(m, Vector512.Create(Q5).AsUInt32());
        t5 = t6 + Avx512F.Multiply(m, Vector512.Create(Q6).AsUInt32());
        t6 = t7 + Avx512F.Multiply(m, Vector512.Create(Q7).AsUInt32());
        t7 = t8 + Avx512F.Multiply(m, Vector512.Create(Q8).AsUInt32());
        r.L0 = t0; r.L1 = t1; r.L2 = t2; r.L3 = t3; r.L4 = t4; r.L5 = t5; r.L6 = t6; r.L7 = t7; r.L8 = Vector512<ulong>.Zero;
    }
}
