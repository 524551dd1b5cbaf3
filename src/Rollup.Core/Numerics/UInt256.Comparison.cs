using System.Runtime.CompilerServices;

namespace Rollup.Core.Numerics;

public readonly partial struct UInt256
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool Equals(UInt256 other) =>
        ((U0 ^ other.U0) | (U1 ^ other.U1) | (U2 ^ other.U2) | (U3 ^ other.U3)) == 0;

    public override bool Equals(object? obj) => obj is UInt256 other && Equals(other);

    public override int GetHashCode() => HashCode.Combine(U0, U1, U2, U3);

    public int CompareTo(UInt256 other) =>
        U3 != other.U3 ? (U3 < other.U3 ? -1 : 1)
        : U2 != other.U2 ? (U2 < other.U2 ? -1 : 1)
        : U1 != other.U1 ? (U1 < other.U1 ? -1 : 1)
        : U0 != other.U0 ? (U0 < other.U0 ? -1 : 1)
        : 0;

    public int CompareTo(object? obj) => obj switch
    {
        null => 1,
        UInt256 other => CompareTo(other),
        _ => throw new ArgumentException("object is not a UInt256", nameof(obj)),
    };

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool operator ==(in UInt256 a, in UInt256 b) =>
        ((a.U0 ^ b.U0) | (a.U1 ^ b.U1) | (a.U2 ^ b.U2) | (a.U3 ^ b.U3)) == 0;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool operator !=(in UInt256 a, in UInt256 b) => !(a == b);

    // a < b exactly when a - b borrows out of the top limb: one branch-free chain instead of up to
    // four data-dependent branches.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool operator <(in UInt256 a, in UInt256 b)
    {
        ulong borrow = SubtractWithBorrow(a.U0, b.U0, 0, out _);
        borrow = SubtractWithBorrow(a.U1, b.U1, borrow, out _);
        borrow = SubtractWithBorrow(a.U2, b.U2, borrow, out _);
        return SubtractWithBorrow(a.U3, b.U3, borrow, out _) != 0;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool operator >(in UInt256 a, in UInt256 b) => b < a;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool operator <=(in UInt256 a, in UInt256 b) => !(b < a);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool operator >=(in UInt256 a, in UInt256 b) => !(a < b);
}
