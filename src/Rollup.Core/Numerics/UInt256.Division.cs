using System.Numerics;
using System.Runtime.CompilerServices;

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
            Span<ulong> digits = stackalloc ulong[4];
            digits.Clear();
            ulong rem = DivRemBy64(a.Limbs[..a.LimbCount], d, digits);
            quotient = new UInt256(digits[0], digits[1], digits[2], digits[3]);
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

        if ((a.U2 | a.U3) == 0)
        {
            // Here b < 2^128 too (b <= a) and b >= 2^64, so the quotient is a single limb.
            ulong q = DivRem128By128(a.U1, a.U0, b.U1, b.U0, out ulong r1, out ulong r0);
            quotient = new UInt256(q);
            remainder = new UInt256(r0, r1);
            return;
        }

        Span<ulong> qs = stackalloc ulong[4];
        Span<ulong> rs = stackalloc ulong[4];
        qs.Clear();
        rs.Clear();
        DivRemKnuth(a.Limbs[..a.LimbCount], b.Limbs[..b.LimbCount], qs, rs);
        quotient = new UInt256(qs[0], qs[1], qs[2], qs[3]);
        remainder = new UInt256(rs[0], rs[1], rs[2], rs[3]);
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
        Span<ulong> rs = stackalloc ulong[4];
        rs.Clear();
        DivRemKnuth(u, m.Limbs[..n], default, rs);
        result = new UInt256(rs[0], rs[1], rs[2], rs[3]);
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

    // The quotient of a two-limb a by a two-limb b with a >= b >= 2^64: a single digit, without the
    // loop and spans of the general case. With a two-limb divisor Knuth's refinement compares
    // qhat*(d1:d0) against the whole dividend, so the refined digit is exact and never needs adding back.
    private static ulong DivRem128By128(ulong a1, ulong a0, ulong b1, ulong b0, out ulong r1, out ulong r0)
    {
        int s = BitOperations.LeadingZeroCount(b1);
        ulong d1 = b1, d0 = b0, n2 = 0, n1 = a1, n0 = a0;
        if (s != 0)
        {
            d1 = (b1 << s) | (b0 >> (64 - s));
            d0 = b0 << s;
            n2 = a1 >> (64 - s);
            n1 = (a1 << s) | (a0 >> (64 - s));
            n0 = a0 << s;
        }
        // n2 < 2^s <= 2^63 <= d1, so the 2-by-1 step cannot overflow.
        ulong q = Divide2By1(n2, n1, d1, Reciprocal(d1), out ulong rhat);
        q = RefineEstimate(q, rhat, d1, d0, n0);

        // The remainder n - q*d is below d, so its two low limbs are all there is.
        ulong ph = MultiplyAdd(q, d0, 0, out ulong p0);
        ulong p1 = q * d1 + ph;
        ulong borrow = SubtractWithBorrow(n0, p0, 0, out n0);
        SubtractWithBorrow(n1, p1, borrow, out n1);
        r0 = s == 0 ? n0 : (n0 >> s) | (n1 << (64 - s));
        r1 = n1 >> s;
        return q;
    }

    /// <summary>
    /// Knuth's algorithm D. <paramref name="u"/> has at least as many limbs as <paramref name="v"/>,
    /// which has two or more and a nonzero top limb. Writes the quotient (u.Length - v.Length + 1
    /// digits) unless <paramref name="quotient"/> is empty, and the remainder (v.Length limbs).
    /// </summary>
    [SkipLocalsInit]
    internal static void DivRemKnuth(ReadOnlySpan<ulong> u, ReadOnlySpan<ulong> v, Span<ulong> quotient, Span<ulong> remainder)
    {
        int n = v.Length;
        int m = u.Length - n;
        int s = BitOperations.LeadingZeroCount(v[n - 1]);

        // Normalize so the divisor's top bit is set: that bounds each estimated digit to at most
        // two above the true one, and the refinement below to at most one.
        Span<ulong> vn = stackalloc ulong[n];
        Span<ulong> un = stackalloc ulong[u.Length + 1];
        ShiftLeftInto(v, s, vn);
        un[u.Length] = ShiftLeftInto(u, s, un);

        ulong d1 = vn[n - 1];
        ulong d0 = vn[n - 2];
        ulong reciprocal = Reciprocal(d1);
        bool keep = !quotient.IsEmpty;

        for (int j = m; j >= 0; j--)
        {
            ulong u2 = un[j + n];
            ulong u1 = un[j + n - 1];
            ulong u0 = un[j + n - 2];
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

            Span<ulong> window = un.Slice(j, n + 1);
            if (MultiplySubtract(window, vn, qhat))
            {
                // The estimate was one too large: rare (about 2/2^64 on random data) and only
                // possible with three or more divisor limbs; the tests construct such dividends.
                qhat--;
                AddBack(window, vn);
            }
            if (keep) quotient[j] = qhat;
        }

        for (int i = 0; i < n; i++)
            remainder[i] = s == 0 ? un[i] : (un[i] >> s) | (un[i + 1] << (64 - s));
    }

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

    // x -= q * y over y.Length + 1 limbs of x; returns whether the result went below zero.
    private static bool MultiplySubtract(Span<ulong> x, ReadOnlySpan<ulong> y, ulong q)
    {
        ulong carry = 0;
        int n = y.Length;
        for (int i = 0; i < n; i++)
        {
            // q*y[i] + carry <= (2^64-1) * 2^64, so the high part plus one borrow still fits a limb.
            ulong ph = MultiplyAdd(q, y[i], carry, out ulong pl);
            ulong t = x[i];
            x[i] = t - pl;
            carry = ph + (t < pl ? 1UL : 0UL);
        }
        ulong top = x[n];
        x[n] = top - carry;
        return top < carry;
    }

    // x += y over y.Length + 1 limbs of x; the carry out of the top limb cancels the earlier borrow.
    private static void AddBack(Span<ulong> x, ReadOnlySpan<ulong> y)
    {
        ulong carry = 0;
        int n = y.Length;
        for (int i = 0; i < n; i++)
            carry = AddWithCarry(x[i], y[i], carry, out x[i]);
        x[n] += carry;
    }

    // destination = source << shift (shift < 64), same length; returns the bits shifted out of the top.
    private static ulong ShiftLeftInto(ReadOnlySpan<ulong> source, int shift, Span<ulong> destination)
    {
        if (shift == 0)
        {
            source.CopyTo(destination);
            return 0;
        }
        ulong carry = 0;
        for (int i = 0; i < source.Length; i++)
        {
            ulong limb = source[i];
            destination[i] = (limb << shift) | carry;
            carry = limb >> (64 - shift);
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
