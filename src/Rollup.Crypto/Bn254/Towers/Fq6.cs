using System.Runtime.CompilerServices;

namespace Rollup.Crypto.Bn254.Towers;

/// <summary>F_q6 = F_q2[v]/(v^3 - ξ), ξ = 9 + u; the element is C0 + C1·v + C2·v^2.</summary>
public readonly partial struct Fq6 : IEquatable<Fq6>
{
    public readonly Fq2 C0, C1, C2;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Fq6(in Fq2 c0, in Fq2 c1, in Fq2 c2) { C0 = c0; C1 = c1; C2 = c2; }

    public static Fq6 Zero => default;
    public static Fq6 One => new(Fq2.One, Fq2.Zero, Fq2.Zero);
    public bool IsZero => C0.IsZero && C1.IsZero && C2.IsZero;
    public bool IsOne => C0.IsOne && C1.IsZero && C2.IsZero;

    public static Fq6 Random(Random rng) => new(Fq2.Random(rng), Fq2.Random(rng), Fq2.Random(rng));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Fq6 operator +(in Fq6 a, in Fq6 b) => new(a.C0 + b.C0, a.C1 + b.C1, a.C2 + b.C2);
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Fq6 operator -(in Fq6 a, in Fq6 b) => new(a.C0 - b.C0, a.C1 - b.C1, a.C2 - b.C2);
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Fq6 operator -(in Fq6 a) => new(-a.C0, -a.C1, -a.C2);
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Fq6 operator *(in Fq6 a, in Fq6 b) { Multiply(a, b, out Fq6 r); return r; }
    public static bool operator ==(in Fq6 a, in Fq6 b) => a.C0 == b.C0 && a.C1 == b.C1 && a.C2 == b.C2;
    public static bool operator !=(in Fq6 a, in Fq6 b) => !(a == b);

    public Fq6 Double() => new(C0.Double(), C1.Double(), C2.Double());

    /// <summary>Karatsuba-style product with 6 F_q2 multiplications (Devegili–Ó hÉigeartaigh–Scott–Dahab).</summary>
    public static void Multiply(in Fq6 a, in Fq6 b, out Fq6 r)
    {
        Fq2 v0 = a.C0 * b.C0, v1 = a.C1 * b.C1, v2 = a.C2 * b.C2;
        Fq2 c0 = Fq2.XiTimesPlus(Fq2.SubSub((a.C1 + a.C2) * (b.C1 + b.C2), v1, v2), v0);
        Fq2 c1 = Fq2.SubSubPlusXiTimes((a.C0 + a.C1) * (b.C0 + b.C1), v0, v1, v2);
        Fq2 c2 = Fq2.SubSubAdd((a.C0 + a.C2) * (b.C0 + b.C2), v0, v2, v1);
        r = new(c0, c1, c2);
    }

    /// <summary>Chung–Hasan SQR2: 2 multiplications and 3 squarings in F_q2.</summary>
    public static void Square(in Fq6 a, out Fq6 r)
    {
        Fq2 s0 = a.C0.Square();
        Fq2 s1 = (a.C0 * a.C1).Double();
        Fq2 s2 = (a.C0 - a.C1 + a.C2).Square();
        Fq2 s3 = (a.C1 * a.C2).Double();
        Fq2 s4 = a.C2.Square();
        r = new(Fq2.XiTimesPlus(s3, s0), Fq2.XiTimesPlus(s4, s1), Fq2.SubSubAdd(s1 + s2, s0, s4, s3));
    }

    public Fq6 Square() { Square(this, out Fq6 r); return r; }

    /// <summary>x + v·t = (x0 + ξ t2, x1 + t0, x2 + t1), without forming v·t.</summary>
    internal static Fq6 PlusVTimes(in Fq6 x, in Fq6 t) => new(Fq2.XiTimesPlus(t.C2, x.C0), x.C1 + t.C0, x.C2 + t.C1);

    /// <summary>x - y - z, each coefficient with one reduction per component.</summary>
    internal static Fq6 SubSub(in Fq6 x, in Fq6 y, in Fq6 z) =>
        new(Fq2.SubSub(x.C0, y.C0, z.C0), Fq2.SubSub(x.C1, y.C1, z.C1), Fq2.SubSub(x.C2, y.C2, z.C2));

    /// <summary>Multiplication by v: (c0, c1, c2) → (ξ c2, c0, c1), since v^3 = ξ.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Fq6 MulByV() => new(C2.MulByXi(), C0, C1);

    /// <summary>Product with an F_q2 scalar (3 F_q2 multiplications).</summary>
    public Fq6 MulByFq2(in Fq2 s) => new(C0 * s, C1 * s, C2 * s);

    /// <summary>Product with the sparse b0 + b1·v (5 F_q2 multiplications); used by the Miller loop lines.</summary>
    public Fq6 MulBy01(in Fq2 b0, in Fq2 b1)
    {
        Fq2 t0 = C0 * b0, t1 = C1 * b1;
        Fq2 c0 = Fq2.XiTimesPlus(C2 * b1, t0);
        Fq2 c1 = Fq2.SubSub((C0 + C1) * (b0 + b1), t0, t1);
        Fq2 c2 = C2 * b0 + t1;
        return new(c0, c1, c2);
    }

    public Fq6 Inverse()
    {
        Fq2 t0 = C0.Square() - (C1 * C2).MulByXi();
        Fq2 t1 = C2.Square().MulByXi() - C0 * C1;
        Fq2 t2 = C1.Square() - C0 * C2;
        Fq2 inv = (C0 * t0 + (C2 * t1 + C1 * t2).MulByXi()).Inverse();
        return new(t0 * inv, t1 * inv, t2 * inv);
    }

    public bool Equals(Fq6 other) => this == other;
    public override bool Equals(object? obj) => obj is Fq6 f && Equals(f);
    public override int GetHashCode() => HashCode.Combine(C0, C1, C2);
    public override string ToString() => $"[{C0}, {C1}, {C2}]";
}
