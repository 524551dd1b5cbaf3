using System.Runtime.CompilerServices;

namespace Rollup.Core.Numerics;

// The EVM has no signed type: SDIV, SMOD, SLT, SGT, SAR and SIGNEXTEND read the same 256 bits as
// two's complement, so these operate on UInt256 and the sign is bit 255.
public readonly partial struct UInt256
{
    /// <summary>Bit 255, the sign when the word is read as two's complement.</summary>
    public bool IsNegative
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => (long)U3 < 0;
    }

    /// <summary>
    /// Signed quotient truncated toward zero (EVM SDIV); x / 0 = 0, and -2^255 / -1 = -2^255
    /// because the true quotient 2^255 wraps back to itself.
    /// </summary>
    public static void SignedDivide(in UInt256 a, in UInt256 b, out UInt256 result)
    {
        bool negative = a.IsNegative ^ b.IsNegative;
        Abs(a, out UInt256 x);
        Abs(b, out UInt256 y);
        Divide(x, y, out UInt256 q);
        if (negative) Negate(q, out q);
        result = q;
    }

    /// <summary>Signed remainder with the sign of the dividend (EVM SMOD); x % 0 = 0.</summary>
    public static void SignedMod(in UInt256 a, in UInt256 b, out UInt256 result)
    {
        bool negative = a.IsNegative;
        Abs(a, out UInt256 x);
        Abs(b, out UInt256 y);
        Mod(x, y, out UInt256 r);
        if (negative) Negate(r, out r);
        result = r;
    }

    // Magnitude as an unsigned word; -2^255 maps to 2^255, which is why the callers stay unsigned.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Abs(in UInt256 value, out UInt256 result)
    {
        if (value.IsNegative) Negate(value, out result);
        else result = value;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool SignedLessThan(in UInt256 a, in UInt256 b)
    {
        // Flipping the sign bits maps two's complement order onto unsigned order.
        UInt256 x = new(a.U0, a.U1, a.U2, a.U3 ^ (1UL << 63));
        UInt256 y = new(b.U0, b.U1, b.U2, b.U3 ^ (1UL << 63));
        return x < y;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool SignedGreaterThan(in UInt256 a, in UInt256 b) => SignedLessThan(b, a);

    /// <summary>
    /// Arithmetic right shift (EVM SAR): shifts in copies of bit 255; a shift of 256 or more gives 0
    /// or MaxValue by sign. A negative <paramref name="shift"/> counts as huge.
    /// </summary>
    public static void ArithmeticShiftRight(in UInt256 value, int shift, out UInt256 result)
    {
        if (!value.IsNegative)
        {
            ShiftRight(value, shift, out result);
            return;
        }
        // For negative x, x >> s (arithmetic) == ~((~x) >> s) (logical).
        UInt256 inverted = ~value;
        ShiftRight(inverted, shift, out UInt256 shifted);
        result = ~shifted;
    }

    /// <summary>EVM SAR with the shift as a word, as it comes off the stack.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void ArithmeticShiftRight(in UInt256 value, in UInt256 shift, out UInt256 result) =>
        ArithmeticShiftRight(value, ClampShift(shift), out result);

    /// <summary>
    /// EVM SIGNEXTEND: treats <paramref name="value"/> as a (byteIndex + 1)-byte two's complement
    /// number and extends its sign bit (bit 8 * byteIndex + 7) through bit 255. An index of 31 or
    /// more returns the value unchanged.
    /// </summary>
    public static void SignExtend(in UInt256 byteIndex, in UInt256 value, out UInt256 result)
    {
        if (!byteIndex.FitsInUlong || byteIndex.U0 >= 31)
        {
            result = value;
            return;
        }
        SignExtend((int)byteIndex.U0, value, out result);
    }

    /// <inheritdoc cref="SignExtend(in UInt256, in UInt256, out UInt256)"/>
    public static void SignExtend(int byteIndex, in UInt256 value, out UInt256 result)
    {
        if ((uint)byteIndex >= 31)
        {
            result = value;
            return;
        }
        int signBit = 8 * byteIndex + 7;
        int limb = signBit >> 6;
        int bit = signBit & 63;
        ulong u0 = value.U0, u1 = value.U1, u2 = value.U2, u3 = value.U3;
        ulong word = limb switch { 0 => u0, 1 => u1, 2 => u2, _ => u3 };
        bool negative = ((word >> bit) & 1) != 0;

        // Within the sign bit's limb keep bits 0..bit and fill above; limbs above it are all fill.
        ulong keep = bit == 63 ? ulong.MaxValue : (2UL << bit) - 1;
        ulong fill = negative ? ulong.MaxValue : 0;
        word = (word & keep) | (fill & ~keep);
        switch (limb)
        {
            case 0:
                result = new UInt256(word, fill, fill, fill);
                break;
            case 1:
                result = new UInt256(u0, word, fill, fill);
                break;
            case 2:
                result = new UInt256(u0, u1, word, fill);
                break;
            default:
                result = new UInt256(u0, u1, u2, word);
                break;
        }
    }
}
