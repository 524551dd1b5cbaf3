using System.Runtime.CompilerServices;
using Rollup.Core.Numerics;

namespace Rollup.Evm.Instructions;

/// <summary>ADD .. SIGNEXTEND. Each takes the stack pointer (one past the top) and returns the new one. Results go
/// through a local so no UInt256 routine ever sees its output aliasing an input.</summary>
internal static unsafe class Arithmetic
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static UInt256* Add(UInt256* sp) { UInt256.Add(in sp[-1], in sp[-2], out var r); sp[-2] = r; return sp - 1; }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static UInt256* Mul(UInt256* sp) { UInt256.Multiply(in sp[-1], in sp[-2], out var r); sp[-2] = r; return sp - 1; }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static UInt256* Sub(UInt256* sp) { UInt256.Subtract(in sp[-1], in sp[-2], out var r); sp[-2] = r; return sp - 1; }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static UInt256* Div(UInt256* sp) { UInt256.Divide(in sp[-1], in sp[-2], out var r); sp[-2] = r; return sp - 1; }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static UInt256* SDiv(UInt256* sp) { UInt256.SignedDivide(in sp[-1], in sp[-2], out var r); sp[-2] = r; return sp - 1; }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static UInt256* Mod(UInt256* sp) { UInt256.Mod(in sp[-1], in sp[-2], out var r); sp[-2] = r; return sp - 1; }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static UInt256* SMod(UInt256* sp) { UInt256.SignedMod(in sp[-1], in sp[-2], out var r); sp[-2] = r; return sp - 1; }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static UInt256* AddMod(UInt256* sp) { UInt256.AddMod(in sp[-1], in sp[-2], in sp[-3], out var r); sp[-3] = r; return sp - 2; }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static UInt256* MulMod(UInt256* sp) { UInt256.MulMod(in sp[-1], in sp[-2], in sp[-3], out var r); sp[-3] = r; return sp - 2; }

    /// <summary>EXP costs 50 gas per byte of the exponent (10 before Spurious Dragon) on top of the static 10.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static UInt256* Exp(UInt256* sp, ref long gas, long gasPerByte)
    {
        gas -= gasPerByte * sp[-2].ByteLength;
        UInt256.Exp(in sp[-1], in sp[-2], out var r);
        sp[-2] = r;
        return sp - 1;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static UInt256* SignExtend(UInt256* sp) { UInt256.SignExtend(in sp[-1], in sp[-2], out var r); sp[-2] = r; return sp - 1; }
}
