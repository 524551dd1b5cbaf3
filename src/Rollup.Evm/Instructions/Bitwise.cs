using System.Runtime.CompilerServices;
using Rollup.Core.Numerics;

namespace Rollup.Evm.Instructions;

/// <summary>Comparisons (LT .. ISZERO) and bitwise operations (AND .. SAR).</summary>
internal static unsafe class Bitwise
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static UInt256 Bool(bool b) => b ? UInt256.One : UInt256.Zero;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static UInt256* Lt(UInt256* sp) { sp[-2] = Bool(sp[-1] < sp[-2]); return sp - 1; }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static UInt256* Gt(UInt256* sp) { sp[-2] = Bool(sp[-1] > sp[-2]); return sp - 1; }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static UInt256* Slt(UInt256* sp) { sp[-2] = Bool(UInt256.SignedLessThan(in sp[-1], in sp[-2])); return sp - 1; }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static UInt256* Sgt(UInt256* sp) { sp[-2] = Bool(UInt256.SignedGreaterThan(in sp[-1], in sp[-2])); return sp - 1; }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static UInt256* Eq(UInt256* sp) { sp[-2] = Bool(sp[-1] == sp[-2]); return sp - 1; }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void IsZero(UInt256* sp) => sp[-1] = Bool(sp[-1].IsZero);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static UInt256* And(UInt256* sp) { sp[-2] = sp[-1] & sp[-2]; return sp - 1; }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static UInt256* Or(UInt256* sp) { sp[-2] = sp[-1] | sp[-2]; return sp - 1; }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static UInt256* Xor(UInt256* sp) { sp[-2] = sp[-1] ^ sp[-2]; return sp - 1; }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Not(UInt256* sp) => sp[-1] = ~sp[-1];

    [MethodImpl(MethodImplOptions.NoInlining)]
    public static UInt256* Byte(UInt256* sp) { UInt256.Byte(in sp[-1], in sp[-2], out var r); sp[-2] = r; return sp - 1; }

    /// <summary>SHL: shifts below 64 bits (the usual case: scaling offsets, building masks) run inline; others call.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static UInt256* Shl(UInt256* sp)
    {
        ref readonly var shift = ref sp[-1];
        ref var v = ref sp[-2];
        if ((shift.U1 | shift.U2 | shift.U3) == 0 && shift.U0 - 1 < 63)
        {
            int s = (int)shift.U0, back = 64 - s;
            v = new UInt256(v.U0 << s, v.U1 << s | v.U0 >> back, v.U2 << s | v.U1 >> back, v.U3 << s | v.U2 >> back);
        }
        else ShlSlow(sp);
        return sp - 1;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ShlSlow(UInt256* sp) { UInt256.ShiftLeft(in sp[-2], in sp[-1], out var r); sp[-2] = r; }

    /// <summary>SHR: as SHL, shifts below 64 bits inline (the usual case: extracting a selector with 224 is not).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static UInt256* Shr(UInt256* sp)
    {
        ref readonly var shift = ref sp[-1];
        ref var v = ref sp[-2];
        if ((shift.U1 | shift.U2 | shift.U3) == 0 && shift.U0 - 1 < 63)
        {
            int s = (int)shift.U0, back = 64 - s;
            v = new UInt256(v.U0 >> s | v.U1 << back, v.U1 >> s | v.U2 << back, v.U2 >> s | v.U3 << back, v.U3 >> s);
        }
        else ShrSlow(sp);
        return sp - 1;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ShrSlow(UInt256* sp) { UInt256.ShiftRight(in sp[-2], in sp[-1], out var r); sp[-2] = r; }

    [MethodImpl(MethodImplOptions.NoInlining)]
    public static UInt256* Sar(UInt256* sp) { UInt256.ArithmeticShiftRight(in sp[-2], in sp[-1], out var r); sp[-2] = r; return sp - 1; }
}
