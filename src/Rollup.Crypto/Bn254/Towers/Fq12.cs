using System.Numerics;
using System.Runtime.CompilerServices;

namespace Rollup.Crypto.Bn254.Towers;

/// <summary>
/// F_q12 = F_q6[w]/(w^2 - v); the element is C0 + C1·w. Pairing values live here.
/// In powers of w (w^6 = ξ) the six F_q2 coefficients are
/// C0.C0·1, C1.C0·w, C0.C1·w^2, C1.C1·w^3, C0.C2·w^4, C1.C2·w^5.
/// </summary>
public readonly partial struct Fq12 : IEquatable<Fq12>
{
    public readonly Fq6 C0, C1;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Fq12(in Fq6 c0, in Fq6 c1) { C0 = c0; C1 = c1; }

    public static Fq12 Zero => default;
    public static Fq12 One => new(Fq6.One, Fq6.Zero);
    public bool IsZero => C0.IsZero && C1.IsZero;
    public bool IsOne => C0.IsOne && C1.IsZero;

    public static Fq12 Random(Random rng) => new(Fq6.Random(rng), Fq6.Random(rng));

    public static Fq12 operator +(in Fq12 a, in Fq12 b) => new(a.C0 + b.C0, a.C1 + b.C1);
    public static Fq12 operator -(in Fq12 a, in Fq12 b) => new(a.C0 - b.C0, a.C1 - b.C1);
    public static Fq12 operator -(in Fq12 a) => new(-a.C0, -a.C1);
    public static Fq12 operator *(in Fq12 a, in Fq12 b) { Multiply(a, b, out Fq12 r); return r; }
    public static bool operator ==(in Fq12 a, in Fq12 b) => a.C0 == b.C0 && a.C1 == b.C1;
    public static bool operator !=(in Fq12 a, in Fq12 b) => !(a == b);

    /// <summary>Karatsuba over F_q6: 3 F_q6 multiplications (18 F_q2, 54 F_q products).</summary>
    public static void Multiply(in Fq12 a, in Fq12 b, out Fq12 r)
    {
        if (Fq2Batch.IsVectorized) MultiplyBatched(a, b, out r);
        else MultiplyScalar(a, b, out r);
    }

    /// <summary><see cref="Multiply"/> one F_q2 product at a time (no AVX-512; the tests' reference).</summary>
    internal static void MultiplyScalar(in Fq12 a, in Fq12 b, out Fq12 r)
    {
        Fq6 t0 = a.C0 * b.C0, t1 = a.C1 * b.C1;
        Fq6 c1 = Fq6.SubSub((a.C0 + a.C1) * (b.C0 + b.C1), t0, t1);
        r = new(Fq6.PlusVTimes(t0, t1), c1);
    }

    /// <summary>Complex squaring: 2 F_q6 multiplications (12 F_q2 products).</summary>
    public static void Square(in Fq12 a, out Fq12 r)
    {
        if (Fq2Batch.IsVectorized) SquareBatched(a, out r);
        else SquareScalar(a, out r);
    }

    /// <summary><see cref="Square"/> one F_q2 product at a time (no AVX-512; the tests' reference).</summary>
    internal static void SquareScalar(in Fq12 a, out Fq12 r)
    {
        Fq6 t = a.C0 * a.C1;
        Fq6 p = (a.C0 + a.C1) * Fq6.PlusVTimes(a.C0, a.C1);
        // p - t - v·t = (p0 - t0 - ξ t2, p1 - t1 - t0, p2 - t2 - t1)
        var c0 = new Fq6(Fq2.SubMinusXiTimes(p.C0, t.C0, t.C2), Fq2.SubSub(p.C1, t.C1, t.C0), Fq2.SubSub(p.C2, t.C2, t.C1));
        r = new(c0, t.Double());
    }

    public Fq12 Square() { Square(this, out Fq12 r); return r; }

    /// <summary>
    /// Product with a Miller-loop line value l = a + b·w + c·w^3, i.e. C0 = (a, 0, 0), C1 = (b, c, 0)
    /// (13 F_q2 multiplications instead of 18 for a full product).
    /// </summary>
    public static void MultiplyByLine(in Fq12 f, in Fq2 a, in Fq2 b, in Fq2 c, out Fq12 r)
    {
        if (Fq2Batch.IsVectorized) MultiplyByLineBatched(f, a, b, c, out r);
        else MultiplyByLineScalar(f, a, b, c, out r);
    }

    /// <summary><see cref="MultiplyByLine"/> one F_q2 product at a time (no AVX-512; the tests' reference).</summary>
    internal static void MultiplyByLineScalar(in Fq12 f, in Fq2 a, in Fq2 b, in Fq2 c, out Fq12 r)
    {
        Fq6 t0 = f.C0.MulByFq2(a);
        Fq6 t1 = f.C1.MulBy01(b, c);
        Fq6 s = (f.C0 + f.C1).MulBy01(a + b, c);
        r = new(Fq6.PlusVTimes(t0, t1), Fq6.SubSub(s, t0, t1));
    }

    /// <summary>
    /// Product with a line divided by its constant coefficient, l = 1 + b·w + c·w^3 = 1 + L·w with
    /// L = b + c·v: f·l = (f0 + v·f1·L) + (f1 + f0·L)·w, two sparse F_q6 products (10 F_q2 products).
    /// </summary>
    public static void MultiplyByNormalizedLine(in Fq12 f, in Fq2 b, in Fq2 c, out Fq12 r)
    {
        if (Fq2Batch.IsVectorized) MultiplyByNormalizedLineBatched(f, b, c, out r);
        else MultiplyByNormalizedLineScalar(f, b, c, out r);
    }

    /// <summary><see cref="MultiplyByNormalizedLine"/> one F_q2 product at a time (no AVX-512; the tests' reference).</summary>
    internal static void MultiplyByNormalizedLineScalar(in Fq12 f, in Fq2 b, in Fq2 c, out Fq12 r)
    {
        Fq6 t0 = f.C0.MulBy01(b, c);
        Fq6 t1 = f.C1.MulBy01(b, c);
        r = new(Fq6.PlusVTimes(f.C0, t1), f.C1 + t0);
    }

    /// <summary>C0 - C1·w = f^(q^6); equals the inverse for elements of the cyclotomic subgroup.</summary>
    public Fq12 Conjugate() => new(C0, -C1);

    /// <summary>1/(c0 + c1 w) = (c0 - c1 w)/(c0^2 - v c1^2).</summary>
    public Fq12 Inverse()
    {
        Fq6 inv = (C0.Square() - C1.Square().MulByV()).Inverse();
        return new(C0 * inv, -(C1 * inv));
    }

    /// <summary>Generic square-and-multiply; the pairing uses dedicated chains instead.</summary>
    public Fq12 Pow(BigInteger exponent)
    {
        if (exponent.Sign < 0) return Inverse().Pow(-exponent);
        Fq12 result = One;
        for (long i = (long)exponent.GetBitLength() - 1; i >= 0; i--)
        {
            result = result.Square();
            if (!(exponent >> (int)i).IsEven) result *= this;
        }
        return result;
    }

    public bool Equals(Fq12 other) => this == other;
    public override bool Equals(object? obj) => obj is Fq12 f && Equals(f);
    public override int GetHashCode() => HashCode.Combine(C0, C1);
    public override string ToString() => $"{{{C0}, {C1}}}";
}
