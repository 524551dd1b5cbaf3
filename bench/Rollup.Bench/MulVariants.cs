using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics.X86;
using Rollup.Crypto.Bn254.Fields;

namespace Rollup.Bench;

/// <summary>
/// Alternative formulations of the F_q Montgomery product, kept so the measurements behind the
/// library's choice can be rerun (<c>--bn254-micro 200 variant</c>). Each is the same CIOS
/// algorithm (4 rounds of "t += a·b_i, then one reduction word") and differs only in how the
/// 64×64→128 products and the carries are spelled, which is all the JIT's output depends on.
/// </summary>
internal static class MulVariants
{
    private const ulong M0 = 0x3c208c16d87cfd47, M1 = 0x97816a916871ca8d, M2 = 0xb85045b68181585d, M3 = 0x30644e72e131a029;
    private const ulong NegInv = 0x87d20782e4866389;

    /// <summary>t in [0, 2M) to [0, M), branch-free.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static U256 Final(ulong t0, ulong t1, ulong t2, ulong t3)
    {
        ulong s0 = t0 - M0, b = t0 < M0 ? 1UL : 0UL;
        ulong d = t1 - M1, b1 = t1 < M1 ? 1UL : 0UL;
        ulong s1 = d - b; b = b1 + (d < b ? 1UL : 0UL);
        d = t2 - M2; b1 = t2 < M2 ? 1UL : 0UL;
        ulong s2 = d - b; b = b1 + (d < b ? 1UL : 0UL);
        d = t3 - M3; b1 = t3 < M3 ? 1UL : 0UL;
        ulong s3 = d - b; b = b1 + (d < b ? 1UL : 0UL);
        ulong keep = 0UL - b;
        return new U256(s0 ^ ((s0 ^ t0) & keep), s1 ^ ((s1 ^ t1) & keep), s2 ^ ((s2 ^ t2) & keep), s3 ^ ((s3 ^ t3) & keep));
    }

    // ---- A: high half by mulx (MultiplyNoFlags without the low pointer), low half by imul ----
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong HiA(ulong a, ulong b) => Bmi2.X64.MultiplyNoFlags(a, b);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong MacA(ulong a, ulong b, ulong c, out ulong lo)
    {
        ulong hi = HiA(a, b);
        lo = a * b + c;
        return hi + (lo < c ? 1UL : 0UL);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Mac2A(ulong a, ulong b, ulong c, ulong d, out ulong lo)
    {
        ulong hi = HiA(a, b);
        ulong l = a * b + c;
        hi += l < c ? 1UL : 0UL;
        lo = l + d;
        return hi + (lo < d ? 1UL : 0UL);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    public static U256 MulHighPlusImul(in U256 a, in U256 b)
    {
        ulong a0 = a.L0, a1 = a.L1, a2 = a.L2, a3 = a.L3, t0, t1, t2, t3, c, hi, m, bi;
        bi = b.L0;
        c = HiA(a0, bi); t0 = a0 * bi;
        c = MacA(a1, bi, c, out t1); c = MacA(a2, bi, c, out t2); hi = MacA(a3, bi, c, out t3);
        m = t0 * NegInv; c = HiA(m, M0) + (t0 != 0 ? 1UL : 0UL);
        c = Mac2A(m, M1, t1, c, out t0); c = Mac2A(m, M2, t2, c, out t1); c = Mac2A(m, M3, t3, c, out t2); t3 = c + hi;
        bi = b.L1;
        c = MacA(a0, bi, t0, out t0); c = Mac2A(a1, bi, t1, c, out t1); c = Mac2A(a2, bi, t2, c, out t2); hi = Mac2A(a3, bi, t3, c, out t3);
        m = t0 * NegInv; c = HiA(m, M0) + (t0 != 0 ? 1UL : 0UL);
        c = Mac2A(m, M1, t1, c, out t0); c = Mac2A(m, M2, t2, c, out t1); c = Mac2A(m, M3, t3, c, out t2); t3 = c + hi;
        bi = b.L2;
        c = MacA(a0, bi, t0, out t0); c = Mac2A(a1, bi, t1, c, out t1); c = Mac2A(a2, bi, t2, c, out t2); hi = Mac2A(a3, bi, t3, c, out t3);
        m = t0 * NegInv; c = HiA(m, M0) + (t0 != 0 ? 1UL : 0UL);
        c = Mac2A(m, M1, t1, c, out t0); c = Mac2A(m, M2, t2, c, out t1); c = Mac2A(m, M3, t3, c, out t2); t3 = c + hi;
        bi = b.L3;
        c = MacA(a0, bi, t0, out t0); c = Mac2A(a1, bi, t1, c, out t1); c = Mac2A(a2, bi, t2, c, out t2); hi = Mac2A(a3, bi, t3, c, out t3);
        m = t0 * NegInv; c = HiA(m, M0) + (t0 != 0 ? 1UL : 0UL);
        c = Mac2A(m, M1, t1, c, out t0); c = Mac2A(m, M2, t2, c, out t1); c = Mac2A(m, M3, t3, c, out t2); t3 = c + hi;
        return Final(t0, t1, t2, t3);
    }

    // ---- B: Math.BigMul(a, b, out lo): one mulx for both halves (the low half goes through a stack slot) ----
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong MacB(ulong a, ulong b, ulong c, out ulong lo)
    {
        ulong hi = Math.BigMul(a, b, out ulong l);
        lo = l + c;
        return hi + (lo < c ? 1UL : 0UL);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Mac2B(ulong a, ulong b, ulong c, ulong d, out ulong lo)
    {
        ulong hi = Math.BigMul(a, b, out ulong l);
        l += c;
        hi += l < c ? 1UL : 0UL;
        lo = l + d;
        return hi + (lo < d ? 1UL : 0UL);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    public static U256 MulBigMulOut(in U256 a, in U256 b)
    {
        ulong a0 = a.L0, a1 = a.L1, a2 = a.L2, a3 = a.L3, t0, t1, t2, t3, c, hi, m, bi;
        bi = b.L0;
        c = Math.BigMul(a0, bi, out t0);
        c = MacB(a1, bi, c, out t1); c = MacB(a2, bi, c, out t2); hi = MacB(a3, bi, c, out t3);
        m = t0 * NegInv; c = HiA(m, M0) + (t0 != 0 ? 1UL : 0UL);
        c = Mac2B(m, M1, t1, c, out t0); c = Mac2B(m, M2, t2, c, out t1); c = Mac2B(m, M3, t3, c, out t2); t3 = c + hi;
        bi = b.L1;
        c = MacB(a0, bi, t0, out t0); c = Mac2B(a1, bi, t1, c, out t1); c = Mac2B(a2, bi, t2, c, out t2); hi = Mac2B(a3, bi, t3, c, out t3);
        m = t0 * NegInv; c = HiA(m, M0) + (t0 != 0 ? 1UL : 0UL);
        c = Mac2B(m, M1, t1, c, out t0); c = Mac2B(m, M2, t2, c, out t1); c = Mac2B(m, M3, t3, c, out t2); t3 = c + hi;
        bi = b.L2;
        c = MacB(a0, bi, t0, out t0); c = Mac2B(a1, bi, t1, c, out t1); c = Mac2B(a2, bi, t2, c, out t2); hi = Mac2B(a3, bi, t3, c, out t3);
        m = t0 * NegInv; c = HiA(m, M0) + (t0 != 0 ? 1UL : 0UL);
        c = Mac2B(m, M1, t1, c, out t0); c = Mac2B(m, M2, t2, c, out t1); c = Mac2B(m, M3, t3, c, out t2); t3 = c + hi;
        bi = b.L3;
        c = MacB(a0, bi, t0, out t0); c = Mac2B(a1, bi, t1, c, out t1); c = Mac2B(a2, bi, t2, c, out t2); hi = Mac2B(a3, bi, t3, c, out t3);
        m = t0 * NegInv; c = HiA(m, M0) + (t0 != 0 ? 1UL : 0UL);
        c = Mac2B(m, M1, t1, c, out t0); c = Mac2B(m, M2, t2, c, out t1); c = Mac2B(m, M3, t3, c, out t2); t3 = c + hi;
        return Final(t0, t1, t2, t3);
    }

    // ---- C: UInt128 arithmetic: Math.BigMul(a, b) returning UInt128, carries by UInt128 additions ----
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static U256 MulUInt128(in U256 a, in U256 b)
    {
        ulong a0 = a.L0, a1 = a.L1, a2 = a.L2, a3 = a.L3, t0 = 0, t1 = 0, t2 = 0, t3 = 0;
        Round(b.L0); Round(b.L1); Round(b.L2); Round(b.L3);
        return Final(t0, t1, t2, t3);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        void Round(ulong bi)
        {
            UInt128 p = Math.BigMul(a0, bi) + t0; t0 = (ulong)p;
            p = Math.BigMul(a1, bi) + t1 + (ulong)(p >> 64); t1 = (ulong)p;
            p = Math.BigMul(a2, bi) + t2 + (ulong)(p >> 64); t2 = (ulong)p;
            p = Math.BigMul(a3, bi) + t3 + (ulong)(p >> 64); t3 = (ulong)p;
            ulong hi = (ulong)(p >> 64);
            ulong m = t0 * NegInv;
            p = Math.BigMul(m, M0) + t0;
            p = Math.BigMul(m, M1) + t1 + (ulong)(p >> 64); t0 = (ulong)p;
            p = Math.BigMul(m, M2) + t2 + (ulong)(p >> 64); t1 = (ulong)p;
            p = Math.BigMul(m, M3) + t3 + (ulong)(p >> 64); t2 = (ulong)p;
            t3 = (ulong)(p >> 64) + hi;
        }
    }

    // ---- D: like B, but the carry word c is selected (c > ~l ? h + 1 : h) so its chain is cmp + cmov ----
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Mac2D(ulong a, ulong b, ulong t, ulong c, out ulong lo)
    {
        ulong h = Math.BigMul(a, b, out ulong l);
        l += t;
        h += l < t ? 1UL : 0UL;
        lo = l + c;
        return c > ~l ? h + 1 : h;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    public static U256 MulCarrySelect(in U256 a, in U256 b)
    {
        ulong a0 = a.L0, a1 = a.L1, a2 = a.L2, a3 = a.L3, t0, t1, t2, t3, c, hi, m, bi;
        bi = b.L0;
        c = Math.BigMul(a0, bi, out t0);
        c = MacB(a1, bi, c, out t1); c = MacB(a2, bi, c, out t2); hi = MacB(a3, bi, c, out t3);
        m = t0 * NegInv; c = HiA(m, M0) + (t0 != 0 ? 1UL : 0UL);
        c = Mac2D(m, M1, t1, c, out t0); c = Mac2D(m, M2, t2, c, out t1); c = Mac2D(m, M3, t3, c, out t2); t3 = c + hi;
        bi = b.L1;
        c = MacB(a0, bi, t0, out t0); c = Mac2D(a1, bi, t1, c, out t1); c = Mac2D(a2, bi, t2, c, out t2); hi = Mac2D(a3, bi, t3, c, out t3);
        m = t0 * NegInv; c = HiA(m, M0) + (t0 != 0 ? 1UL : 0UL);
        c = Mac2D(m, M1, t1, c, out t0); c = Mac2D(m, M2, t2, c, out t1); c = Mac2D(m, M3, t3, c, out t2); t3 = c + hi;
        bi = b.L2;
        c = MacB(a0, bi, t0, out t0); c = Mac2D(a1, bi, t1, c, out t1); c = Mac2D(a2, bi, t2, c, out t2); hi = Mac2D(a3, bi, t3, c, out t3);
        m = t0 * NegInv; c = HiA(m, M0) + (t0 != 0 ? 1UL : 0UL);
        c = Mac2D(m, M1, t1, c, out t0); c = Mac2D(m, M2, t2, c, out t1); c = Mac2D(m, M3, t3, c, out t2); t3 = c + hi;
        bi = b.L3;
        c = MacB(a0, bi, t0, out t0); c = Mac2D(a1, bi, t1, c, out t1); c = Mac2D(a2, bi, t2, c, out t2); hi = Mac2D(a3, bi, t3, c, out t3);
        m = t0 * NegInv; c = HiA(m, M0) + (t0 != 0 ? 1UL : 0UL);
        c = Mac2D(m, M1, t1, c, out t0); c = Mac2D(m, M2, t2, c, out t1); c = Mac2D(m, M3, t3, c, out t2); t3 = c + hi;
        return Final(t0, t1, t2, t3);
    }

    // ---- E: one mulx for both halves, the low half through one pointer to a single stack slot
    // (no per-product lea), and the row's common factor first so it can stay in rdx ----
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static unsafe ulong MacE(ulong b, ulong a, ulong c, ulong* tmp, out ulong lo)
    {
        ulong hi = Bmi2.X64.MultiplyNoFlags(b, a, tmp);
        lo = *tmp + c;
        return hi + (lo < c ? 1UL : 0UL);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static unsafe ulong Mac2E(ulong b, ulong a, ulong t, ulong c, ulong* tmp, out ulong lo)
    {
        ulong h = Bmi2.X64.MultiplyNoFlags(b, a, tmp);
        ulong l = *tmp + t;
        h += l < t ? 1UL : 0UL;
        lo = l + c;
        return h + (lo < c ? 1UL : 0UL);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    public static unsafe U256 MulOneSlot(in U256 a, in U256 b)
    {
        ulong slot;
        ulong* p = &slot;
        ulong a0 = a.L0, a1 = a.L1, a2 = a.L2, a3 = a.L3, t0, t1, t2, t3, c, hi, m, bi;
        bi = b.L0;
        c = Bmi2.X64.MultiplyNoFlags(bi, a0, p); t0 = *p;
        c = MacE(bi, a1, c, p, out t1); c = MacE(bi, a2, c, p, out t2); hi = MacE(bi, a3, c, p, out t3);
        m = t0 * NegInv; c = HiA(m, M0) + (t0 != 0 ? 1UL : 0UL);
        c = Mac2E(m, M1, t1, c, p, out t0); c = Mac2E(m, M2, t2, c, p, out t1); c = Mac2E(m, M3, t3, c, p, out t2); t3 = c + hi;
        bi = b.L1;
        c = MacE(bi, a0, t0, p, out t0); c = Mac2E(bi, a1, t1, c, p, out t1); c = Mac2E(bi, a2, t2, c, p, out t2); hi = Mac2E(bi, a3, t3, c, p, out t3);
        m = t0 * NegInv; c = HiA(m, M0) + (t0 != 0 ? 1UL : 0UL);
        c = Mac2E(m, M1, t1, c, p, out t0); c = Mac2E(m, M2, t2, c, p, out t1); c = Mac2E(m, M3, t3, c, p, out t2); t3 = c + hi;
        bi = b.L2;
        c = MacE(bi, a0, t0, p, out t0); c = Mac2E(bi, a1, t1, c, p, out t1); c = Mac2E(bi, a2, t2, c, p, out t2); hi = Mac2E(bi, a3, t3, c, p, out t3);
        m = t0 * NegInv; c = HiA(m, M0) + (t0 != 0 ? 1UL : 0UL);
        c = Mac2E(m, M1, t1, c, p, out t0); c = Mac2E(m, M2, t2, c, p, out t1); c = Mac2E(m, M3, t3, c, p, out t2); t3 = c + hi;
        bi = b.L3;
        c = MacE(bi, a0, t0, p, out t0); c = Mac2E(bi, a1, t1, c, p, out t1); c = Mac2E(bi, a2, t2, c, p, out t2); hi = Mac2E(bi, a3, t3, c, p, out t3);
        m = t0 * NegInv; c = HiA(m, M0) + (t0 != 0 ? 1UL : 0UL);
        c = Mac2E(m, M1, t1, c, p, out t0); c = Mac2E(m, M2, t2, c, p, out t1); c = Mac2E(m, M3, t3, c, p, out t2); t3 = c + hi;
        return Final(t0, t1, t2, t3);
    }

    // ---- F: SOS, the full 512-bit product then a separate REDC (the library's lazy-reduction path) ----
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static U256 MulSos(in U256 a, in U256 b) => Montgomery<FqModulus>.Redc(Montgomery<FqModulus>.Product(a, b));
}
