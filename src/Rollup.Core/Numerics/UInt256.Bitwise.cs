using System.Runtime.CompilerServices;

namespace Rollup.Core.Numerics;

public readonly partial struct UInt256
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static UInt256 operator &(in UInt256 a, in UInt256 b) => new(a.U0 & b.U0, a.U1 & b.U1, a.U2 & b.U2, a.U3 & b.U3);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static UInt256 operator |(in UInt256 a, in UInt256 b) => new(a.U0 | b.U0, a.U1 | b.U1, a.U2 | b.U2, a.U3 | b.U3);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static UInt256 operator ^(in UInt256 a, in UInt256 b) => new(a.U0 ^ b.U0, a.U1 ^ b.U1, a.U2 ^ b.U2, a.U3 ^ b.U3);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static UInt256 operator ~(in UInt256 a) => new(~a.U0, ~a.U1, ~a.U2, ~a.U3);

    /// <summary>Logical shift; a negative shift counts as huge, as does anything from 256 up (EVM SHL: result 0).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static UInt256 operator <<(in UInt256 value, int shift)
    {
        ShiftLeft(value, shift, out UInt256 r);
        return r;
    }

    /// <summary>Logical shift; a negative shift counts as huge, as does anything from 256 up (EVM SHR: result 0).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static UInt256 operator >>(in UInt256 value, int shift)
    {
        ShiftRight(value, shift, out UInt256 r);
        return r;
    }

    /// <summary>EVM SHL. A shift of 256 or more, or a negative one, gives 0.</summary>
    public static void ShiftLeft(in UInt256 value, int shift, out UInt256 result)
    {
        if ((uint)shift >= 256)
        {
            result = default;
            return;
        }
        ulong u0 = value.U0, u1 = value.U1, u2 = value.U2, u3 = value.U3;
        switch (shift >> 6)
        {
            case 1: (u3, u2, u1, u0) = (u2, u1, u0, 0); break;
            case 2: (u3, u2, u1, u0) = (u1, u0, 0, 0); break;
            case 3: (u3, u2, u1, u0) = (u0, 0, 0, 0); break;
        }
        int bits = shift & 63;
        if (bits != 0)
        {
            // C# masks shift counts to 6 bits, so the 64 - bits carry would break for bits == 0.
            int back = 64 - bits;
            u3 = (u3 << bits) | (u2 >> back);
            u2 = (u2 << bits) | (u1 >> back);
            u1 = (u1 << bits) | (u0 >> back);
            u0 <<= bits;
        }
        result = new UInt256(u0, u1, u2, u3);
    }

    /// <summary>EVM SHR. A shift of 256 or more, or a negative one, gives 0.</summary>
    public static void ShiftRight(in UInt256 value, int shift, out UInt256 result)
    {
        if ((uint)shift >= 256)
        {
            result = default;
            return;
        }
        ulong u0 = value.U0, u1 = value.U1, u2 = value.U2, u3 = value.U3;
        switch (shift >> 6)
        {
            case 1: (u0, u1, u2, u3) = (u1, u2, u3, 0); break;
            case 2: (u0, u1, u2, u3) = (u2, u3, 0, 0); break;
            case 3: (u0, u1, u2, u3) = (u3, 0, 0, 0); break;
        }
        int bits = shift & 63;
        if (bits != 0)
        {
            int back = 64 - bits;
            u0 = (u0 >> bits) | (u1 << back);
            u1 = (u1 >> bits) | (u2 << back);
            u2 = (u2 >> bits) | (u3 << back);
            u3 >>= bits;
        }
        result = new UInt256(u0, u1, u2, u3);
    }

    /// <summary>EVM SHL with the shift as a word, as it comes off the stack.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void ShiftLeft(in UInt256 value, in UInt256 shift, out UInt256 result) =>
        ShiftLeft(value, ClampShift(shift), out result);

    /// <summary>EVM SHR with the shift as a word, as it comes off the stack.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void ShiftRight(in UInt256 value, in UInt256 shift, out UInt256 result) =>
        ShiftRight(value, ClampShift(shift), out result);

    // Every shift of 256 or more behaves alike, so a huge word shift collapses to 256.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int ClampShift(in UInt256 shift) => shift.FitsInUlong && shift.U0 < 256 ? (int)shift.U0 : 256;

    /// <summary>
    /// EVM BYTE: byte <paramref name="index"/> of the 32-byte big-endian form (0 is the most
    /// significant); an index of 32 or more gives 0.
    /// </summary>
    public static void Byte(in UInt256 index, in UInt256 value, out UInt256 result)
    {
        if (!index.FitsInUlong || index.U0 >= 32)
        {
            result = default;
            return;
        }
        result = new UInt256(Byte((int)index.U0, value));
    }

    /// <summary>Byte <paramref name="index"/> counting from the most significant; 0 when the index is outside 0..31.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static byte Byte(int index, in UInt256 value)
    {
        if ((uint)index >= 32) return 0;
        int fromLow = 31 - index;
        ulong limb = (fromLow >> 3) switch { 0 => value.U0, 1 => value.U1, 2 => value.U2, _ => value.U3 };
        return (byte)(limb >> ((fromLow & 7) * 8));
    }
}
