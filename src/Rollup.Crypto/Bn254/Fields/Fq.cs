using System.Numerics;
using System.Runtime.CompilerServices;

namespace Rollup.Crypto.Bn254.Fields;

/// <summary>
/// Element of the BN254 base field F_q, q = 21888242871839275222246405745257275088696311157297823662689037894645226208583,
/// stored in Montgomery form (four little-endian limbs, always fully reduced).
/// Operators are for readability; the static <c>Multiply(in, in, out)</c>-style methods are the hot path.
/// </summary>
public readonly partial struct Fq : IEquatable<Fq>, Curves.ICurveField<Fq>
{
    internal readonly U256 Limbs;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal Fq(in U256 montgomeryLimbs) { Limbs = montgomeryLimbs; }

    /// <summary>q as a BigInteger.</summary>
    // A property, not a field: static fields in other partial files derive from it, and C# gives no
    // initialisation order across partial files.
    public static BigInteger Modulus => LimbCodec.ToBigInteger(Montgomery<FqModulus>.Modulus);

    public static Fq Zero => default;
    public static Fq One => new(Montgomery<FqModulus>.One);

    public bool IsZero => Limbs.IsZero;
    public bool IsOne => Limbs.Equals(Montgomery<FqModulus>.One);

    public static Fq FromUInt64(ulong value) => new(Montgomery<FqModulus>.ToMontgomery(new U256(value, 0, 0, 0)));

    /// <summary>Any integer, reduced modulo q (negative values included).</summary>
    public static Fq FromBigInteger(BigInteger value)
    {
        BigInteger v = BigInteger.Remainder(value, Modulus);
        if (v.Sign < 0) v += Modulus;
        return new(Montgomery<FqModulus>.ToMontgomery(LimbCodec.FromBigInteger(v)));
    }

    public BigInteger ToBigInteger() => LimbCodec.ToBigInteger(Montgomery<FqModulus>.FromMontgomery(Limbs));

    /// <summary>Parses 32 big-endian bytes; false when the value is not below q (never reduces).</summary>
    public static bool TryFromBigEndian(ReadOnlySpan<byte> bytes32, out Fq value)
    {
        if (bytes32.Length != 32) throw new ArgumentException("expected 32 bytes", nameof(bytes32));
        U256 raw = LimbCodec.FromBigEndian(bytes32);
        if (!Montgomery<FqModulus>.IsCanonical(raw)) { value = default; return false; }
        value = new(Montgomery<FqModulus>.ToMontgomery(raw));
        return true;
    }

    public static Fq FromBigEndian(ReadOnlySpan<byte> bytes32) =>
        TryFromBigEndian(bytes32, out Fq v) ? v : throw new FormatException("value is not below the field modulus q");

    public void WriteBigEndian(Span<byte> destination32) =>
        LimbCodec.WriteBigEndian(Montgomery<FqModulus>.FromMontgomery(Limbs), destination32);

    public byte[] ToBigEndian()
    {
        var b = new byte[32];
        WriteBigEndian(b);
        return b;
    }

    /// <summary>Canonical (non-Montgomery) value from little-endian limbs; false when not below q.</summary>
    public static bool TryFromLittleEndianLimbs(ReadOnlySpan<ulong> limbs, out Fq value)
    {
        U256 raw = LimbCodec.FromLimbs(limbs);
        if (!Montgomery<FqModulus>.IsCanonical(raw)) { value = default; return false; }
        value = new(Montgomery<FqModulus>.ToMontgomery(raw));
        return true;
    }

    /// <summary>Writes the canonical value as four little-endian limbs.</summary>
    public void ToLittleEndianLimbs(Span<ulong> destination) =>
        LimbCodec.WriteLimbs(Montgomery<FqModulus>.FromMontgomery(Limbs), destination);

    public static Fq Random(Random rng) =>
        new(LimbCodec.RandomBelow(rng, Montgomery<FqModulus>.Modulus, static v => Montgomery<FqModulus>.IsCanonical(v)));

    // ---- hot-path statics ----
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Add(in Fq a, in Fq b, out Fq r) => r = new(Montgomery<FqModulus>.Add(a.Limbs, b.Limbs));
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Subtract(in Fq a, in Fq b, out Fq r) => r = new(Montgomery<FqModulus>.Sub(a.Limbs, b.Limbs));
    // Products are calls, not inlined: a Montgomery product is ~400 instructions, and inlining many
    // of them into one caller exhausts the JIT's inlining budget, after which even one-line helpers
    // become calls. Fq2 inlines the limb-level product itself where the parallelism pays.
    // Out of line, the carry-select spelling keeps its cmovs (Montgomery.CarrySelect.cs): same result, fewer uops.
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static void Multiply(in Fq a, in Fq b, out Fq r) => r = new(Montgomery<FqModulus>.MulCarrySelect(a.Limbs, b.Limbs));
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static void Square(in Fq a, out Fq r) => r = new(Montgomery<FqModulus>.Square(a.Limbs));
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Negate(in Fq a, out Fq r) => r = new(Montgomery<FqModulus>.Neg(a.Limbs));
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Double(in Fq a, out Fq r) => r = new(Montgomery<FqModulus>.Double(a.Limbs));

    // ---- operators ----
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Fq operator +(in Fq a, in Fq b) => new(Montgomery<FqModulus>.Add(a.Limbs, b.Limbs));
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Fq operator -(in Fq a, in Fq b) => new(Montgomery<FqModulus>.Sub(a.Limbs, b.Limbs));
    // The wrappers inline so that `a * b` costs one call (to Multiply), not two.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Fq operator *(in Fq a, in Fq b) { Multiply(a, b, out Fq r); return r; }
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Fq operator -(in Fq a) => new(Montgomery<FqModulus>.Neg(a.Limbs));
    public static bool operator ==(in Fq a, in Fq b) => a.Limbs.Equals(b.Limbs);
    public static bool operator !=(in Fq a, in Fq b) => !a.Limbs.Equals(b.Limbs);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Fq Square() { Square(this, out Fq r); return r; }
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Fq Double() => new(Montgomery<FqModulus>.Double(Limbs));

    /// <summary>Multiplicative inverse by binary extended GCD; zero maps to zero.</summary>
    public Fq Inverse() => new(Montgomery<FqModulus>.Inverse(Limbs));

    public Fq Pow(ReadOnlySpan<ulong> exponentLimbs) => new(Montgomery<FqModulus>.Pow(Limbs, exponentLimbs));
    public Fq Pow(BigInteger exponent) => Pow(LimbCodec.ExponentLimbs(exponent));
    public Fq Pow(ulong exponent) => Pow([exponent]);

    /// <summary>
    /// Inverts every non-zero element in place with one field inversion (Montgomery's trick);
    /// zeros stay zero.
    /// </summary>
    public static void BatchInverse(Span<Fq> values)
    {
        if (values.Length == 0) return;
        Fq[]? rented = values.Length > 256 ? new Fq[values.Length] : null;
        Span<Fq> prefix = rented ?? stackalloc Fq[values.Length];
        Fq acc = One;
        for (int i = 0; i < values.Length; i++)
        {
            prefix[i] = acc;
            if (!values[i].IsZero) Multiply(acc, values[i], out acc);
        }
        Fq inv = acc.Inverse();
        for (int i = values.Length - 1; i >= 0; i--)
        {
            if (values[i].IsZero) continue;
            Multiply(inv, prefix[i], out Fq vi);
            Multiply(inv, values[i], out inv);
            values[i] = vi;
        }
    }

    public bool Equals(Fq other) => Limbs.Equals(other.Limbs);
    public override bool Equals(object? obj) => obj is Fq f && Equals(f);
    public override int GetHashCode() => HashCode.Combine(Limbs.L0, Limbs.L1, Limbs.L2, Limbs.L3);
    public override string ToString() => LimbCodec.ToHex(Montgomery<FqModulus>.FromMontgomery(Limbs));
}
