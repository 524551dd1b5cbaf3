using System.Numerics;
using System.Runtime.CompilerServices;

namespace Rollup.Crypto.Bn254.Fields;

/// <summary>
/// Small linear combinations (9a ± b, 3a ± 2b) with one reduction at the end instead of one per
/// step. The towers need them constantly (ξ = 9 + u; the cyclotomic squaring's 3t ∓ 2a), and as
/// chains of modular doublings and additions each step paid its own carry chain and correction.
/// </summary>
internal static partial class Montgomery<P> where P : struct, IModulus
{
    // For v < 2^261, Quotients[v >> 250] is floor(v/M) or one less: a bucket 2^250 wide is narrower
    // than M, so the quotient varies by at most one across it. Multiples holds k·M (five limbs).
    private static readonly byte[] Quotients = BuildQuotients();
    private static readonly ulong[] Multiples = BuildMultiples();

    private static byte[] BuildQuotients()
    {
        BigInteger m = LimbCodec.ToBigInteger(Modulus);
        var table = new byte[2048];
        for (int top = 0; top < 2048; top++) table[top] = (byte)((new BigInteger(top) << 250) / m);
        return table;
    }

    private static ulong[] BuildMultiples()
    {
        BigInteger m = LimbCodec.ToBigInteger(Modulus);
        int count = (int)(((BigInteger.One << 261) - 1) / m) + 1;
        var table = new ulong[5 * count];
        for (int k = 0; k < count; k++)
        {
            BigInteger km = k * m;
            for (int i = 0; i < 5; i++) table[5 * k + i] = (ulong)((km >> (64 * i)) & ulong.MaxValue);
        }
        return table;
    }

    /// <summary>v = t0 + t1·2^64 + ... + t4·2^256 with v &lt; 2^261 (t4 ≤ 31), reduced to [0, M).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static U256 ReduceSmall(ulong t0, ulong t1, ulong t2, ulong t3, ulong t4)
    {
        int k = Quotients[(int)(((t4 & 31) << 6) | (t3 >> 58))];
        ReadOnlySpan<ulong> km = Multiples.AsSpan(5 * k, 4);
        // v - k·M is in [0, 2M), so the fifth limb of the difference is zero and is not formed.
        ulong m0 = km[0], m1 = km[1], m2 = km[2], m3 = km[3];
        ulong r0 = t0 - m0;
        ulong b = t0 < m0 ? 1UL : 0UL;
        ulong d = t1 - m1;
        ulong b1 = t1 < m1 ? 1UL : 0UL;
        ulong r1 = d - b;
        b = b1 + (d < b ? 1UL : 0UL);
        d = t2 - m2;
        b1 = t2 < m2 ? 1UL : 0UL;
        ulong r2 = d - b;
        b = b1 + (d < b ? 1UL : 0UL);
        ulong r3 = t3 - m3 - b;
        return SubtractModulusIfNeeded(r0, r1, r2, r3);
    }

    /// <summary>9a + b mod M (a, b &lt; M, so 9a + b &lt; 10M).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static U256 NineTimesPlus(in U256 a, in U256 b)
    {
        // 8a, five limbs, by shifting.
        ulong s0 = a.L0 << 3, s1 = (a.L1 << 3) | (a.L0 >> 61), s2 = (a.L2 << 3) | (a.L1 >> 61);
        ulong s3 = (a.L3 << 3) | (a.L2 >> 61), s4 = a.L3 >> 61;
        // + a + b: one pass adding the two 4-limb values, carries 0..2.
        ulong c, c1, x;
        x = s0 + a.L0; c = x < s0 ? 1UL : 0UL; s0 = x + b.L0; c += s0 < x ? 1UL : 0UL;
        x = s1 + a.L1; c1 = x < s1 ? 1UL : 0UL; x += c; c1 += x < c ? 1UL : 0UL; s1 = x + b.L1; c = c1 + (s1 < x ? 1UL : 0UL);
        x = s2 + a.L2; c1 = x < s2 ? 1UL : 0UL; x += c; c1 += x < c ? 1UL : 0UL; s2 = x + b.L2; c = c1 + (s2 < x ? 1UL : 0UL);
        x = s3 + a.L3; c1 = x < s3 ? 1UL : 0UL; x += c; c1 += x < c ? 1UL : 0UL; s3 = x + b.L3; c = c1 + (s3 < x ? 1UL : 0UL);
        return ReduceSmall(s0, s1, s2, s3, s4 + c);
    }

    /// <summary>9a - b mod M (a, b &lt; M), as 9a + (M - b) &lt; 10M.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static U256 NineTimesMinus(in U256 a, in U256 b) => NineTimesPlus(a, ModulusMinus(b));

    /// <summary>3a + 2b mod M (a, b &lt; M, so the sum is below 5M).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static U256 ThreeTimesPlusTwice(in U256 a, in U256 b)
    {
        // 2a + 2b = 2(a + b), then + a.
        ulong c, c1, x;
        ulong s0 = a.L0 + b.L0; c = s0 < a.L0 ? 1UL : 0UL;
        x = a.L1 + b.L1; c1 = x < a.L1 ? 1UL : 0UL; ulong s1 = x + c; c = c1 + (s1 < c ? 1UL : 0UL);
        x = a.L2 + b.L2; c1 = x < a.L2 ? 1UL : 0UL; ulong s2 = x + c; c = c1 + (s2 < c ? 1UL : 0UL);
        ulong s3 = a.L3 + b.L3 + c; // a + b < 2M < 2^255
        ulong s4 = s3 >> 63;
        s3 = (s3 << 1) | (s2 >> 63); s2 = (s2 << 1) | (s1 >> 63); s1 = (s1 << 1) | (s0 >> 63); s0 <<= 1;
        x = s0 + a.L0; c = x < s0 ? 1UL : 0UL; s0 = x;
        x = s1 + a.L1; c1 = x < s1 ? 1UL : 0UL; s1 = x + c; c = c1 + (s1 < c ? 1UL : 0UL);
        x = s2 + a.L2; c1 = x < s2 ? 1UL : 0UL; s2 = x + c; c = c1 + (s2 < c ? 1UL : 0UL);
        x = s3 + a.L3; c1 = x < s3 ? 1UL : 0UL; s3 = x + c; c = c1 + (s3 < c ? 1UL : 0UL);
        return ReduceSmall(s0, s1, s2, s3, s4 + c);
    }

    /// <summary>3a - 2b mod M (a, b &lt; M), as 3a + 2(M - b) &lt; 5M.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static U256 ThreeTimesMinusTwice(in U256 a, in U256 b) => ThreeTimesPlusTwice(a, ModulusMinus(b));

    // ---- fused sums of up to six terms with one reduction ----
    // A five-limb accumulator starts at k·M (k = the number of subtracted multiples of M, so it
    // never goes negative) and takes terms added or subtracted limb by limb; the callers' bounds
    // keep the final value below 2^261 for ReduceSmall. Intermediate values may wrap (they are
    // taken mod 2^320); only the final one needs to be in range.

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Start(int k, out ulong s0, out ulong s1, out ulong s2, out ulong s3, out ulong s4)
    {
        ReadOnlySpan<ulong> km = Multiples.AsSpan(5 * k, 5);
        s0 = km[0]; s1 = km[1]; s2 = km[2]; s3 = km[3]; s4 = km[4];
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Plus(ref ulong s0, ref ulong s1, ref ulong s2, ref ulong s3, ref ulong s4, in U256 x)
    {
        ulong t = s0 + x.L0, c = t < s0 ? 1UL : 0UL, c1;
        s0 = t;
        t = s1 + x.L1; c1 = t < s1 ? 1UL : 0UL; t += c; c = c1 + (t < c ? 1UL : 0UL); s1 = t;
        t = s2 + x.L2; c1 = t < s2 ? 1UL : 0UL; t += c; c = c1 + (t < c ? 1UL : 0UL); s2 = t;
        t = s3 + x.L3; c1 = t < s3 ? 1UL : 0UL; t += c; c = c1 + (t < c ? 1UL : 0UL); s3 = t;
        s4 += c;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Minus(ref ulong s0, ref ulong s1, ref ulong s2, ref ulong s3, ref ulong s4, in U256 x)
    {
        ulong b = s0 < x.L0 ? 1UL : 0UL, b1, t;
        s0 -= x.L0;
        t = s1 - x.L1; b1 = s1 < x.L1 ? 1UL : 0UL; s1 = t - b; b = b1 + (t < b ? 1UL : 0UL);
        t = s2 - x.L2; b1 = s2 < x.L2 ? 1UL : 0UL; s2 = t - b; b = b1 + (t < b ? 1UL : 0UL);
        t = s3 - x.L3; b1 = s3 < x.L3 ? 1UL : 0UL; s3 = t - b; b = b1 + (t < b ? 1UL : 0UL);
        s4 -= b;
    }

    /// <summary>s += 8x (x &lt; 2^254, so 8x fits in five limbs).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void PlusEight(ref ulong s0, ref ulong s1, ref ulong s2, ref ulong s3, ref ulong s4, in U256 x)
    {
        ulong e0 = x.L0 << 3, e1 = (x.L1 << 3) | (x.L0 >> 61), e2 = (x.L2 << 3) | (x.L1 >> 61), e3 = (x.L3 << 3) | (x.L2 >> 61);
        Plus(ref s0, ref s1, ref s2, ref s3, ref s4, new U256(e0, e1, e2, e3));
        s4 += x.L3 >> 61;
    }

    /// <summary>s -= 8x.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void MinusEight(ref ulong s0, ref ulong s1, ref ulong s2, ref ulong s3, ref ulong s4, in U256 x)
    {
        ulong e0 = x.L0 << 3, e1 = (x.L1 << 3) | (x.L0 >> 61), e2 = (x.L2 << 3) | (x.L1 >> 61), e3 = (x.L3 << 3) | (x.L2 >> 61);
        Minus(ref s0, ref s1, ref s2, ref s3, ref s4, new U256(e0, e1, e2, e3));
        s4 -= x.L3 >> 61;
    }

    /// <summary>x - y - z mod M.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static U256 SubSub(in U256 x, in U256 y, in U256 z)
    {
        Start(2, out ulong s0, out ulong s1, out ulong s2, out ulong s3, out ulong s4);
        Plus(ref s0, ref s1, ref s2, ref s3, ref s4, x);
        Minus(ref s0, ref s1, ref s2, ref s3, ref s4, y);
        Minus(ref s0, ref s1, ref s2, ref s3, ref s4, z);
        return ReduceSmall(s0, s1, s2, s3, s4); // < 3M
    }

    /// <summary>x - y - z + w mod M.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static U256 SubSubAdd(in U256 x, in U256 y, in U256 z, in U256 w)
    {
        Start(2, out ulong s0, out ulong s1, out ulong s2, out ulong s3, out ulong s4);
        Plus(ref s0, ref s1, ref s2, ref s3, ref s4, x);
        Minus(ref s0, ref s1, ref s2, ref s3, ref s4, y);
        Minus(ref s0, ref s1, ref s2, ref s3, ref s4, z);
        Plus(ref s0, ref s1, ref s2, ref s3, ref s4, w);
        return ReduceSmall(s0, s1, s2, s3, s4); // < 4M
    }

    /// <summary>
    /// k·M ± 9a ± b + x - (y) - (z), the shape of every component of ξ·d + (...) in the towers
    /// (ξ = 9 + u); <paramref name="minusTerms"/> says how many of y, z are subtracted. Callers
    /// choose k so the sum is non-negative and state its bound (below 2^261 ≈ 170M).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static U256 NineCombination(int k, in U256 a, bool subtractA, in U256 b, bool subtractB, in U256 x, in U256 y, in U256 z, int minusTerms)
    {
        Start(k, out ulong s0, out ulong s1, out ulong s2, out ulong s3, out ulong s4);
        if (subtractA)
        {
            MinusEight(ref s0, ref s1, ref s2, ref s3, ref s4, a);
            Minus(ref s0, ref s1, ref s2, ref s3, ref s4, a);
        }
        else
        {
            PlusEight(ref s0, ref s1, ref s2, ref s3, ref s4, a);
            Plus(ref s0, ref s1, ref s2, ref s3, ref s4, a);
        }
        if (subtractB) Minus(ref s0, ref s1, ref s2, ref s3, ref s4, b);
        else Plus(ref s0, ref s1, ref s2, ref s3, ref s4, b);
        Plus(ref s0, ref s1, ref s2, ref s3, ref s4, x);
        if (minusTerms >= 1) Minus(ref s0, ref s1, ref s2, ref s3, ref s4, y);
        if (minusTerms >= 2) Minus(ref s0, ref s1, ref s2, ref s3, ref s4, z);
        return ReduceSmall(s0, s1, s2, s3, s4);
    }

    /// <summary>9a - b + x mod M (M + ... &lt; 11M).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static U256 NineMinusPlus(in U256 a, in U256 b, in U256 x) => NineCombination(1, a, false, b, true, x, default, default, 0);

    /// <summary>9a + b + x mod M (&lt; 11M).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static U256 NinePlusPlus(in U256 a, in U256 b, in U256 x) => NineCombination(0, a, false, b, false, x, default, default, 0);

    /// <summary>x - y - z + 9a - b mod M (3M + ... &lt; 13M).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static U256 SubSubNineMinus(in U256 x, in U256 y, in U256 z, in U256 a, in U256 b) => NineCombination(3, a, false, b, true, x, y, z, 2);

    /// <summary>x - y - z + 9a + b mod M (2M + ... &lt; 13M).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static U256 SubSubNinePlus(in U256 x, in U256 y, in U256 z, in U256 a, in U256 b) => NineCombination(2, a, false, b, false, x, y, z, 2);

    /// <summary>x - y - 9a + b mod M (10M + ... &lt; 12M).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static U256 SubNineMinusPlus(in U256 x, in U256 y, in U256 a, in U256 b) => NineCombination(10, a, true, b, false, x, y, default, 1);

    /// <summary>x - y - 9a - b mod M (11M + ... &lt; 12M).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static U256 SubNineMinusMinus(in U256 x, in U256 y, in U256 a, in U256 b) => NineCombination(11, a, true, b, true, x, y, default, 1);

    /// <summary>M - b for b ≤ M (in [0, M]; M itself for b = 0, which the callers' bounds allow).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static U256 ModulusMinus(in U256 b)
    {
        ulong t0 = P.M0 - b.L0;
        ulong br = P.M0 < b.L0 ? 1UL : 0UL;
        ulong d = P.M1 - b.L1;
        ulong b1 = P.M1 < b.L1 ? 1UL : 0UL;
        ulong t1 = d - br;
        br = b1 + (d < br ? 1UL : 0UL);
        d = P.M2 - b.L2;
        b1 = P.M2 < b.L2 ? 1UL : 0UL;
        ulong t2 = d - br;
        br = b1 + (d < br ? 1UL : 0UL);
        return new U256(t0, t1, t2, P.M3 - b.L3 - br);
    }
}
