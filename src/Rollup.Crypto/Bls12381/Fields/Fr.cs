using System.Numerics;
using System.Runtime.CompilerServices;
using Rollup.Crypto.Bn254.Fields;

namespace Rollup.Crypto.Bls12381.Fields;

/// <summary>
/// Element of the BLS12-381 scalar field F_r (r is the order of G1 and G2; BLS_MODULUS in EIP-4844),
/// r = 52435875175126190479447740508185965837690552500527637822603658699938581184513,
/// stored in Montgomery form (four little-endian limbs, always fully reduced). It shares the
/// 4-limb Montgomery core with BN254's fields (see <see cref="FrModulus"/> for why that is sound).
/// </summary>
public readonly struct Fr : IEquatable<Fr>
{
    internal readonly U256 Limbs;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal Fr(in U256 montgomeryLimbs) { Limbs = montgomeryLimbs; }

    /// <summary>r as a BigInteger.</summary>
    // A property, not a field: static fields in other partial files derive from it, and C# gives no
    // initialisation order across partial files.
    public static BigInteger Modulus => LimbCodec.ToBigInteger(Montgomery<FrModulus>.Modulus);

    public static Fr Zero => default;
    public static Fr One => new(Montgomery<FrModulus>.One);

    public bool IsZero => Limbs.IsZero;
    public bool IsOne => Limbs.Equals(Montgomery<FrModulus>.One);

    public static Fr FromUInt64(ulong value) => new(Montgomery<FrModulus>.ToMontgomery(new U256(value, 0, 0, 0)));

    /// <summary>Any integer, reduced modulo r (negative values included).</summary>
    public static Fr FromBigInteger(BigInteger value)
    {
        BigInteger v = BigInteger.Remainder(value, Modulus);
        if (v.Sign < 0) v += Modulus;
        return new(Montgomery<FrModulus>.ToMontgomery(LimbCodec.FromBigInteger(v)));
    }

    public BigInteger ToBigInteger() => LimbCodec.ToBigInteger(Montgomery<FrModulus>.FromMontgomery(Limbs));

    /// <summary>Parses 32 big-endian bytes; false when the value is not below r (never reduces).</summary>
    public static bool TryFromBigEndian(ReadOnlySpan<byte> bytes32, out Fr value)
    {
        if (bytes32.Length != 32) throw new ArgumentException("expected 32 bytes", nameof(bytes32));
        U256 raw = LimbCodec.FromBigEndian(bytes32);
        if (!Montgomery<FrModulus>.IsCanonical(raw)) { value = default; return false; }
        value = new(Montgomery<FrModulus>.ToMontgomery(raw));
        return true;
    }

    public static Fr FromBigEndian(ReadOnlySpan<byte> bytes32) =>
        TryFromBigEndian(bytes32, out Fr v) ? v : throw new FormatException("value is not below the field modulus r");

    public void WriteBigEndian(Span<byte> destination32) =>
        LimbCodec.WriteBigEndian(Montgomery<FrModulus>.FromMontgomery(Limbs), destination32);

    public byte[] ToBigEndian()
    {
        var b = new byte[32];
        WriteBigEndian(b);
        return b;
    }

    /// <summary>Canonical (non-Montgomery) value from little-endian limbs; false when not below r.</summary>
    public static bool TryFromLittleEndianLimbs(ReadOnlySpan<ulong> limbs, out Fr value)
    {
        U256 raw = LimbCodec.FromLimbs(limbs);
        if (!Montgomery<FrModulus>.IsCanonical(raw)) { value = default; return false; }
        value = new(Montgomery<FrModulus>.ToMontgomery(raw));
        return true;
    }

    /// <summary>Writes the canonical value as four little-endian limbs.</summary>
    public void ToLittleEndianLimbs(Span<ulong> destination) =>
        LimbCodec.WriteLimbs(Montgomery<FrModulus>.FromMontgomery(Limbs), destination);

    public static Fr Random(Random rng) =>
        new(LimbCodec.RandomBelow(rng, Montgomery<FrModulus>.Modulus, static v => Montgomery<FrModulus>.IsCanonical(v)));

    // ---- hot-path statics ----
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Add(in Fr a, in Fr b, out Fr r) => r = new(Montgomery<FrModulus>.Add(a.Limbs, b.Limbs));
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Subtract(in Fr a, in Fr b, out Fr r) => r = new(Montgomery<FrModulus>.Sub(a.Limbs, b.Limbs));
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Multiply(in Fr a, in Fr b, out Fr r) => r = new(Montgomery<FrModulus>.Mul(a.Limbs, b.Limbs));
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Square(in Fr a, out Fr r) => r = new(Montgomery<FrModulus>.Square(a.Limbs));
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Negate(in Fr a, out Fr r) => r = new(Montgomery<FrModulus>.Neg(a.Limbs));
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Double(in Fr a, out Fr r) => r = new(Montgomery<FrModulus>.Double(a.Limbs));

    // ---- operators ----
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Fr operator +(in Fr a, in Fr b) => new(Montgomery<FrModulus>.Add(a.Limbs, b.Limbs));
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Fr operator -(in Fr a, in Fr b) => new(Montgomery<FrModulus>.Sub(a.Limbs, b.Limbs));
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Fr operator *(in Fr a, in Fr b) => new(Montgomery<FrModulus>.Mul(a.Limbs, b.Limbs));
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Fr operator -(in Fr a) => new(Montgomery<FrModulus>.Neg(a.Limbs));
    public static bool operator ==(in Fr a, in Fr b) => a.Limbs.Equals(b.Limbs);
    public static bool operator !=(in Fr a, in Fr b) => !a.Limbs.Equals(b.Limbs);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Fr Square() => new(Montgomery<FrModulus>.Square(Limbs));
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Fr Double() => new(Montgomery<FrModulus>.Double(Limbs));

    /// <summary>Multiplicative inverse by binary extended GCD; zero maps to zero.</summary>
    public Fr Inverse() => new(Montgomery<FrModulus>.Inverse(Limbs));

    public Fr Pow(ReadOnlySpan<ulong> exponentLimbs) => new(Montgomery<FrModulus>.Pow(Limbs, exponentLimbs));
    public Fr Pow(BigInteger exponent) => Pow(LimbCodec.ExponentLimbs(exponent));
    public Fr Pow(ulong exponent) => Pow([exponent]);

    public bool Equals(Fr other) => Limbs.Equals(other.Limbs);
    public override bool Equals(object? obj) => obj is Fr f && Equals(f);
    public override int GetHashCode() => HashCode.Combine(Limbs.L0, Limbs.L1, Limbs.L2, Limbs.L3);
    public override string ToString() => LimbCodec.ToHex(Montgomery<FrModulus>.FromMontgomery(Limbs));
}
