using System.Runtime.CompilerServices;
using static Rollup.Crypto.Bn254.Fields.Word;

namespace Rollup.Crypto.Bn254.Fields;

/// <summary>
/// Modular addition, subtraction and conditional negation without data-dependent branches, for
/// the bulk kernels (MSM bucket additions, NTT butterflies). There the operands are random, so the
/// "did it wrap?" branch in <see cref="Montgomery{P}"/>'s Add/Sub mispredicts half the time; here the
/// correction is always computed and masked in, which costs a few instructions and never a flush of
/// the pipeline.
/// </summary>
internal static class BranchFree<P> where P : struct, IModulus
{
    /// <summary>a - b mod M for a, b &lt; M: subtract, then add M masked by the borrow.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static U256 Sub(in U256 a, in U256 b)
    {
        ulong borrow = 0;
        ulong t0 = Sbb(a.L0, b.L0, ref borrow);
        ulong t1 = Sbb(a.L1, b.L1, ref borrow);
        ulong t2 = Sbb(a.L2, b.L2, ref borrow);
        ulong t3 = Sbb(a.L3, b.L3, ref borrow);
        ulong mask = 0UL - borrow;
        ulong carry = 0;
        t0 = Adc(t0, P.M0 & mask, ref carry);
        t1 = Adc(t1, P.M1 & mask, ref carry);
        t2 = Adc(t2, P.M2 & mask, ref carry);
        t3 += (P.M3 & mask) + carry;
        return new U256(t0, t1, t2, t3);
    }

    /// <summary>a + b mod M for a, b &lt; M: add (no carry out, since 2M &lt; 2^256), subtract M, and
    /// keep the unsubtracted sum when that borrows.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static U256 Add(in U256 a, in U256 b)
    {
        ulong carry = 0;
        ulong s0 = Adc(a.L0, b.L0, ref carry);
        ulong s1 = Adc(a.L1, b.L1, ref carry);
        ulong s2 = Adc(a.L2, b.L2, ref carry);
        ulong s3 = a.L3 + b.L3 + carry;
        ulong borrow = 0;
        ulong d0 = Sbb(s0, P.M0, ref borrow);
        ulong d1 = Sbb(s1, P.M1, ref borrow);
        ulong d2 = Sbb(s2, P.M2, ref borrow);
        ulong d3 = Sbb(s3, P.M3, ref borrow);
        ulong keep = 0UL - borrow;                  // all ones: the sum was already below M
        return new U256(
            d0 ^ ((d0 ^ s0) & keep), d1 ^ ((d1 ^ s1) & keep),
            d2 ^ ((d2 ^ s2) & keep), d3 ^ ((d3 ^ s3) & keep));
    }

    /// <summary>-a when <paramref name="negate"/> is 1, a when it is 0 (0 stays 0 either way).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static U256 NegateIf(in U256 a, ulong negate)
    {
        U256 n = Sub(default, a);
        ulong mask = 0UL - negate;
        return new U256(
            a.L0 ^ ((a.L0 ^ n.L0) & mask), a.L1 ^ ((a.L1 ^ n.L1) & mask),
            a.L2 ^ ((a.L2 ^ n.L2) & mask), a.L3 ^ ((a.L3 ^ n.L3) & mask));
    }
}
