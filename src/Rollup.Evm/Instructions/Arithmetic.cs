using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics.X86;
using Rollup.Core.Numerics;

namespace Rollup.Evm.Instructions;

/// <summary>ADD .. SIGNEXTEND. Each takes the stack pointer (one past the top) and returns the new one. Results go
/// through a local so no UInt256 routine ever sees its output aliasing an input. The cheap, frequent ones inline into
/// the interpreter loop; division-like ones are calls, to keep the loop's register pressure low.</summary>
internal static unsafe class Arithmetic
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static UInt256* Add(UInt256* sp) { UInt256.Add(in sp[-1], in sp[-2], out var r); sp[-2] = r; return sp - 1; }

    /// <summary>A top operand of one limb (the usual MUL by a constant, pushed last) multiplies inline as four limb
    /// products; anything else takes a call, which keeps the interpreter loop small enough for its hot locals to
    /// stay in registers.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static UInt256* Mul(UInt256* sp)
    {
        // No ref local spans the slow call (see Bitwise.Shl).
        if ((sp[-1].U1 | sp[-1].U2 | sp[-1].U3) != 0) MulSlow(sp);
        else sp[-2] = TimesLimb(in sp[-2], sp[-1].U0);
        return sp - 1;
    }

    /// <summary>The top operand is wider than a limb: a one-limb second operand is still four limb products;
    /// anything wider is the general product.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void MulSlow(UInt256* sp)
    {
        ref var a = ref sp[-1];
        ref var b = ref sp[-2];
        if ((b.U1 | b.U2 | b.U3) == 0) b = TimesLimb(a, b.U0);
        else { UInt256.Multiply(in a, in b, out var r); b = r; }
    }

    /// <summary>w·k mod 2^256.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static UInt256 TimesLimb(in UInt256 w, ulong k)
    {
        ulong r0 = w.U0 * k, r1 = w.U1 * k, r2 = w.U2 * k;
        r1 += High(w.U0, k);
        ulong c = High(w.U1, k) + (r1 < w.U1 * k ? 1UL : 0UL);
        r2 += c;
        c = High(w.U2, k) + (r2 < c ? 1UL : 0UL);
        ulong r3 = w.U3 * k + c;
        return new UInt256(r0, r1, r2, r3);
    }

    /// <summary>The high half of a·b. The low half is a plain multiply at each use: BigMul's out parameter (and its
    /// UInt128 form, built on it) lives in a stack slot, a store and a reload per product in the interpreter loop.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong High(ulong a, ulong b) =>
        Bmi2.X64.IsSupported ? Bmi2.X64.MultiplyNoFlags(a, b) : Math.BigMul(a, b, out _);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static UInt256* Sub(UInt256* sp) { UInt256.Subtract(in sp[-1], in sp[-2], out var r); sp[-2] = r; return sp - 1; }

    [MethodImpl(MethodImplOptions.NoInlining)]
    public static UInt256* Div(UInt256* sp) { UInt256.Divide(in sp[-1], in sp[-2], out var r); sp[-2] = r; return sp - 1; }

    [MethodImpl(MethodImplOptions.NoInlining)]
    public static UInt256* SDiv(UInt256* sp) { UInt256.SignedDivide(in sp[-1], in sp[-2], out var r); sp[-2] = r; return sp - 1; }

    [MethodImpl(MethodImplOptions.NoInlining)]
    public static UInt256* Mod(UInt256* sp) { UInt256.Mod(in sp[-1], in sp[-2], out var r); sp[-2] = r; return sp - 1; }

    [MethodImpl(MethodImplOptions.NoInlining)]
    public static UInt256* SMod(UInt256* sp) { UInt256.SignedMod(in sp[-1], in sp[-2], out var r); sp[-2] = r; return sp - 1; }

    [MethodImpl(MethodImplOptions.NoInlining)]
    public static UInt256* AddMod(UInt256* sp) { UInt256.AddMod(in sp[-1], in sp[-2], in sp[-3], out var r); sp[-3] = r; return sp - 2; }

    [MethodImpl(MethodImplOptions.NoInlining)]
    public static UInt256* MulMod(UInt256* sp) { UInt256.MulMod(in sp[-1], in sp[-2], in sp[-3], out var r); sp[-3] = r; return sp - 2; }

    /// <summary>EXP costs 50 gas per byte of the exponent (10 before Spurious Dragon) on top of the static 10.</summary>
    /// <summary>EXP: returns the dynamic gas (50 per exponent byte, 10 before Spurious Dragon) for the caller to charge.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static long Exp(UInt256* sp, long gasPerByte)
    {
        long cost = gasPerByte * sp[-2].ByteLength;
        UInt256.Exp(in sp[-1], in sp[-2], out var r);
        sp[-2] = r;
        return cost;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    public static UInt256* SignExtend(UInt256* sp) { UInt256.SignExtend(in sp[-1], in sp[-2], out var r); sp[-2] = r; return sp - 1; }
}
