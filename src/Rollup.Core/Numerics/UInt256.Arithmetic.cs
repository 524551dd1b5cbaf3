using System.Runtime.CompilerServices;

namespace Rollup.Core.Numerics;

public readonly partial struct UInt256
{
    // .NET exposes no add-with-carry intrinsic; the carry out of x + y + c is the majority of the
    // top bits of x, y and the complement of the sum, which keeps the chain free of branches that
    // random EVM words would mispredict.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static ulong AddWithCarry(ulong x, ulong y, ulong carry, out ulong sum)
    {
        ulong s = x + y + carry;
        sum = s;
        return ((x & y) | ((x | y) & ~s)) >> 63;
    }

    // Same trick for the borrow out of x - y - b.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static ulong SubtractWithBorrow(ulong x, ulong y, ulong borrow, out ulong difference)
    {
        ulong d = x - y - borrow;
        difference = d;
        return ((~x & y) | (~(x ^ y) & d)) >> 63;
    }

    // x * y + addend + carry never exceeds 2^128 - 1, so one 128-bit result holds it exactly.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static ulong MultiplyAdd(ulong x, ulong y, ulong addend, ulong carry, out ulong low)
    {
        ulong high = Math.BigMul(x, y, out ulong lo);
        lo += addend;
        high += lo < addend ? 1UL : 0UL;
        lo += carry;
        high += lo < carry ? 1UL : 0UL;
        low = lo;
        return high;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static ulong MultiplyAdd(ulong x, ulong y, ulong addend, out ulong low)
    {
        ulong high = Math.BigMul(x, y, out ulong lo);
        lo += addend;
        low = lo;
        return high + (lo < addend ? 1UL : 0UL);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Add(in UInt256 a, in UInt256 b, out UInt256 result) => AddOverflow(a, b, out result);

    /// <summary>Wrapping addition that also reports whether the true sum reached 2^256.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool AddOverflow(in UInt256 a, in UInt256 b, out UInt256 result)
    {
        ulong carry = AddWithCarry(a.U0, b.U0, 0, out ulong r0);
        carry = AddWithCarry(a.U1, b.U1, carry, out ulong r1);
        carry = AddWithCarry(a.U2, b.U2, carry, out ulong r2);
        carry = AddWithCarry(a.U3, b.U3, carry, out ulong r3);
        result = new UInt256(r0, r1, r2, r3);
        return carry != 0;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Subtract(in UInt256 a, in UInt256 b, out UInt256 result) => SubtractUnderflow(a, b, out result);

    /// <summary>Wrapping subtraction that also reports whether <paramref name="b"/> was greater than <paramref name="a"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool SubtractUnderflow(in UInt256 a, in UInt256 b, out UInt256 result)
    {
        ulong borrow = SubtractWithBorrow(a.U0, b.U0, 0, out ulong r0);
        borrow = SubtractWithBorrow(a.U1, b.U1, borrow, out ulong r1);
        borrow = SubtractWithBorrow(a.U2, b.U2, borrow, out ulong r2);
        borrow = SubtractWithBorrow(a.U3, b.U3, borrow, out ulong r3);
        result = new UInt256(r0, r1, r2, r3);
        return borrow != 0;
    }

    /// <summary>Two's complement: 2^256 - x, and 0 for 0.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Negate(in UInt256 value, out UInt256 result) => SubtractUnderflow(default, value, out result);

    /// <summary>The low 256 bits of the product.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Multiply(in UInt256 a, in UInt256 b, out UInt256 result)
    {
        // Most words the EVM multiplies are small (offsets, sizes, gas, wei amounts).
        if ((a.U1 | a.U2 | a.U3 | b.U1 | b.U2 | b.U3) == 0)
        {
            ulong high = Math.BigMul(a.U0, b.U0, out ulong low);
            result = new UInt256(low, high);
            return;
        }
        MultiplyLow(a, b, out result);
    }

    // Schoolbook on limbs, keeping only the ten partial products that reach the low four limbs.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void MultiplyLow(in UInt256 a, in UInt256 b, out UInt256 result)
    {
        ulong a0 = a.U0, a1 = a.U1, a2 = a.U2, a3 = a.U3;
        ulong b0 = b.U0, b1 = b.U1, b2 = b.U2, b3 = b.U3;

        ulong carry = Math.BigMul(a0, b0, out ulong r0);
        carry = MultiplyAdd(a0, b1, carry, out ulong r1);
        carry = MultiplyAdd(a0, b2, carry, out ulong r2);
        ulong r3 = a0 * b3 + carry;

        carry = MultiplyAdd(a1, b0, r1, out r1);
        carry = MultiplyAdd(a1, b1, r2, carry, out r2);
        r3 += a1 * b2 + carry;

        carry = MultiplyAdd(a2, b0, r2, out r2);
        r3 += a2 * b1 + carry;

        r3 += a3 * b0;
        result = new UInt256(r0, r1, r2, r3);
    }

    /// <summary>The full 512-bit product into eight little-endian limbs, for MULMOD.</summary>
    internal static void MultiplyFull(in UInt256 a, in UInt256 b, Span<ulong> product)
    {
        ulong a0 = a.U0, a1 = a.U1, a2 = a.U2, a3 = a.U3;
        ulong b0 = b.U0, b1 = b.U1, b2 = b.U2, b3 = b.U3;

        ulong c = Math.BigMul(a0, b0, out ulong p0);
        c = MultiplyAdd(a0, b1, c, out ulong p1);
        c = MultiplyAdd(a0, b2, c, out ulong p2);
        ulong p4 = MultiplyAdd(a0, b3, c, out ulong p3);

        c = MultiplyAdd(a1, b0, p1, out p1);
        c = MultiplyAdd(a1, b1, p2, c, out p2);
        c = MultiplyAdd(a1, b2, p3, c, out p3);
        ulong p5 = MultiplyAdd(a1, b3, p4, c, out p4);

        c = MultiplyAdd(a2, b0, p2, out p2);
        c = MultiplyAdd(a2, b1, p3, c, out p3);
        c = MultiplyAdd(a2, b2, p4, c, out p4);
        ulong p6 = MultiplyAdd(a2, b3, p5, c, out p5);

        c = MultiplyAdd(a3, b0, p3, out p3);
        c = MultiplyAdd(a3, b1, p4, c, out p4);
        c = MultiplyAdd(a3, b2, p5, c, out p5);
        ulong p7 = MultiplyAdd(a3, b3, p6, c, out p6);

        product[7] = p7;
        product[0] = p0;
        product[1] = p1;
        product[2] = p2;
        product[3] = p3;
        product[4] = p4;
        product[5] = p5;
        product[6] = p6;
    }

    /// <summary>
    /// <paramref name="base"/> raised to <paramref name="exponent"/>, modulo 2^256 (EVM EXP).
    /// </summary>
    public static void Exp(in UInt256 @base, in UInt256 exponent, out UInt256 result)
    {
        UInt256 power = @base;
        UInt256 e = exponent;
        if (e.IsZero)
        {
            result = One; // including 0^0, as the EVM defines it
            return;
        }
        if (power.FitsInUlong && power.U0 <= 2)
        {
            // 0^e, 1^e and 2^e are common (masks, 2**n in Solidity) and need no multiplication.
            if (power.U0 == 2)
                ShiftLeft(One, e.FitsInUlong && e.U0 < 256 ? (int)e.U0 : 256, out result);
            else
                result = power;
            return;
        }

        // Right-to-left square-and-multiply over the exponent's bits, with the word values kept in
        // locals (not aliased in/out arguments) so the JIT can hold their limbs in registers.
        UInt256 acc = One;
        int bits = e.BitLength;
        for (int i = 0; ; i++)
        {
            ulong limb = i < 64 ? e.U0 : i < 128 ? e.U1 : i < 192 ? e.U2 : e.U3;
            if (((limb >> (i & 63)) & 1) != 0) acc = MultiplyLowValue(acc, power);
            if (i + 1 == bits) break;
            power = SquareLow(power);
            // An even base loses its low bits after a few squarings; the highest exponent bit is
            // still to come, so the whole product is zero.
            if (power.IsZero)
            {
                acc = default;
                break;
            }
        }
        result = acc;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static UInt256 MultiplyLowValue(UInt256 a, UInt256 b)
    {
        MultiplyLow(a, b, out UInt256 r);
        return r;
    }

    /// <summary>The low 256 bits of a*a: six partial products instead of ten, since a_i*a_j = a_j*a_i.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static UInt256 SquareLow(UInt256 a)
    {
        ulong a0 = a.U0, a1 = a.U1, a2 = a.U2, a3 = a.U3;
        // Off-diagonal terms once, then doubled: a0a1 at limb 1, a0a2 at limb 2, a0a3 + a1a2 at limb 3.
        ulong high = Math.BigMul(a0, a1, out ulong c1);
        ulong c3 = MultiplyAdd(a0, a2, high, out ulong c2);
        c3 += a0 * a3 + a1 * a2;
        c3 = (c3 << 1) | (c2 >> 63);
        c2 = (c2 << 1) | (c1 >> 63);
        c1 <<= 1;
        // Diagonal terms: a0^2 at limbs 0-1, a1^2 at limbs 2-3 (a2^2 and a3^2 lie above 2^256).
        ulong d1 = Math.BigMul(a0, a0, out ulong r0);
        ulong d3 = Math.BigMul(a1, a1, out ulong d2);
        ulong carry = AddWithCarry(c1, d1, 0, out ulong r1);
        carry = AddWithCarry(c2, d2, carry, out ulong r2);
        return new UInt256(r0, r1, r2, c3 + d3 + carry);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static UInt256 operator +(in UInt256 a, in UInt256 b)
    {
        AddOverflow(a, b, out UInt256 r);
        return r;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static UInt256 operator -(in UInt256 a, in UInt256 b)
    {
        SubtractUnderflow(a, b, out UInt256 r);
        return r;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static UInt256 operator -(in UInt256 value)
    {
        Negate(value, out UInt256 r);
        return r;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static UInt256 operator *(in UInt256 a, in UInt256 b)
    {
        Multiply(a, b, out UInt256 r);
        return r;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static UInt256 operator ++(in UInt256 value) => value + One;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static UInt256 operator --(in UInt256 value) => value - One;
}
