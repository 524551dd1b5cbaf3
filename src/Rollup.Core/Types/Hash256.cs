using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Rollup.Core.Encoding;

namespace Rollup.Core.Types;

/// <summary>A 32-byte value: a Keccak-256 digest, a state root, a storage key. Immutable, compared by value.</summary>
[StructLayout(LayoutKind.Sequential, Size = 32)]
public readonly struct Hash256 : IEquatable<Hash256>
{
    private readonly ulong _a, _b, _c, _d; // raw bytes in memory order, not numeric limbs

    public const int Size = 32;
    public static readonly Hash256 Zero = default;

    public Hash256(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length != Size) throw new ArgumentException($"a hash is {Size} bytes, got {bytes.Length}", nameof(bytes));
        this = MemoryMarshal.Read<Hash256>(bytes);
    }

    /// <summary>The 32 bytes as a read-only span over this value (valid while the value lives).</summary>
    [UnscopedRef]
    public ReadOnlySpan<byte> Bytes => MemoryMarshal.AsBytes(MemoryMarshal.CreateReadOnlySpan(in _a, 4));

    public byte[] ToArray() => Bytes.ToArray();

    public static Hash256 Parse(string hex)
    {
        Span<byte> buf = stackalloc byte[Size];
        Hex.ParseInto(hex, buf);
        return new Hash256(buf);
    }

    public bool Equals(Hash256 other) => _a == other._a && _b == other._b && _c == other._c && _d == other._d;
    public override bool Equals(object? obj) => obj is Hash256 h && Equals(h);
    public override int GetHashCode() => HashCode.Combine(_a, _b, _c, _d);
    public static bool operator ==(Hash256 x, Hash256 y) => x.Equals(y);
    public static bool operator !=(Hash256 x, Hash256 y) => !x.Equals(y);
    public override string ToString() => Hex.ToHex(Bytes);
}
