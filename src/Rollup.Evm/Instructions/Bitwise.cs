using System.Runtime.CompilerServices;
using Rollup.Core.Numerics;

namespace Rollup.Evm.Instructions;

/// <summary>Comparisons (LT .. ISZERO) and bitwise operations (AND .. SAR).</summary>
internal static unsafe class Bitwise
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static UInt256 Bool(bool b) => b ? UInt256.One : UInt256.Zero;

    // The comparisons walk the limbs from the top and stop at the first that differs, holding two limbs at a time:
    // the borrow-chain form loads all eight limbs at once, and in the interpreter loop that pressure made the
    // register allocator evict gas and the table pointer (and store them on every step).

    /// <summary>a &lt; b, unsigned.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool Below(in UInt256 a, in UInt256 b)
    {
        if (a.U3 != b.U3) return a.U3 < b.U3;
        if (a.U2 != b.U2) return a.U2 < b.U2;
        if (a.U1 != b.U1) return a.U1 < b.U1;
        return a.U0 < b.U0;
    }

    /// <summary>a &lt; b, two's complement: only the top limb compares signed.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool SignedBelow(in UInt256 a, in UInt256 b)
    {
        if (a.U3 != b.U3) return (long)a.U3 < (long)b.U3;
        if (a.U2 != b.U2) return a.U2 < b.U2;
        if (a.U1 != b.U1) return a.U1 < b.U1;
        return a.U0 < b.U0;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static UInt256* Lt(UInt256* sp) { sp[-2] = Bool(Below(in sp[-1], in sp[-2])); return sp - 1; }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static UInt256* Gt(UInt256* sp) { sp[-2] = Bool(Below(in sp[-2], in sp[-1])); return sp - 1; }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static UInt256* Slt(UInt256* sp) { sp[-2] = Bool(SignedBelow(in sp[-1], in sp[-2])); return sp - 1; }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static UInt256* Sgt(UInt256* sp) { sp[-2] = Bool(SignedBelow(in sp[-2], in sp[-1])); return sp - 1; }

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
        // No ref local spans the slow call: the allocator would keep it in a callee-saved register and evict gas.
        if ((sp[-1].U1 | sp[-1].U2 | sp[-1].U3) != 0 || sp[-1].U0 - 1 >= 63) ShlSlow(sp);
        else
        {
            ref var v = ref sp[-2];
            int s = (int)sp[-1].U0, back = 64 - s;
            v = new UInt256(v.U0 << s, v.U1 << s | v.U0 >> back, v.U2 << s | v.U1 >> back, v.U3 << s | v.U2 >> back);
        }
        return sp - 1;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ShlSlow(UInt256* sp) { UInt256.ShiftLeft(in sp[-2], in sp[-1], out var r); sp[-2] = r; }

    /// <summary>SHR: as SHL, shifts below 64 bits inline (the usual case: extracting a selector with 224 is not).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static UInt256* Shr(UInt256* sp)
    {
        // No ref local spans the slow call: the allocator would keep it in a callee-saved register and evict gas.
        if ((sp[-1].U1 | sp[-1].U2 | sp[-1].U3) != 0 || sp[-1].U0 - 1 >= 63) ShrSlow(sp);
        else
        {
            ref var v = ref sp[-2];
            int s = (int)sp[-1].U0, back = 64 - s;
            v = new UInt256(v.U0 >> s | v.U1 << back, v.U1 >> s | v.U2 << back, v.U2 >> s | v.U3 << back, v.U3 >> s);
        }
        return sp - 1;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ShrSlow(UInt256* sp) { UInt256.ShiftRight(in sp[-2], in sp[-1], out var r); sp[-2] = r; }

    [MethodImpl(MethodImplOptions.NoInlining)]
    public static UInt256* Sar(UInt256* sp) { UInt256.ArithmeticShiftRight(in sp[-2], in sp[-1], out var r); sp[-2] = r; return sp - 1; }
}
