using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Rollup.Crypto.Bn254.Fields;

/// <summary>
/// The lazily reduced forms the forward NTT butterflies use: values in [0, 4r) (below 2^256, so they
/// still fit the U256 layout between levels), one conditional subtraction per butterfly instead of three.
/// </summary>
internal static partial class Fr8Math
{
    // 2r in radix 2^29.
    private const ulong Q0 = 0x2, Q1 = 0x1e1f593f, Q2 = 0x1cb848a1, Q3 = 0xfa121e6, Q4 = 0xb0ba506,
        Q5 = 0x5b68181, Q6 = 0x14dc282, Q7 = 0x1cb84c68, Q8 = 0x60c89c;

    /// <summary>a + b, normalized, not reduced (for a, b &lt; 2r the sum is below 4r). b may have
    /// unnormalized limbs below 2^63 (<see cref="MulLazy"/>'s output).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void AddLazy(in Fr8 a, in Fr8 b, out Fr8 result)
    {
        Vector512<ulong> mask = Vector512.Create(Mask);
        Vector512<ulong> s0 = a.L0 + b.L0, s1 = a.L1 + b.L1, s2 = a.L2 + b.L2, s3 = a.L3 + b.L3, s4 = a.L4 + b.L4,
            s5 = a.L5 + b.L5, s6 = a.L6 + b.L6, s7 = a.L7 + b.L7, s8 = a.L8 + b.L8;
        s1 += s0 >>> Bits; result.L0 = s0 & mask;
        s2 += s1 >>> Bits; result.L1 = s1 & mask;
        s3 += s2 >>> Bits; result.L2 = s2 & mask;
        s4 += s3 >>> Bits; result.L3 = s3 & mask;
        s5 += s4 >>> Bits; result.L4 = s4 & mask;
        s6 += s5 >>> Bits; result.L5 = s5 & mask;
        s7 += s6 >>> Bits; result.L6 = s6 & mask;
        s8 += s7 >>> Bits; result.L7 = s7 & mask;
        result.L8 = s8;
    }

    /// <summary>a − b + 2r, normalized, not reduced (for a, b &lt; 2r: in (0, 4r)). b may have
    /// unnormalized limbs below 2^62.5 (a limb difference stays above −2^63: signed carries).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void SubLazy(in Fr8 a, in Fr8 b, out Fr8 result)
    {
        Vector512<ulong> mask = Vector512.Create(Mask);
        Vector512<ulong> d0 = a.L0 - b.L0 + Vector512.Create(Q0), d1 = a.L1 - b.L1 + Vector512.Create(Q1),
            d2 = a.L2 - b.L2 + Vector512.Create(Q2), d3 = a.L3 - b.L3 + Vector512.Create(Q3),
            d4 = a.L4 - b.L4 + Vector512.Create(Q4), d5 = a.L5 - b.L5 + Vector512.Create(Q5),
            d6 = a.L6 - b.L6 + Vector512.Create(Q6), d7 = a.L7 - b.L7 + Vector512.Create(Q7),
            d8 = a.L8 - b.L8 + Vector512.Create(Q8);
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

    /// <summary>t mod 2r for normalized t in [0, 4r): into [0, 2r).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void ReduceBelowTwiceModulus(in Fr8 t, out Fr8 result) =>
        SubtractIfAtLeast(t.L0, t.L1, t.L2, t.L3, t.L4, t.L5, t.L6, t.L7, t.L8,
            Vector512.Create(Q0), Vector512.Create(Q1), Vector512.Create(Q2), Vector512.Create(Q3), Vector512.Create(Q4),
            Vector512.Create(Q5), Vector512.Create(Q6), Vector512.Create(Q7), Vector512.Create(Q8), out result);

    /// <summary>t mod r for normalized t in [0, 4r): the lazy values made canonical.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void ReduceFromFourTimesModulus(in Fr8 t, out Fr8 result)
    {
        ReduceBelowTwiceModulus(t, out Fr8 u);
        SubtractModulusIfNeeded(u.L0, u.L1, u.L2, u.L3, u.L4, u.L5, u.L6, u.L7, u.L8, out result);
    }
}
