using System.Numerics;
using System.Runtime.CompilerServices;
using Rollup.Crypto.Bls12381.Fields;

namespace Rollup.Crypto.Bls12381.Towers;

/// <summary>
/// F_p2 = F_p[u]/(u^2 + 1); the element is A0 + A1·u. -1 is a non-residue in F_p because p ≡ 3 mod 4.
/// The twist curve G2 lives over this field.
/// </summary>
public readonly partial struct Fp2 : IEquatable<Fp2>, Bn254.Curves.ICurveField<Fp2>
{
    public readonly Fp A0, A1;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Fp2(in Fp a0, in Fp a1) { A0 = a0; A1 = a1; }

    public static Fp2 Zero => default;
    public static Fp2 One => new(Fp.One, Fp.Zero);

    /// <summary>ξ = 1 + u, the non-residue defining F_p6 (v^3 = ξ) and the sextic twist.</summary>
    public static Fp2 Xi => new(Fp.One, Fp.One);

    public bool IsZero => A0.IsZero && A1.IsZero;
    public bool IsOne => A0.IsOne && A1.IsZero;

    public static Fp2 Random(Random rng) => new(Fp.Random(rng), Fp.Random(rng));

    // The F_p2 operations are deliberately not inlined into their callers: F_p6/F_p12 formulas use
    // dozens of them, and inlining them all exhausts the JIT's inlining budget (after which it emits
    // calls for trivial helpers and copies structs around). Inside each method everything inlines.
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static void Add(in Fp2 a, in Fp2 b, out Fp2 r) => r = new(a.A0 + b.A0, a.A1 + b.A1);
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static void Subtract(in Fp2 a, in Fp2 b, out Fp2 r) => r = new(a.A0 - b.A0, a.A1 - b.A1);
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static void Double(in Fp2 a, out Fp2 r) => r = new(a.A0.Double(), a.A1.Double());
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static void Negate(in Fp2 a, out Fp2 r) => r = new(-a.A0, -a.A1);

    /// <summary>Karatsuba: 3 base multiplications instead of 4.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)] // keeps the 2-3 inlined Montgomery products together, callers small
    public static void Multiply(in Fp2 a, in Fp2 b, out Fp2 r)
    {
        var v0 = new Fp(Montgomery384.Mul(a.A0.Limbs, b.A0.Limbs));
        var v1 = new Fp(Montgomery384.Mul(a.A1.Limbs, b.A1.Limbs));
        var s = new Fp(Montgomery384.Mul((a.A0 + a.A1).Limbs, (b.A0 + b.A1).Limbs));
        r = new(v0 - v1, s - v0 - v1);
    }

    /// <summary>(a0 + a1 u)^2 = (a0 + a1)(a0 - a1) + 2 a0 a1 u: 2 base multiplications.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)] // keeps the 2-3 inlined Montgomery products together, callers small
    public static void Square(in Fp2 a, out Fp2 r)
    {
        var c0 = new Fp(Montgomery384.Mul((a.A0 + a.A1).Limbs, (a.A0 - a.A1).Limbs));
        var t = new Fp(Montgomery384.Mul(a.A0.Limbs, a.A1.Limbs));
        r = new(c0, t.Double());
    }

    /// <summary>Multiplication by an element of the base field.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)] // keeps the 2-3 inlined Montgomery products together, callers small
    public static void MultiplyByFp(in Fp2 a, in Fp b, out Fp2 r) =>
        r = new(new Fp(Montgomery384.Mul(a.A0.Limbs, b.Limbs)), new Fp(Montgomery384.Mul(a.A1.Limbs, b.Limbs)));

    /// <summary>(a0 + a1 u)(1 + u) = (a0 - a1) + (a0 + a1) u: no products at all.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static void MultiplyByXi(in Fp2 a, out Fp2 r) => r = new(a.A0 - a.A1, a.A0 + a.A1);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Fp2 operator +(in Fp2 a, in Fp2 b) { Add(a, b, out Fp2 r); return r; }
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Fp2 operator -(in Fp2 a, in Fp2 b) { Subtract(a, b, out Fp2 r); return r; }
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Fp2 operator -(in Fp2 a) { Negate(a, out Fp2 r); return r; }
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Fp2 operator *(in Fp2 a, in Fp2 b) { Multiply(a, b, out Fp2 r); return r; }
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Fp2 operator *(in Fp2 a, in Fp b) { MultiplyByFp(a, b, out Fp2 r); return r; }
    public static bool operator ==(in Fp2 a, in Fp2 b) => a.A0 == b.A0 && a.A1 == b.A1;
    public static bool operator !=(in Fp2 a, in Fp2 b) => !(a == b);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Fp2 Square() { Square(this, out Fp2 r); return r; }
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Fp2 Double() { Double(this, out Fp2 r); return r; }
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Fp2 MulByXi() { MultiplyByXi(this, out Fp2 r); return r; }

    /// <summary>a0 - a1 u: the p-power Frobenius of F_p2.</summary>
    public Fp2 Conjugate() => new(A0, -A1);

    /// <summary>1/(a0 + a1 u) = (a0 - a1 u)/(a0^2 + a1^2); zero maps to zero.</summary>
    public Fp2 Inverse()
    {
        Fp inv = (A0.Square() + A1.Square()).Inverse();
        return new(A0 * inv, -(A1 * inv));
    }

    public Fp2 Pow(BigInteger exponent)
    {
        Fp2 result = One, bas = this;
        for (long i = (long)exponent.GetBitLength() - 1; i >= 0; i--)
        {
            result = result.Square();
            if (!(exponent >> (int)i).IsEven) result *= bas;
        }
        return result;
    }

    /// <summary>Inverts every non-zero element in place with one inversion (Montgomery's trick).</summary>
    public static void BatchInverse(Span<Fp2> values)
    {
        if (values.Length == 0) return;
        var prefix = new Fp2[values.Length];
        Fp2 acc = One;
        for (int i = 0; i < values.Length; i++)
        {
            prefix[i] = acc;
            if (!values[i].IsZero) acc *= values[i];
        }
        Fp2 inv = acc.Inverse();
        for (int i = values.Length - 1; i >= 0; i--)
        {
            if (values[i].IsZero) continue;
            Fp2 vi = inv * prefix[i];
            inv *= values[i];
            values[i] = vi;
        }
    }

    public bool Equals(Fp2 other) => this == other;
    public override bool Equals(object? obj) => obj is Fp2 f && Equals(f);
    public override int GetHashCode() => HashCode.Combine(A0, A1);
    public override string ToString() => $"({A0} + {A1}·u)";
}
