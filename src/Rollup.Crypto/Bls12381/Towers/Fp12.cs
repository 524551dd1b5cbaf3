using System.Numerics;
using System.Runtime.CompilerServices;

namespace Rollup.Crypto.Bls12381.Towers;

/// <summary>
/// F_p12 = F_p6[w]/(w^2 - v); the element is C0 + C1·w. Pairing values live here.
/// In powers of w (w^6 = ξ) the six F_p2 coefficients are
/// C0.C0·1, C1.C0·w, C0.C1·w^2, C1.C1·w^3, C0.C2·w^4, C1.C2·w^5.
/// </summary>
public readonly partial struct Fp12 : IEquatable<Fp12>
{
    public readonly Fp6 C0, C1;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Fp12(in Fp6 c0, in Fp6 c1) { C0 = c0; C1 = c1; }

    public static Fp12 Zero => default;
    public static Fp12 One => new(Fp6.One, Fp6.Zero);
    public bool IsZero => C0.IsZero && C1.IsZero;
    public bool IsOne => C0.IsOne && C1.IsZero;

    public static Fp12 Random(Random rng) => new(Fp6.Random(rng), Fp6.Random(rng));

    public static Fp12 operator +(in Fp12 a, in Fp12 b) => new(a.C0 + b.C0, a.C1 + b.C1);
    public static Fp12 operator -(in Fp12 a, in Fp12 b) => new(a.C0 - b.C0, a.C1 - b.C1);
    public static Fp12 operator -(in Fp12 a) => new(-a.C0, -a.C1);
    public static Fp12 operator *(in Fp12 a, in Fp12 b) { Multiply(a, b, out Fp12 r); return r; }
    public static bool operator ==(in Fp12 a, in Fp12 b) => a.C0 == b.C0 && a.C1 == b.C1;
    public static bool operator !=(in Fp12 a, in Fp12 b) => !(a == b);

    /// <summary>Karatsuba over F_p6: 3 F_p6 multiplications.</summary>
    public static void Multiply(in Fp12 a, in Fp12 b, out Fp12 r)
    {
        Fp6 t0 = a.C0 * b.C0, t1 = a.C1 * b.C1;
        Fp6 c1 = (a.C0 + a.C1) * (b.C0 + b.C1) - t0 - t1;
        r = new(t0 + t1.MulByV(), c1);
    }

    /// <summary>Complex squaring: 2 F_p6 multiplications.</summary>
    public static void Square(in Fp12 a, out Fp12 r)
    {
        Fp6 t = a.C0 * a.C1;
        Fp6 c0 = (a.C0 + a.C1) * (a.C0 + a.C1.MulByV()) - t - t.MulByV();
        r = new(c0, t.Double());
    }

    public Fp12 Square() { Square(this, out Fp12 r); return r; }

    /// <summary>
    /// Product with a Miller-loop line value of the M-type twist, l = a + b·v + c·v·w, i.e.
    /// C0 = (a, b, 0), C1 = (0, c, 0): Karatsuba over F_p6 with sparse factors
    /// (13 F_p2 multiplications instead of 18 for a full product).
    /// </summary>
    public static void MultiplyByLine(in Fp12 f, in Fp2 a, in Fp2 b, in Fp2 c, out Fp12 r)
    {
        Fp6 t0 = f.C0.MulBy01(a, b);
        Fp6 t1 = f.C1.MulBy1(c);
        Fp6 s = (f.C0 + f.C1).MulBy01(a, b + c);
        r = new(t0 + t1.MulByV(), s - t0 - t1);
    }

    /// <summary>C0 - C1·w = f^(p^6); equals the inverse for elements of the cyclotomic subgroup.</summary>
    public Fp12 Conjugate() => new(C0, -C1);

    /// <summary>1/(c0 + c1 w) = (c0 - c1 w)/(c0^2 - v c1^2).</summary>
    public Fp12 Inverse()
    {
        Fp6 inv = (C0.Square() - C1.Square().MulByV()).Inverse();
        return new(C0 * inv, -(C1 * inv));
    }

    /// <summary>Generic square-and-multiply; the pairing uses dedicated chains instead.</summary>
    public Fp12 Pow(BigInteger exponent)
    {
        if (exponent.Sign < 0) return Inverse().Pow(-exponent);
        Fp12 result = One;
        for (long i = (long)exponent.GetBitLength() - 1; i >= 0; i--)
        {
            result = result.Square();
            if (!(exponent >> (int)i).IsEven) result *= this;
        }
        return result;
    }

    public bool Equals(Fp12 other) => this == other;
    public override bool Equals(object? obj) => obj is Fp12 f && Equals(f);
    public override int GetHashCode() => HashCode.Combine(C0, C1);
    public override string ToString() => $"{{{C0}, {C1}}}";
}
