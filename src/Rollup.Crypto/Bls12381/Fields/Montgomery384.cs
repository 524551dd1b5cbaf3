using System.Runtime.CompilerServices;
using static Rollup.Crypto.Bn254.Fields.Word;

namespace Rollup.Crypto.Bls12381.Fields;

/// <summary>Six little-endian 64-bit limbs: the raw storage of <see cref="Fp"/>.</summary>
internal readonly struct U384
{
    public readonly ulong L0, L1, L2, L3, L4, L5;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public U384(ulong l0, ulong l1, ulong l2, ulong l3, ulong l4, ulong l5)
    {
        L0 = l0; L1 = l1; L2 = l2; L3 = l3; L4 = l4; L5 = l5;
    }

    public bool IsZero => (L0 | L1 | L2 | L3 | L4 | L5) == 0;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool Equals(in U384 o) =>
        ((L0 ^ o.L0) | (L1 ^ o.L1) | (L2 ^ o.L2) | (L3 ^ o.L3) | (L4 ^ o.L4) | (L5 ^ o.L5)) == 0;
}

/// <summary>
/// Montgomery arithmetic modulo the BLS12-381 base field prime p (381 bits, six limbs, R = 2^384).
/// Only one field has six limbs, so unlike the 4-limb <c>Montgomery&lt;P&gt;</c> this is not generic:
/// the constants are <c>const</c> and become immediates anyway. Values stay fully reduced (&lt; p).
/// p's top limb is below 2^62, so sums of two reduced values never carry out of six limbs and
/// the CIOS product can drop the extra carry word per row (the "no-carry" shortcut): the running
/// total stays below 2p &lt; 2^384. The tests check every constant against BigInteger.
/// </summary>
internal static class Montgomery384
{
    public const ulong M0 = 0xb9feffffffffaaab, M1 = 0x1eabfffeb153ffff, M2 = 0x6730d2a0f6b0f624,
                       M3 = 0x64774b84f38512bf, M4 = 0x4b1ba7b6434bacd7, M5 = 0x1a0111ea397fe69a;

    /// <summary>-p^-1 mod 2^64.</summary>
    public const ulong NegInv = 0x89f3fffcfffcfffd;

    /// <summary>R mod p: the Montgomery form of 1.</summary>
    public static U384 One => new(0x760900000002fffd, 0xebf4000bc40c0002, 0x5f48985753c758ba,
                                  0x77ce585370525745, 0x5c071a97a256ec6d, 0x15f65ec3fa80e493);

    /// <summary>R^2 mod p: multiplying by it converts a canonical value into Montgomery form.</summary>
    private static U384 RR => new(0xf4df1f341c341746, 0x0a76e6a609d104f1, 0x8de5476c4c95b6d5,
                                  0x67eb88a9939d83c0, 0x9a793e85b519952d, 0x11988fe592cae3aa);

    public static U384 Modulus => new(M0, M1, M2, M3, M4, M5);

    /// <summary>True when the limbs, read as an integer, are below p.</summary>
    public static bool IsCanonical(in U384 a)
    {
        ulong borrow = 0;
        Sbb(a.L0, M0, ref borrow);
        Sbb(a.L1, M1, ref borrow);
        Sbb(a.L2, M2, ref borrow);
        Sbb(a.L3, M3, ref borrow);
        Sbb(a.L4, M4, ref borrow);
        Sbb(a.L5, M5, ref borrow);
        return borrow != 0;
    }

    /// <summary>Maps t in [0, 2p) to [0, p).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static U384 SubtractModulusIfNeeded(ulong t0, ulong t1, ulong t2, ulong t3, ulong t4, ulong t5)
    {
        ulong b = 0;
        ulong s0 = Sbb(t0, M0, ref b);
        ulong s1 = Sbb(t1, M1, ref b);
        ulong s2 = Sbb(t2, M2, ref b);
        ulong s3 = Sbb(t3, M3, ref b);
        ulong s4 = Sbb(t4, M4, ref b);
        ulong s5 = Sbb(t5, M5, ref b);
        // Branch-free select: for random operands a branch would be mispredicted half the time.
        ulong keep = 0UL - b; // all ones when t < p
        return new U384((t0 & keep) | (s0 & ~keep), (t1 & keep) | (s1 & ~keep), (t2 & keep) | (s2 & ~keep),
                        (t3 & keep) | (s3 & ~keep), (t4 & keep) | (s4 & ~keep), (t5 & keep) | (s5 & ~keep));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static U384 Add(in U384 a, in U384 b)
    {
        ulong c = 0;
        ulong t0 = Adc(a.L0, b.L0, ref c);
        ulong t1 = Adc(a.L1, b.L1, ref c);
        ulong t2 = Adc(a.L2, b.L2, ref c);
        ulong t3 = Adc(a.L3, b.L3, ref c);
        ulong t4 = Adc(a.L4, b.L4, ref c);
        ulong t5 = a.L5 + b.L5 + c; // a + b < 2p < 2^382: no carry out
        return SubtractModulusIfNeeded(t0, t1, t2, t3, t4, t5);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static U384 Double(in U384 a) => SubtractModulusIfNeeded(
        a.L0 << 1, (a.L1 << 1) | (a.L0 >> 63), (a.L2 << 1) | (a.L1 >> 63),
        (a.L3 << 1) | (a.L2 >> 63), (a.L4 << 1) | (a.L3 >> 63), (a.L5 << 1) | (a.L4 >> 63));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static U384 Sub(in U384 a, in U384 b)
    {
        ulong br = 0;
        ulong t0 = Sbb(a.L0, b.L0, ref br);
        ulong t1 = Sbb(a.L1, b.L1, ref br);
        ulong t2 = Sbb(a.L2, b.L2, ref br);
        ulong t3 = Sbb(a.L3, b.L3, ref br);
        ulong t4 = Sbb(a.L4, b.L4, ref br);
        ulong t5 = Sbb(a.L5, b.L5, ref br);
        // Wrapped below zero: add p back (masked, not branched); the carry out cancels the borrow.
        ulong mask = 0UL - br;
        ulong c = 0;
        t0 = Adc(t0, M0 & mask, ref c);
        t1 = Adc(t1, M1 & mask, ref c);
        t2 = Adc(t2, M2 & mask, ref c);
        t3 = Adc(t3, M3 & mask, ref c);
        t4 = Adc(t4, M4 & mask, ref c);
        t5 = t5 + (M5 & mask) + c;
        return new U384(t0, t1, t2, t3, t4, t5);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static U384 Neg(in U384 a)
    {
        // p - a never borrows for a < p; zero must stay zero, not become p.
        ulong br = 0;
        ulong t0 = Sbb(M0, a.L0, ref br);
        ulong t1 = Sbb(M1, a.L1, ref br);
        ulong t2 = Sbb(M2, a.L2, ref br);
        ulong t3 = Sbb(M3, a.L3, ref br);
        ulong t4 = Sbb(M4, a.L4, ref br);
        ulong t5 = Sbb(M5, a.L5, ref br);
        ulong nonZero = a.IsZero ? 0UL : ulong.MaxValue;
        return new U384(t0 & nonZero, t1 & nonZero, t2 & nonZero, t3 & nonZero, t4 & nonZero, t5 & nonZero);
    }

    /// <summary>
    /// a*b*R^-1 mod p by CIOS, fully unrolled (six rows of multiply, then reduce one word). The limbs
    /// of a are read through the reference rather than copied into six locals: with t0..t5, the
    /// carries and m there are not registers enough for all of them, and the copies cost about 75
    /// more stack spills and reloads in the JIT's output (110 versus 34 stack accesses).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static U384 Mul(in U384 a, in U384 b)
    {
        ulong t0, t1, t2, t3, t4, t5, c, hi, m, bi;

        bi = b.L0;
        c = MulHigh(a.L0, bi);
        t0 = a.L0 * bi;
        c = MulAdd(a.L1, bi, c, out t1);
        c = MulAdd(a.L2, bi, c, out t2);
        c = MulAdd(a.L3, bi, c, out t3);
        c = MulAdd(a.L4, bi, c, out t4);
        hi = MulAdd(a.L5, bi, c, out t5);
        m = t0 * NegInv;
        c = MulHigh(m, M0) + (t0 != 0 ? 1UL : 0UL);
        c = MulAdd2(m, M1, t1, c, out t0);
        c = MulAdd2(m, M2, t2, c, out t1);
        c = MulAdd2(m, M3, t3, c, out t2);
        c = MulAdd2(m, M4, t4, c, out t3);
        c = MulAdd2(m, M5, t5, c, out t4);
        t5 = c + hi;

        bi = b.L1;
        c = MulAdd(a.L0, bi, t0, out t0);
        c = MulAdd2(a.L1, bi, t1, c, out t1);
        c = MulAdd2(a.L2, bi, t2, c, out t2);
        c = MulAdd2(a.L3, bi, t3, c, out t3);
        c = MulAdd2(a.L4, bi, t4, c, out t4);
        hi = MulAdd2(a.L5, bi, t5, c, out t5);
        m = t0 * NegInv;
        c = MulHigh(m, M0) + (t0 != 0 ? 1UL : 0UL);
        c = MulAdd2(m, M1, t1, c, out t0);
        c = MulAdd2(m, M2, t2, c, out t1);
        c = MulAdd2(m, M3, t3, c, out t2);
        c = MulAdd2(m, M4, t4, c, out t3);
        c = MulAdd2(m, M5, t5, c, out t4);
        t5 = c + hi;

        bi = b.L2;
        c = MulAdd(a.L0, bi, t0, out t0);
        c = MulAdd2(a.L1, bi, t1, c, out t1);
        c = MulAdd2(a.L2, bi, t2, c, out t2);
        c = MulAdd2(a.L3, bi, t3, c, out t3);
        c = MulAdd2(a.L4, bi, t4, c, out t4);
        hi = MulAdd2(a.L5, bi, t5, c, out t5);
        m = t0 * NegInv;
        c = MulHigh(m, M0) + (t0 != 0 ? 1UL : 0UL);
        c = MulAdd2(m, M1, t1, c, out t0);
        c = MulAdd2(m, M2, t2, c, out t1);
        c = MulAdd2(m, M3, t3, c, out t2);
        c = MulAdd2(m, M4, t4, c, out t3);
        c = MulAdd2(m, M5, t5, c, out t4);
        t5 = c + hi;

        bi = b.L3;
        c = MulAdd(a.L0, bi, t0, out t0);
        c = MulAdd2(a.L1, bi, t1, c, out t1);
        c = MulAdd2(a.L2, bi, t2, c, out t2);
        c = MulAdd2(a.L3, bi, t3, c, out t3);
        c = MulAdd2(a.L4, bi, t4, c, out t4);
        hi = MulAdd2(a.L5, bi, t5, c, out t5);
        m = t0 * NegInv;
        c = MulHigh(m, M0) + (t0 != 0 ? 1UL : 0UL);
        c = MulAdd2(m, M1, t1, c, out t0);
        c = MulAdd2(m, M2, t2, c, out t1);
        c = MulAdd2(m, M3, t3, c, out t2);
        c = MulAdd2(m, M4, t4, c, out t3);
        c = MulAdd2(m, M5, t5, c, out t4);
        t5 = c + hi;

        bi = b.L4;
        c = MulAdd(a.L0, bi, t0, out t0);
        c = MulAdd2(a.L1, bi, t1, c, out t1);
        c = MulAdd2(a.L2, bi, t2, c, out t2);
        c = MulAdd2(a.L3, bi, t3, c, out t3);
        c = MulAdd2(a.L4, bi, t4, c, out t4);
        hi = MulAdd2(a.L5, bi, t5, c, out t5);
        m = t0 * NegInv;
        c = MulHigh(m, M0) + (t0 != 0 ? 1UL : 0UL);
        c = MulAdd2(m, M1, t1, c, out t0);
        c = MulAdd2(m, M2, t2, c, out t1);
        c = MulAdd2(m, M3, t3, c, out t2);
        c = MulAdd2(m, M4, t4, c, out t3);
        c = MulAdd2(m, M5, t5, c, out t4);
        t5 = c + hi;

        bi = b.L5;
        c = MulAdd(a.L0, bi, t0, out t0);
        c = MulAdd2(a.L1, bi, t1, c, out t1);
        c = MulAdd2(a.L2, bi, t2, c, out t2);
        c = MulAdd2(a.L3, bi, t3, c, out t3);
        c = MulAdd2(a.L4, bi, t4, c, out t4);
        hi = MulAdd2(a.L5, bi, t5, c, out t5);
        m = t0 * NegInv;
        c = MulHigh(m, M0) + (t0 != 0 ? 1UL : 0UL);
        c = MulAdd2(m, M1, t1, c, out t0);
        c = MulAdd2(m, M2, t2, c, out t1);
        c = MulAdd2(m, M3, t3, c, out t2);
        c = MulAdd2(m, M4, t4, c, out t3);
        c = MulAdd2(m, M5, t5, c, out t4);
        t5 = c + hi;
        return SubtractModulusIfNeeded(t0, t1, t2, t3, t4, t5);
    }

    /// <summary>Montgomery form to canonical integer: a Montgomery product with 1.</summary>
    public static U384 FromMontgomery(in U384 a) => Mul(a, new U384(1, 0, 0, 0, 0, 0));

    /// <summary>Canonical integer (&lt; p) to Montgomery form: a*R^2*R^-1.</summary>
    public static U384 ToMontgomery(in U384 a) => Mul(a, RR);

    /// <summary>a^e with e given as little-endian limbs (left-to-right square and multiply).</summary>
    public static U384 Pow(in U384 a, ReadOnlySpan<ulong> exponent)
    {
        U384 result = One;
        for (int i = exponent.Length - 1; i >= 0; i--)
        {
            ulong e = exponent[i];
            for (int bit = 63; bit >= 0; bit--)
            {
                result = Mul(result, result);
                if (((e >> bit) & 1) != 0) result = Mul(result, a);
            }
        }
        return result;
    }
}
