using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics.X86;

namespace Rollup.Crypto.Bn254.Fields;

/// <summary>
/// Four little-endian 64-bit limbs: the raw storage of <see cref="Fq"/> and <see cref="Fr"/>.
/// Kept separate from the field types so one Montgomery implementation serves both fields.
/// </summary>
internal readonly struct U256
{
    public readonly ulong L0, L1, L2, L3;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public U256(ulong l0, ulong l1, ulong l2, ulong l3) { L0 = l0; L1 = l1; L2 = l2; L3 = l3; }

    public bool IsZero => (L0 | L1 | L2 | L3) == 0;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool Equals(in U256 o) => ((L0 ^ o.L0) | (L1 ^ o.L1) | (L2 ^ o.L2) | (L3 ^ o.L3)) == 0;
}

/// <summary>Word-level carry arithmetic. .NET has no add-with-carry intrinsic, so carries are
/// recovered with unsigned comparisons, which the JIT turns into setb/adc-like sequences.</summary>
internal static class Word
{
    /// <summary>
    /// High 64 bits of a*b, for the products whose low half is not needed (m·M0 in a reduction
    /// step): mulx's high-only form.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong MulHigh(ulong a, ulong b) =>
        Bmi2.X64.IsSupported ? Bmi2.X64.MultiplyNoFlags(a, b) : Math.BigMul(a, b, out _);

    // The products below take both halves from one Math.BigMul. The JIT passes the low half
    // through a stack slot (lea, mulx, store, load), which looks worse than mulx-high plus an imul
    // for the low half, but the loads and stores run on their own ports while mulx and imul both
    // need port 1, the port a Montgomery product saturates: llvm-mca (icelake-server) on the JIT's
    // output gives 124 cycles per CIOS product against 135, and the best-of-rounds timing agrees
    // (bench/Rollup.Bench/MulVariants.cs keeps the alternatives).

    /// <summary>Returns hi and sets lo such that hi:lo = a*b + c (never overflows 128 bits).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong MulAdd(ulong a, ulong b, ulong c, out ulong lo)
    {
        ulong hi = Math.BigMul(a, b, out ulong l);
        lo = l + c;
        return hi + (lo < c ? 1UL : 0UL);
    }

    /// <summary>Returns hi and sets lo such that hi:lo = a*b + c + d (max (2^64-1)^2 + 2(2^64-1) = 2^128-1).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong MulAdd2(ulong a, ulong b, ulong c, ulong d, out ulong lo)
    {
        ulong hi = Math.BigMul(a, b, out ulong l);
        l += c;
        hi += l < c ? 1UL : 0UL;
        lo = l + d;
        return hi + (lo < d ? 1UL : 0UL);
    }

    /// <summary>a + b + carry; carry in and out is 0 or 1.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Adc(ulong a, ulong b, ref ulong carry)
    {
        ulong s = a + b;
        ulong c1 = s < a ? 1UL : 0UL;
        ulong r = s + carry;
        carry = c1 | (r < s ? 1UL : 0UL);
        return r;
    }

    /// <summary>a - b - borrow; borrow in and out is 0 or 1.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Sbb(ulong a, ulong b, ref ulong borrow)
    {
        ulong d = a - b;
        ulong b1 = a < b ? 1UL : 0UL;
        ulong r = d - borrow;
        borrow = b1 | (d < borrow ? 1UL : 0UL);
        return r;
    }
}
