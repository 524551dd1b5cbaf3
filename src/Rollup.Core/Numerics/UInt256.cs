using System.Diagnostics.CodeAnalysis;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Rollup.Core.Numerics;

/// <summary>
/// An unsigned 256-bit integer: the EVM's stack word. Four 64-bit limbs, least significant first.
/// Arithmetic wraps modulo 2^256 and follows the EVM's rules (division by zero gives zero);
/// the signed operations read the same bits as two's complement.
/// </summary>
/// <remarks>
/// The static operations take <c>in</c> arguments and return through <c>out</c> so that the
/// interpreter can work on stack slots in place without copying 32 bytes per call; every one of
/// them reads all of its inputs before it writes its result, so the result may alias an input.
/// </remarks>
[StructLayout(LayoutKind.Sequential)]
public readonly partial struct UInt256 : IEquatable<UInt256>, IComparable<UInt256>, IComparable
{
    /// <summary>Bits 0..63.</summary>
    public readonly ulong U0;
    /// <summary>Bits 64..127.</summary>
    public readonly ulong U1;
    /// <summary>Bits 128..191.</summary>
    public readonly ulong U2;
    /// <summary>Bits 192..255.</summary>
    public readonly ulong U3;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public UInt256(ulong u0, ulong u1 = 0, ulong u2 = 0, ulong u3 = 0)
    {
        U0 = u0;
        U1 = u1;
        U2 = u2;
        U3 = u3;
    }

    // Properties rather than static readonly fields: the JIT folds these to constants at every tier.
    public static UInt256 Zero => default;
    public static UInt256 One => new(1);
    public static UInt256 MaxValue => new(ulong.MaxValue, ulong.MaxValue, ulong.MaxValue, ulong.MaxValue);

    public bool IsZero
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => (U0 | U1 | U2 | U3) == 0;
    }

    public bool IsOne
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => ((U0 ^ 1) | U1 | U2 | U3) == 0;
    }

    public bool FitsInUlong
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => (U1 | U2 | U3) == 0;
    }

    /// <summary>Number of significant bits: 0 for zero, 256 when bit 255 is set.</summary>
    public int BitLength
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => U3 != 0 ? 256 - BitOperations.LeadingZeroCount(U3)
            : U2 != 0 ? 192 - BitOperations.LeadingZeroCount(U2)
            : U1 != 0 ? 128 - BitOperations.LeadingZeroCount(U1)
            : 64 - BitOperations.LeadingZeroCount(U0);
    }

    /// <summary>Length of the minimal big-endian encoding (what RLP and EXP gas use); 0 for zero.</summary>
    public int ByteLength
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => (BitLength + 7) >> 3;
    }

    /// <summary>Number of limbs up to the most significant nonzero one; 0 for zero.</summary>
    internal int LimbCount => U3 != 0 ? 4 : U2 != 0 ? 3 : U1 != 0 ? 2 : U0 != 0 ? 1 : 0;

    /// <summary>The four limbs as a read-only span over this value (no copy).</summary>
    internal ReadOnlySpan<ulong> Limbs
    {
        [UnscopedRef]
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => MemoryMarshal.CreateReadOnlySpan(in U0, 4);
    }

    public bool TryGetUlong(out ulong value)
    {
        value = U0;
        return FitsInUlong;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static implicit operator UInt256(ulong value) => new(value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static implicit operator UInt256(uint value) => new(value);

    /// <summary>
    /// Implicit so that literals and loop counters mix with words (<c>x + 1</c>); a negative value is a
    /// programming error rather than a word, hence the exception instead of silent sign extension.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">when <paramref name="value"/> is negative.</exception>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static implicit operator UInt256(int value)
    {
        if (value < 0) ThrowNegative(value);
        return new((ulong)value);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static implicit operator UInt256(UInt128 value) => new((ulong)value, (ulong)(value >> 64));

    /// <summary>The low 64 bits; higher bits are dropped (use <see cref="TryGetUlong"/> to check).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static explicit operator ulong(in UInt256 value) => value.U0;

    /// <summary>The low 128 bits; higher bits are dropped.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static explicit operator UInt128(in UInt256 value) => new(value.U1, value.U0);

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ThrowNegative(int value) =>
        throw new ArgumentOutOfRangeException(nameof(value), value, "a UInt256 cannot be negative");
}
