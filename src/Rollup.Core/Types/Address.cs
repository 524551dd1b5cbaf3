using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Rollup.Core.Encoding;

namespace Rollup.Core.Types;

/// <summary>A 20-byte Ethereum account address. Immutable, compared by value.</summary>
[StructLayout(LayoutKind.Sequential, Size = 20)]
public readonly struct Address : IEquatable<Address>
{
    private readonly ulong _a, _b; // first 16 bytes, raw memory order
    private readonly uint _c;      // last 4 bytes

    public const int Size = 20;
    public static readonly Address Zero = default;

    public Address(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length != Size) throw new ArgumentException($"an address is {Size} bytes, got {bytes.Length}", nameof(bytes));
        this = MemoryMarshal.Read<Address>(bytes);
    }

    /// <summary>The last 20 bytes of a 32-byte word (how the EVM turns a stack word into an address).</summary>
    public static Address FromWord(ReadOnlySpan<byte> word32) => new(word32[12..32]);

    [UnscopedRef]
    public ReadOnlySpan<byte> Bytes => MemoryMarshal.CreateReadOnlySpan(ref Unsafe.As<ulong, byte>(ref Unsafe.AsRef(in _a)), Size);

    public byte[] ToArray() => Bytes.ToArray();

    public static Address Parse(string hex)
    {
        var raw = Hex.Parse(hex);
        if (raw.Length != Size) throw new FormatException($"an address is {Size} bytes, got {raw.Length}: '{hex}'");
        return new Address(raw);
    }

    public static bool TryParse(string? hex, out Address address)
    {
        address = default;
        if (hex is null) return false;
        try { address = Parse(hex); return true; } catch (FormatException) { return false; }
    }

    public bool Equals(Address other) => _a == other._a && _b == other._b && _c == other._c;
    public override bool Equals(object? obj) => obj is Address a && Equals(a);
    public override int GetHashCode() => HashCode.Combine(_a, _b, _c);
    public static bool operator ==(Address x, Address y) => x.Equals(y);
    public static bool operator !=(Address x, Address y) => !x.Equals(y);
    public override string ToString() => Hex.ToHex(Bytes);
}
