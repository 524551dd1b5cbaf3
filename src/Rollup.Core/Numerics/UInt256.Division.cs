using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Rollup.Core.Numerics;

// Division is Knuth's algorithm D (TAOCP vol. 2, 4.3.1) on 64-bit limbs. Each quotient digit needs
// a 128-by-64 division; .NET only offers that in hardware as an experimental API (X86Base.X64.DivRem,
// SYSLIB5004), so the digit comes from a precomputed reciprocal of the divisor's top limb
// (Möller & Granlund, "Improved division by invariant integers", 2011): two multiplications per
// digit, and one slow division per divisor to get the reciprocal.
public readonly partial struct UInt256
{
    /// <summary>Unsigned quotient; x / 0 = 0 as in the EVM.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Divide(in UInt256 a, in UInt256 b, out UInt256 quotient)
    {
        if ((a.U1 | a.U2 | a.U3 | b.U1 | b.U2 | b.U3) == 0 && b.U0 != 0)
        {
            quotient = new UInt256(a.U0 / b.U0);
            return;
        }
        DivRem(a, b, out quotient, out _);
    }

    /// <summary>Unsigned remainder; x % 0 = 0 as in the EVM.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Mod(in UInt256 a, in UInt256 b, out UInt256 remainder)
    {
        if ((a.U1 | a.U2 | a.U3 | b.U1 | b.U2 | b.U3) == 0 && b.U0 != 0)
        {
            remainder = new UInt256(a.U0 % b.U0);
            return;
        }
        DivRem(a, b, out _, out remainder);
    }

    /// <summary>Quotient and remainder together; both are 0 when <paramref name="b"/> is 0.</summary>
    [SkipLocalsInit]
    public static void DivRem(in UInt256 a, in UInt256 b, out UInt256 quotient, out UInt256 remainder)
    {
        // Dispatch on the divisor's size: one limb and two limbs (what contracts mostly divide by)
        // run unrolled over locals; three or four limbs take the general loop.
        if (b.FitsInUlong)
        {
            ulong d = b.U0;
            if (d == 0)
            {
                quotient = default;
                remainder = default;
                return;
            }
            if (a.FitsInUlong)
            {
                ulong n = a.U0;
                ulong q = n / d;
                quotient = new UInt256(q);
                remainder = new UInt256(n - q * d);
                return;
            }
            quotient = DivRemBy64(a, d, out ulong rem);
            remainder = new UInt256(rem);
            return;
        }

        if (a < b)
        {
            UInt256 r = a;
            quotient = default;
            remainder = r;
            return;
        }

        if ((b.U2 | b.U3) == 0)
        {
            UInt256 q = DivRemBy128(a, b.U1, b.U0, out UInt256 r);
            quotient = q;
            remainder = r;
            return;
        }

        UInt256 rest = DivRemKnuth(a.Limbs[..a.LimbCount], b.Limbs[..b.LimbCount], out UInt256 digits);
        quotient = digits;
        remainder = rest;
    }

    /// <summary>(a + b) mod m computed on the exact 257-bit sum; 0 when m is 0 (EVM ADDMOD).</summary>
    [SkipLocalsInit]
    public static void AddMod(in UInt256 a, in UInt256 b, in UInt256 m, out UInt256 result)
    {
        UInt256 modulus = m;
        if (modulus.IsZero)
        {
            result = default;
            return;
        }
        bool carry = AddOverflow(a, b, out UInt256 sum);
        if (a < modulus && b < modulus)
        {
            // Reduced operands (the usual case in field arithmetic) sum below 2m: one subtraction.
            if (carry || sum >= modulus) Subtract(sum, modulus, out sum);
            result = sum;
            return;
        }
        if (!carry)
        {
            Mod(sum, modulus, out result);
            return;
        }
        Span<ulong> wide = stackalloc ulong[5];
        sum.Limbs.CopyTo(wide);
        wide[4] = 1;
        Remainder(wide, modulus, out result);
    }

    /// <summary>(a * b) mod m computed on the exact 512-bit product; 0 when m is 0 (EVM MULMOD).</summary>
    [SkipLocalsInit]
    public static void MulMod(in UInt256 a, in UInt256 b, in UInt256 m, out UInt256 result)
    {
        UInt256 modulus = m;
        if (modulus.IsZero)
        {
            result = default;
            return;
        }
        if ((a.U2 | a.U3 | b.U2 | b.U3) == 0)
        {
            // Two 128-bit factors: the product fits in a word.
            Multiply(a, b, out UInt256 product);
            Mod(product, modulus, out result);
            return;
        }
        Span<ulong> wide = stackalloc ulong[8];
        MultiplyFull(a, b, wide);
        int length = 8;
        while (length > 0 && wide[length - 1] == 0) length--;
        Remainder(wide[..length], modulus, out result);
    }

    // u mod m for a dividend of up to eight limbs with no leading zero limb; m != 0.
    [SkipLocalsInit]
    private static void Remainder(ReadOnlySpan<ulong> u, in UInt256 m, out UInt256 result)
    {
        int n = m.LimbCount;
        if (u.Length < n)
        {
            Span<ulong> copy = stackalloc ulong[4];
            copy.Clear();
            u.CopyTo(copy);
            result = new UInt256(copy[0], copy[1], copy[2], copy[3]);
            return;
        }
        if (n == 1)
        {
            result = new UInt256(DivRemBy64(u, m.U0, default));
            return;
        }
        result = DivRemKnuth(u, m.Limbs[..n], out _);
    }

    // A word divided by a single nonzero limb, unrolled: the digits form one dependent chain of
    // 2-by-1 steps, so leading zero digits are skipped rather than computed.
    private static UInt256 DivRemBy64(in UInt256 a, ulong d, out ulong remainder)
    {
        int s = BitOperations.LeadingZeroCount(d);
        ulong dn = d << s;
        ulong reciprocal = Reciprocal(dn);
        ulong n4 = 0, n3 = a.U3, n2 = a.U2, n1 = a.U1, n0 = a.U0;
        if (s != 0)
        {
            int back = 64 - s;
            n4 = n3 >> back;
            n3 = (n3 << s) | (n2 >> back);
            n2 = (n2 << s) | (n1 >> back);
            n1 = (n1 << s) | (n0 >> back);
            n0 <<= s;
        }
        ulong r = n4, q3 = 0, q2 = 0;
        if (r != 0 || n3 >= dn) q3 = Divide2By1(r, n3, dn, reciprocal, out r);
        else r = n3;
        if (r != 0 || n2 >= dn) q2 = Divide2By1(r, n2, dn, reciprocal, out r);
        else r = n2;
        ulong q1 = Divide2By1(r, n1, dn, reciprocal, out r);
        ulong q0 = Divide2By1(r, n0, dn, reciprocal, out r);
        remainder = r >> s;
        return new UInt256(q0, q1, q2, q3);
    }

    /// <summary>
    /// Divides the limbs <paramref name="u"/> by a single limb; writes the quotient digits into
    /// <paramref name="quotient"/> unless it is empty, and returns the remainder.
    /// </summary>
    internal static ulong DivRemBy64(ReadOnlySpan<ulong> u, ulong d, Span<ulong> quotient)
    {
        int shift = BitOperations.LeadingZeroCount(d);
        ulong dn = d << shift;
        ulong reciprocal = Reciprocal(dn);
        bool keep = !quotient.IsEmpty;
        int top = u.Length - 1;
        ulong r;
        ulong q;
        if (shift == 0)
        {
            r = 0;
            for (int i = top; i >= 0; i--)
            {
                q = Divide2By1(r, u[i], dn, reciprocal, out r);
                if (keep) quotient[i] = q;
            }
            return r;
        }
        // Normalizing on the fly: the top bits shifted out of the highest limb start the remainder,
        // and it stays below dn because shift < 64 leaves it under 2^63.
        r = u[top] >> (64 - shift);
        for (int i = top; i > 0; i--)
        {
            q = Divide2By1(r, (u[i] << shift) | (u[i - 1] >> (64 - shift)), dn, reciprocal, out r);
            if (keep) quotient[i] = q;
        }
        q = Divide2By1(r, u[0] << shift, dn, reciprocal, out r);
        if (keep) quotient[0] = q;
        return r >> shift;
    }

    // A word divided by a two-limb b (2^64 <= b < 2^128): algorithm D unrolled over locals, one
    // three-by-two step per quotient digit.
    private static UInt256 DivRemBy128(in UInt256 a, ulong b1, ulong b0, out UInt256 remainder)
    {
        int s = BitOperations.LeadingZeroCount(b1);
        ulong d1 = b1, d0 = b0, n4 = 0, n3 = a.U3, n2 = a.U2, n1 = a.U1, n0 = a.U0;
        if (s != 0)
        {
            int back = 64 - s;
            d1 = (b1 << s) | (b0 >> back);
            d0 = b0 << s;
            n4 = n3 >> back;
            n3 = (n3 << s) | (n2 >> back);
            n2 = (n2 << s) | (n1 >> back);
            n1 = (n1 << s) | (n0 >> back);
            n0 <<= s;
        }
        ulong reciprocal = Reciprocal(d1);
        // n4 < 2^s <= d1, so n4:n3 < d and every step below starts with a remainder under d. A step
        // whose window r1:r0:next has r1 = 0 and r0 < d1 is below d: digit 0, nothing to compute,
        // which is how dividends of two or three limbs skip to the digits that matter.
        ulong r1 = n4, r0 = n3, q2 = 0, q1 = 0;
        if (r1 == 0 && r0 < d1) (r1, r0) = (r0, n2);
        else q2 = Divide3By2(r1, r0, n2, d1, d0, reciprocal, out r1, out r0);
        if (r1 == 0 && r0 < d1) (r1, r0) = (r0, n1);
        else q1 = Divide3By2(r1, r0, n1, d1, d0, reciprocal, out r1, out r0);
        ulong q0 = Divide3By2(r1, r0, n0, d1, d0, reciprocal, out r1, out r0);
        remainder = s == 0 ? new UInt256(r0, r1) : new UInt256((r0 >> s) | (r1 << (64 - s)), r1 >> s);
        return new UInt256(q0, q1, q2);
    }

    // One digit of algorithm D with a two-limb normalized divisor: (u2:u1:u0) / (d1:d0) for
    // u2:u1 < d1:d0. With two divisor limbs Knuth's refinement compares qhat*(d1:d0) against the
    // whole three-limb window, so the refined digit is exact and never needs adding back.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Divide3By2(ulong u2, ulong u1, ulong u0, ulong d1, ulong d0, ulong reciprocal, out ulong r1, out ulong r0)
    {
        ulong q;
        if (u2 >= d1)
        {
            // u2 == d1: the digit is capped at 2^64 - 1 as in the general loop.
            q = ulong.MaxValue;
            ulong rhat = u1 + d1;
            if (rhat >= u1) q = RefineEstimate(q, rhat, d1, d0, u0);
        }
        else
        {
            q = Divide2By1(u2, u1, d1, reciprocal, out ulong rhat);
            q = RefineEstimate(q, rhat, d1, d0, u0);
        }
        // The remainder u - q*d is below d, so its two low limbs are all there is.
        ulong ph = Math.BigMul(q, d0, out ulong p0);
        ulong p1 = q * d1 + ph;
        ulong borrow = SubtractWithBorrow(u0, p0, 0, out r0);
        SubtractWithBorrow(u1, p1, borrow, out r1);
        return q;
    }

    // Scratch for the normalized dividend (up to eight limbs plus the one normalization adds) and
    // the quotient digits: a fixed-size local costs nothing to allocate, where a variable-size
    // stackalloc and bounds-checked spans cost more than the arithmetic of a 256-bit division.
    [InlineArray(9)]
    private struct ScratchLimbs
    {
        private ulong _limb;
    }

    /// <summary>
    /// Knuth's algorithm D. <paramref name="u"/> has at least as many limbs as <paramref name="v"/>
    /// and at most eight; <paramref name="v"/> has two to four, the top one nonzero. Returns the
    /// remainder; <paramref name="quotient"/> gets the low four quotient digits (all of them when u
    /// is a word).
    /// </summary>
    [SkipLocalsInit]
    internal static UInt256 DivRemKnuth(ReadOnlySpan<ulong> u, ReadOnlySpan<ulong> v, out UInt256 quotient)
    {
        int n = v.Length;
        int m = u.Length - n;
        if ((uint)n - 2 > 2 || m < 0 || u.Length > 8) ThrowBadKnuthShape();
        int s = BitOperations.LeadingZeroCount(v[n - 1]);

        // Normalize so the divisor's top bit is set: that bounds each estimated digit to at most
        // two above the true one, and the refinement below to at most one.
        Unsafe.SkipInit(out ScratchLimbs unBuffer);
        Unsafe.SkipInit(out ScratchLimbs vnBuffer);
        Unsafe.SkipInit(out ScratchLimbs qBuffer);
        ref ulong un = ref unBuffer[0];
        ref ulong vn = ref vnBuffer[0];
        ref ulong q = ref qBuffer[0];
        ShiftLeftInto(ref MemoryMarshal.GetReference(v), n, s, ref vn);
        Unsafe.Add(ref un, u.Length) = ShiftLeftInto(ref MemoryMarshal.GetReference(u), u.Length, s, ref un);

        ulong d1 = Unsafe.Add(ref vn, n - 1);
        ulong d0 = Unsafe.Add(ref vn, n - 2);
        ulong reciprocal = Reciprocal(d1);

        for (int j = m; j >= 0; j--)
        {
            ref ulong window = ref Unsafe.Add(ref un, j);
            ulong u2 = Unsafe.Add(ref window, n);
            ulong u1 = Unsafe.Add(ref window, n - 1);
            ulong u0 = Unsafe.Add(ref window, n - 2);
            ulong qhat;
            if (u2 >= d1)
            {
                // The running remainder is below vn, so u2 == d1 here and the estimate would be
                // 2^64 or more; Knuth caps it at 2^64 - 1, with rhat = u2:u1 - qhat*d1 = u1 + d1.
                qhat = ulong.MaxValue;
                ulong rhat = u1 + d1;
                if (rhat >= u1) qhat = RefineEstimate(qhat, rhat, d1, d0, u0);
            }
            else
            {
                qhat = Divide2By1(u2, u1, d1, reciprocal, out ulong rhat);
                qhat = RefineEstimate(qhat, rhat, d1, d0, u0);
            }

            if (MultiplySubtract(ref window, ref vn, n, qhat))
            {
                // The estimate was one too large: rare (about 2/2^64 on random data) and only
                // possible with three or more divisor limbs; the tests construct such dividends.
                qhat--;
                AddBack(ref window, ref vn, n);
            }
            Unsafe.Add(ref q, j) = qhat;
        }

        quotient = new UInt256(q, m >= 1 ? Unsafe.Add(ref q, 1) : 0, m >= 2 ? Unsafe.Add(ref q, 2) : 0, m >= 3 ? Unsafe.Add(ref q, 3) : 0);
        // The remainder is the low n limbs of un (the limb above them is now zero), shifted back.
        ulong r0 = un, r1 = Unsafe.Add(ref un, 1);
        ulong r2 = n > 2 ? Unsafe.Add(ref un, 2) : 0, r3 = n > 3 ? Unsafe.Add(ref un, 3) : 0;
        if (s == 0) return new UInt256(r0, r1, r2, r3);
        int back = 64 - s;
        return new UInt256((r0 >> s) | (r1 << back), (r1 >> s) | (r2 << back), (r2 >> s) | (r3 << back), r3 >> s);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ThrowBadKnuthShape() => throw new ArgumentException("dividend or divisor length outside algorithm D's range");

    // Knuth's test with the second divisor limb: while qhat*d0 > rhat:u0, the estimate is too big.
    // After this qhat is at most one above the true digit.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong RefineEstimate(ulong qhat, ulong rhat, ulong d1, ulong d0, ulong u0)
    {
        ulong ph = Math.BigMul(qhat, d0, out ulong pl);
        while (ph > rhat || (ph == rhat && pl > u0))
        {
            qhat--;
            ulong previous = rhat;
            rhat += d1;
            if (rhat < previous) break; // rhat reached 2^64: the product can no longer exceed it
            ph -= pl < d0 ? 1UL : 0UL;
            pl -= d0;
        }
        return qhat;
    }

    // x -= q * y over n + 1 limbs of x (n limbs of y); returns whether the result went below zero.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool MultiplySubtract(ref ulong x, ref ulong y, int n, ulong q)
    {
        ulong carry = 0;
        for (int i = 0; i < n; i++)
        {
            // q*y[i] + carry <= (2^64-1) * 2^64, so the high part plus one borrow still fits a limb.
            ulong ph = MultiplyAdd(q, Unsafe.Add(ref y, i), carry, out ulong pl);
            ref ulong xi = ref Unsafe.Add(ref x, i);
            ulong t = xi;
            xi = t - pl;
            carry = ph + (t < pl ? 1UL : 0UL);
        }
        ref ulong top = ref Unsafe.Add(ref x, n);
        ulong before = top;
        top = before - carry;
        return before < carry;
    }

    // x += y over n + 1 limbs of x; the carry out of the top limb cancels the earlier borrow.
    private static void AddBack(ref ulong x, ref ulong y, int n)
    {
        ulong carry = 0;
        for (int i = 0; i < n; i++)
        {
            ref ulong xi = ref Unsafe.Add(ref x, i);
            carry = AddWithCarry(xi, Unsafe.Add(ref y, i), carry, out xi);
        }
        Unsafe.Add(ref x, n) += carry;
    }

    // destination = source << shift (shift < 64) over length limbs; returns the bits shifted out of the top.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong ShiftLeftInto(ref ulong source, int length, int shift, ref ulong destination)
    {
        if (shift == 0)
        {
            for (int i = 0; i < length; i++) Unsafe.Add(ref destination, i) = Unsafe.Add(ref source, i);
            return 0;
        }
        ulong carry = 0;
        int back = 64 - shift;
        for (int i = 0; i < length; i++)
        {
            ulong limb = Unsafe.Add(ref source, i);
            Unsafe.Add(ref destination, i) = (limb << shift) | carry;
            carry = limb >> back;
        }
        return carry;
    }

    /// <summary>
    /// floor((2^128 - 1) / d) - 2^64 for a normalized d (top bit set): the constant that turns each
    /// later 128-by-64 division by d into two multiplications.
    /// </summary>
    internal static ulong Reciprocal(ulong d) => DivideSoftware(~d, ulong.MaxValue, d);

    /// <summary>
    /// (u1:u0) / d for normalized d and u1 &lt; d, with the quotient from the reciprocal
    /// (Möller–Granlund algorithm 4): at most two cheap corrections, no hardware division.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static ulong Divide2By1(ulong u1, ulong u0, ulong d, ulong reciprocal, out ulong remainder)
    {
        ulong q1 = Math.BigMul(reciprocal, u1, out ulong q0);
        q0 += u0;
        q1 += u1 + (q0 < u0 ? 1UL : 0UL) + 1;
        ulong r = u0 - q1 * d;
        if (r > q0)
        {
            q1--;
            r += d;
        }
        if (r >= d)
        {
            q1++;
            r -= d;
        }
        remainder = r;
        return q1;
    }

    /// <summary>
    /// (u1:u0) / d for normalized d and u1 &lt; d using only 64-by-64 hardware division: two
    /// 32-bit quotient halves, each estimated from the divisor's top half and corrected (at most
    /// twice each). Only used once per divisor, to compute its reciprocal.
    /// </summary>
    internal static ulong DivideSoftware(ulong u1, ulong u0, ulong d)
    {
        const ulong half = 1UL << 32;
        ulong dHigh = d >> 32;
        ulong dLow = d & 0xFFFF_FFFF;
        ulong uHigh = u0 >> 32;
        ulong uLow = u0 & 0xFFFF_FFFF;

        ulong qHigh = u1 / dHigh;
        ulong rhat = u1 - qHigh * dHigh;
        while (qHigh >= half || qHigh * dLow > ((rhat << 32) | uHigh))
        {
            qHigh--;
            rhat += dHigh;
            if (rhat >= half) break;
        }
        // The partial remainder is below d, so wrapping arithmetic yields it exactly.
        ulong partial = (u1 << 32) + uHigh - qHigh * d;

        ulong qLow = partial / dHigh;
        rhat = partial - qLow * dHigh;
        while (qLow >= half || qLow * dLow > ((rhat << 32) | uLow))
        {
            qLow--;
            rhat += dHigh;
            if (rhat >= half) break;
        }
        return (qHigh << 32) | qLow;
    }

    /// <summary>Unsigned quotient; x / 0 = 0 (EVM DIV), unlike the built-in integer types.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static UInt256 operator /(in UInt256 a, in UInt256 b)
    {
        Divide(a, b, out UInt256 q);
        return q;
    }

    /// <summary>Unsigned remainder; x % 0 = 0 (EVM MOD), unlike the built-in integer types.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static UInt256 operator %(in UInt256 a, in UInt256 b)
    {
        Mod(a, b, out UInt256 r);
        return r;
    }
}
