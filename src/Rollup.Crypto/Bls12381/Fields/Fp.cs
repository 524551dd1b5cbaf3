using System.Numerics;
using System.Runtime.CompilerServices;
using Rollup.Crypto.Bn254.Fields;

namespace Rollup.Crypto.Bls12381.Fields;

/// <summary>
/// Element of the BLS12-381 base field F_p,
/// p = 0x1a0111ea397fe69a4b1ba7b6434bacd764774b84f38512bf6730d2a0f6b0f6241eabfffeb153ffffb9feffffffffaaab,
/// stored in Montgomery form (six little-endian limbs, always fully reduced).
/// Operators are for readability; the static <c>Multiply(in, in, out)</c>-style methods are the hot path.
/// </summary>
public readonly partial struct Fp : IEquatable<Fp>, Bn254.Curves.ICurveField<Fp>
{
    public const int ByteLength = U384Codec.ByteLength;

    internal readonly U384 Limbs;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal Fp(in U384 montgomeryLimbs) { Limbs = montgomeryLimbs; }

    /// <summary>p as a BigInteger.</summary>
    // A property, not a field: static fields in other partial files derive from it, and C# gives no
    // initialisation order across partial files.
    public static BigInteger Modulus => U384Codec.ToBigInteger(Montgomery384.Modulus);

    public static Fp Zero => default;
    public static Fp One => new(Montgomery384.One);

    public bool IsZero => Limbs.IsZero;
    public bool IsOne => Limbs.Equals(Montgomery384.One);

    public static Fp FromUInt64(ulong value) => new(Montgomery384.ToMontgomery(new U384(value, 0, 0, 0, 0, 0)));

    /// <summary>Any integer, reduced modulo p (negative values included).</summary>
    public static Fp FromBigInteger(BigInteger value)
    {
        BigInteger v = BigInteger.Remainder(value, Modulus);
        if (v.Sign < 0) v += Modulus;
        return new(Montgomery384.ToMontgomery(U384Codec.FromBigInteger(v)));
    }

    /// <summary>A canonical value written in hexadecimal (optional 0x prefix), for constants.</summary>
    public static Fp FromHex(string hex)
    {
        string digits = hex.StartsWith("0x", StringComparison.OrdinalIgnoreCase) ? hex[2..] : hex;
        BigInteger v = BigInteger.Parse("0" + digits, System.Globalization.NumberStyles.HexNumber);
        if (v >= Modulus) throw new ArgumentOutOfRangeException(nameof(hex), "value is not below p");
        return FromBigInteger(v);
    }

    public BigInteger ToBigInteger() => U384Codec.ToBigInteger(Montgomery384.FromMontgomery(Limbs));

    /// <summary>Parses 48 big-endian bytes; false when the value is not below p (never reduces).</summary>
    public static bool TryFromBigEndian(ReadOnlySpan<byte> bytes48, out Fp value)
    {
        if (bytes48.Length != ByteLength) throw new ArgumentException("expected 48 bytes", nameof(bytes48));
        U384 raw = U384Codec.FromBigEndian(bytes48);
        if (!Montgomery384.IsCanonical(raw)) { value = default; return false; }
        value = new(Montgomery384.ToMontgomery(raw));
        return true;
    }

    public static Fp FromBigEndian(ReadOnlySpan<byte> bytes48) =>
        TryFromBigEndian(bytes48, out Fp v) ? v : throw new FormatException("value is not below the field modulus p");

    public void WriteBigEndian(Span<byte> destination48) =>
        U384Codec.WriteBigEndian(Montgomery384.FromMontgomery(Limbs), destination48);

    public byte[] ToBigEndian()
    {
        var b = new byte[ByteLength];
        WriteBigEndian(b);
        return b;
    }

    public static Fp Random(Random rng) => new(U384Codec.RandomBelowModulus(rng));

    // ---- hot-path statics ----
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Add(in Fp a, in Fp b, out Fp r) => r = new(Montgomery384.Add(a.Limbs, b.Limbs));
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Subtract(in Fp a, in Fp b, out Fp r) => r = new(Montgomery384.Sub(a.Limbs, b.Limbs));
    // Products are calls, not inlined: a six-limb Montgomery product is several hundred
    // instructions, and inlining many into one caller exhausts the JIT's inlining budget.
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static void Multiply(in Fp a, in Fp b, out Fp r) => r = new(Montgomery384.Mul(a.Limbs, b.Limbs));
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static void Square(in Fp a, out Fp r) => r = new(Montgomery384.Mul(a.Limbs, a.Limbs));
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Negate(in Fp a, out Fp r) => r = new(Montgomery384.Neg(a.Limbs));
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Double(in Fp a, out Fp r) => r = new(Montgomery384.Double(a.Limbs));

    // ---- operators ----
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Fp operator +(in Fp a, in Fp b) => new(Montgomery384.Add(a.Limbs, b.Limbs));
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Fp operator -(in Fp a, in Fp b) => new(Montgomery384.Sub(a.Limbs, b.Limbs));
    public static Fp operator *(in Fp a, in Fp b) { Multiply(a, b, out Fp r); return r; }
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Fp operator -(in Fp a) => new(Montgomery384.Neg(a.Limbs));
    public static bool operator ==(in Fp a, in Fp b) => a.Limbs.Equals(b.Limbs);
    public static bool operator !=(in Fp a, in Fp b) => !a.Limbs.Equals(b.Limbs);

    public Fp Square() { Square(this, out Fp r); return r; }
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Fp Double() => new(Montgomery384.Double(Limbs));

    public Fp Pow(ReadOnlySpan<ulong> exponentLimbs) => new(Montgomery384.Pow(Limbs, exponentLimbs));
    public Fp Pow(BigInteger exponent) => Pow(LimbCodec.ExponentLimbs(exponent));

    // Fermat: a^(p-2) = a^-1. About 570 products; the pairing inverts once per call, curve code
    // once per affine conversion, so a faster (binary GCD) inverse would not show.
    private static readonly ulong[] InverseExponent = LimbCodec.ExponentLimbs(Modulus - 2);

    /// <summary>Multiplicative inverse; zero maps to zero.</summary>
    public Fp Inverse() => Pow(InverseExponent);

    /// <summary>
    /// Inverts every non-zero element in place with one field inversion (Montgomery's trick);
    /// zeros stay zero.
    /// </summary>
    public static void BatchInverse(Span<Fp> values)
    {
        if (values.Length == 0) return;
        var prefix = new Fp[values.Length];
        Fp acc = One;
        for (int i = 0; i < values.Length; i++)
        {
            prefix[i] = acc;
            if (!values[i].IsZero) Multiply(acc, values[i], out acc);
        }
        Fp inv = acc.Inverse();
        for (int i = values.Length - 1; i >= 0; i--)
        {
            if (values[i].IsZero) continue;
            Multiply(inv, prefix[i], out Fp vi);
            Multiply(inv, values[i], out inv);
            values[i] = vi;
        }
    }

    public bool Equals(Fp other) => Limbs.Equals(other.Limbs);
    public override bool Equals(object? obj) => obj is Fp f && Equals(f);
    public override int GetHashCode() => HashCode.Combine(Limbs.L0, Limbs.L1, Limbs.L2, Limbs.L3, Limbs.L4, Limbs.L5);
    public override string ToString() => U384Codec.ToHex(Montgomery384.FromMontgomery(Limbs));
}
