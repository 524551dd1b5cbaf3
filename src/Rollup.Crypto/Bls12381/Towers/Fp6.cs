using System.Runtime.CompilerServices;

namespace Rollup.Crypto.Bls12381.Towers;

/// <summary>F_p6 = F_p2[v]/(v^3 - ξ), ξ = 1 + u; the element is C0 + C1·v + C2·v^2.</summary>
public readonly struct Fp6 : IEquatable<Fp6>
{
    public readonly Fp2 C0, C1, C2;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Fp6(in Fp2 c0, in Fp2 c1, in Fp2 c2) { C0 = c0; C1 = c1; C2 = c2; }

    public static Fp6 Zero => default;
    public static Fp6 One => new(Fp2.One, Fp2.Zero, Fp2.Zero);
    public bool IsZero => C0.IsZero && C1.IsZero && C2.IsZero;
    public bool IsOne => C0.IsOne && C1.IsZero && C2.IsZero;

    public static Fp6 Random(Random rng) => new(Fp2.Random(rng), Fp2.Random(rng), Fp2.Random(rng));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Fp6 operator +(in Fp6 a, in Fp6 b) => new(a.C0 + b.C0, a.C1 + b.C1, a.C2 + b.C2);
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Fp6 operator -(in Fp6 a, in Fp6 b) => new(a.C0 - b.C0, a.C1 - b.C1, a.C2 - b.C2);
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Fp6 operator -(in Fp6 a) => new(-a.C0, -a.C1, -a.C2);
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Fp6 operator *(in Fp6 a, in Fp6 b) { Multiply(a, b, out Fp6 r); return r; }
    public static bool operator ==(in Fp6 a, in Fp6 b) => a.C0 == b.C0 && a.C1 == b.C1 && a.C2 == b.C2;
    public static bool operator !=(in Fp6 a, in Fp6 b) => !(a == b);

    public Fp6 Double() => new(C0.Double(), C1.Double(), C2.Double());

    /// <summary>Karatsuba-style product with 6 F_p2 multiplications (Devegili–Ó hÉigeartaigh–Scott–Dahab).</summary>
    public static void Multiply(in Fp6 a, in Fp6 b, out Fp6 r)
    {
        Fp2 v0 = a.C0 * b.C0, v1 = a.C1 * b.C1, v2 = a.C2 * b.C2;
        Fp2 c0 = ((a.C1 + a.C2) * (b.C1 + b.C2) - v1 - v2).MulByXi() + v0;
        Fp2 c1 = (a.C0 + a.C1) * (b.C0 + b.C1) - v0 - v1 + v2.MulByXi();
        Fp2 c2 = (a.C0 + a.C2) * (b.C0 + b.C2) - v0 - v2 + v1;
        r = new(c0, c1, c2);
    }

    /// <summary>Chung–Hasan SQR2: 2 multiplications and 3 squarings in F_p2.</summary>
    public static void Square(in Fp6 a, out Fp6 r)
    {
        Fp2 s0 = a.C0.Square();
        Fp2 s1 = (a.C0 * a.C1).Double();
        Fp2 s2 = (a.C0 - a.C1 + a.C2).Square();
        Fp2 s3 = (a.C1 * a.C2).Double();
        Fp2 s4 = a.C2.Square();
        r = new(s3.MulByXi() + s0, s4.MulByXi() + s1, s1 + s2 + s3 - s0 - s4);
    }

    public Fp6 Square() { Square(this, out Fp6 r); return r; }

    /// <summary>Multiplication by v: (c0, c1, c2) → (ξ c2, c0, c1), since v^3 = ξ.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Fp6 MulByV() => new(C2.MulByXi(), C0, C1);

    /// <summary>Product with an F_p2 scalar (3 F_p2 multiplications).</summary>
    public Fp6 MulByFp2(in Fp2 s) => new(C0 * s, C1 * s, C2 * s);

    /// <summary>Product with the sparse b0 + b1·v (5 F_p2 multiplications); used by the Miller loop lines.</summary>
    public Fp6 MulBy01(in Fp2 b0, in Fp2 b1)
    {
        Fp2 t0 = C0 * b0, t1 = C1 * b1;
        Fp2 c0 = (C2 * b1).MulByXi() + t0;
        Fp2 c1 = (C0 + C1) * (b0 + b1) - t0 - t1;
        Fp2 c2 = C2 * b0 + t1;
        return new(c0, c1, c2);
    }

    /// <summary>Product with the sparse b1·v (3 F_p2 multiplications): (ξ c2 b1, c0 b1, c1 b1).</summary>
    public Fp6 MulBy1(in Fp2 b1) => new((C2 * b1).MulByXi(), C0 * b1, C1 * b1);

    public Fp6 Inverse()
    {
        Fp2 t0 = C0.Square() - (C1 * C2).MulByXi();
        Fp2 t1 = C2.Square().MulByXi() - C0 * C1;
        Fp2 t2 = C1.Square() - C0 * C2;
        Fp2 inv = (C0 * t0 + (C2 * t1 + C1 * t2).MulByXi()).Inverse();
        return new(t0 * inv, t1 * inv, t2 * inv);
    }

    public bool Equals(Fp6 other) => this == other;
    public override bool Equals(object? obj) => obj is Fp6 f && Equals(f);
    public override int GetHashCode() => HashCode.Combine(C0, C1, C2);
    public override string ToString() => $"[{C0}, {C1}, {C2}]";
}
