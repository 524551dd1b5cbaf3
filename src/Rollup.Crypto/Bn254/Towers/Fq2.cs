using System.Numerics;
using System.Runtime.CompilerServices;
using Rollup.Crypto.Bn254.Fields;

namespace Rollup.Crypto.Bn254.Towers;

/// <summary>
/// F_q2 = F_q[u]/(u^2 + 1); the element is A0 + A1·u. -1 is a non-residue in F_q because q ≡ 3 mod 4.
/// The twist curve G2 lives over this field.
/// </summary>
public readonly struct Fq2 : IEquatable<Fq2>, Curves.ICurveField<Fq2>
{
    public readonly Fq A0, A1;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Fq2(in Fq a0, in Fq a1) { A0 = a0; A1 = a1; }

    public static Fq2 Zero => default;
    public static Fq2 One => new(Fq.One, Fq.Zero);

    /// <summary>ξ = 9 + u, the non-residue defining F_q6 (v^3 = ξ) and the sextic twist.</summary>
    public static Fq2 Xi => new(Fq.FromUInt64(9), Fq.One);

    public bool IsZero => A0.IsZero && A1.IsZero;
    public bool IsOne => A0.IsOne && A1.IsZero;

    public static Fq2 Random(Random rng) => new(Fq.Random(rng), Fq.Random(rng));

    // Add, Subtract, Double and Negate inline (their limb code has no nested helper calls, so dozens
    // fit in the JIT's inlining budget); MulByXi stays a call: once the budget is exhausted the JIT
    // emits calls even for one-line helpers and copies structs around.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Add(in Fq2 a, in Fq2 b, out Fq2 r) => r = new(a.A0 + b.A0, a.A1 + b.A1);
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Subtract(in Fq2 a, in Fq2 b, out Fq2 r) => r = new(a.A0 - b.A0, a.A1 - b.A1);
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Double(in Fq2 a, out Fq2 r) => r = new(a.A0.Double(), a.A1.Double());
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Negate(in Fq2 a, out Fq2 r) => r = new(-a.A0, -a.A1);

    /// <summary>Karatsuba with lazy reduction: 3 wide products and 2 Montgomery reductions.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)] // keeps the 2-3 inlined Montgomery products together, callers small
    public static void Multiply(in Fq2 a, in Fq2 b, out Fq2 r)
    {
        Montgomery<FqModulus>.ComplexMul(a.A0.Limbs, a.A1.Limbs, b.A0.Limbs, b.A1.Limbs, out U256 c0, out U256 c1);
        r = new(new Fq(c0), new Fq(c1));
    }

    /// <summary>(a0 + a1 u)^2 = (a0 + a1)(a0 - a1) + 2 a0 a1 u: 2 wide products, 2 reductions.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)] // keeps the 2-3 inlined Montgomery products together, callers small
    public static void Square(in Fq2 a, out Fq2 r)
    {
        Montgomery<FqModulus>.ComplexSquare(a.A0.Limbs, a.A1.Limbs, out U256 c0, out U256 c1);
        r = new(new Fq(c0), new Fq(c1));
    }

    /// <summary>Multiplication by an element of the base field.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)] // keeps the 2-3 inlined Montgomery products together, callers small
    public static void MultiplyByFq(in Fq2 a, in Fq b, out Fq2 r) =>
        r = new(new Fq(Montgomery<FqModulus>.Mul(a.A0.Limbs, b.Limbs)), new Fq(Montgomery<FqModulus>.Mul(a.A1.Limbs, b.Limbs)));

    /// <summary>(a0 + a1 u)(9 + u) = (9a0 - a1) + (a0 + 9a1) u, each component with one reduction.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static void MultiplyByXi(in Fq2 a, out Fq2 r) =>
        r = new(new Fq(Montgomery<FqModulus>.NineTimesMinus(a.A0.Limbs, a.A1.Limbs)),
                new Fq(Montgomery<FqModulus>.NineTimesPlus(a.A1.Limbs, a.A0.Limbs)));

    // Fused combinations for the F_q6/F_q12 formulas: each component is formed in five limbs and
    // reduced once (Montgomery.Small.cs), instead of one carry chain and correction per operation.
    // Calls, not inlined: each is a few hundred instructions, and inlining them into the F_q6
    // formulas would exhaust the JIT's inlining budget there.
    private static Fq F(in U256 limbs) => new(limbs);

    /// <summary>ξ·d + w.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    internal static Fq2 XiTimesPlus(in Fq2 d, in Fq2 w) =>
        new(F(Montgomery<FqModulus>.NineMinusPlus(d.A0.Limbs, d.A1.Limbs, w.A0.Limbs)),
            F(Montgomery<FqModulus>.NinePlusPlus(d.A1.Limbs, d.A0.Limbs, w.A1.Limbs)));

    /// <summary>x - y - z.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    internal static Fq2 SubSub(in Fq2 x, in Fq2 y, in Fq2 z) =>
        new(F(Montgomery<FqModulus>.SubSub(x.A0.Limbs, y.A0.Limbs, z.A0.Limbs)),
            F(Montgomery<FqModulus>.SubSub(x.A1.Limbs, y.A1.Limbs, z.A1.Limbs)));

    /// <summary>x - y - z + w.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    internal static Fq2 SubSubAdd(in Fq2 x, in Fq2 y, in Fq2 z, in Fq2 w) =>
        new(F(Montgomery<FqModulus>.SubSubAdd(x.A0.Limbs, y.A0.Limbs, z.A0.Limbs, w.A0.Limbs)),
            F(Montgomery<FqModulus>.SubSubAdd(x.A1.Limbs, y.A1.Limbs, z.A1.Limbs, w.A1.Limbs)));

    /// <summary>x - y - z + ξ·w.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    internal static Fq2 SubSubPlusXiTimes(in Fq2 x, in Fq2 y, in Fq2 z, in Fq2 w) =>
        new(F(Montgomery<FqModulus>.SubSubNineMinus(x.A0.Limbs, y.A0.Limbs, z.A0.Limbs, w.A0.Limbs, w.A1.Limbs)),
            F(Montgomery<FqModulus>.SubSubNinePlus(x.A1.Limbs, y.A1.Limbs, z.A1.Limbs, w.A1.Limbs, w.A0.Limbs)));

    /// <summary>x - y - ξ·z.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    internal static Fq2 SubMinusXiTimes(in Fq2 x, in Fq2 y, in Fq2 z) =>
        new(F(Montgomery<FqModulus>.SubNineMinusPlus(x.A0.Limbs, y.A0.Limbs, z.A0.Limbs, z.A1.Limbs)),
            F(Montgomery<FqModulus>.SubNineMinusMinus(x.A1.Limbs, y.A1.Limbs, z.A1.Limbs, z.A0.Limbs)));

    /// <summary>ξ(x − y − z) + w, one reduction per component (the F_q6 product's first coefficient).</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    internal static Fq2 XiTimesDifferencePlus(in Fq2 x, in Fq2 y, in Fq2 z, in Fq2 w) =>
        new(F(Montgomery<FqModulus>.XiDifferencePlusRe(x.A0.Limbs, y.A0.Limbs, z.A0.Limbs, x.A1.Limbs, y.A1.Limbs, z.A1.Limbs, w.A0.Limbs)),
            F(Montgomery<FqModulus>.XiDifferencePlusIm(x.A0.Limbs, y.A0.Limbs, z.A0.Limbs, x.A1.Limbs, y.A1.Limbs, z.A1.Limbs, w.A1.Limbs)));

    /// <summary>3(ξ·y + x) − 2a, one reduction per component (a cyclotomic-squaring output).</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    internal static Fq2 ThreeXiPlusMinusTwice(in Fq2 y, in Fq2 x, in Fq2 a) =>
        new(F(Montgomery<FqModulus>.ThreeXiPlusMinusTwiceRe(y.A0.Limbs, y.A1.Limbs, x.A0.Limbs, a.A0.Limbs)),
            F(Montgomery<FqModulus>.ThreeXiPlusMinusTwiceIm(y.A0.Limbs, y.A1.Limbs, x.A1.Limbs, a.A1.Limbs)));

    /// <summary>3(s − x − y) + 2a, one reduction per component (a cyclotomic-squaring output, s − x − y = 2x'y').</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    internal static Fq2 ThreeDifferencePlusTwice(in Fq2 s, in Fq2 x, in Fq2 y, in Fq2 a) =>
        new(F(Montgomery<FqModulus>.ThreeDifferencePlusTwice(s.A0.Limbs, x.A0.Limbs, y.A0.Limbs, a.A0.Limbs)),
            F(Montgomery<FqModulus>.ThreeDifferencePlusTwice(s.A1.Limbs, x.A1.Limbs, y.A1.Limbs, a.A1.Limbs)));

    /// <summary>3ξ(s − x − y) + 2b, one reduction per component.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    internal static Fq2 ThreeXiDifferencePlusTwice(in Fq2 s, in Fq2 x, in Fq2 y, in Fq2 b) =>
        new(F(Montgomery<FqModulus>.ThreeXiDifferencePlusTwiceRe(s.A0.Limbs, s.A1.Limbs, x.A0.Limbs, x.A1.Limbs, y.A0.Limbs, y.A1.Limbs, b.A0.Limbs)),
            F(Montgomery<FqModulus>.ThreeXiDifferencePlusTwiceIm(s.A0.Limbs, s.A1.Limbs, x.A0.Limbs, x.A1.Limbs, y.A0.Limbs, y.A1.Limbs, b.A1.Limbs)));

    /// <summary>3a + 2b, one reduction per component.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static Fq2 ThreeTimesPlusTwice(in Fq2 a, in Fq2 b) =>
        new(new Fq(Montgomery<FqModulus>.ThreeTimesPlusTwice(a.A0.Limbs, b.A0.Limbs)),
            new Fq(Montgomery<FqModulus>.ThreeTimesPlusTwice(a.A1.Limbs, b.A1.Limbs)));

    /// <summary>3a - 2b, one reduction per component.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static Fq2 ThreeTimesMinusTwice(in Fq2 a, in Fq2 b) =>
        new(new Fq(Montgomery<FqModulus>.ThreeTimesMinusTwice(a.A0.Limbs, b.A0.Limbs)),
            new Fq(Montgomery<FqModulus>.ThreeTimesMinusTwice(a.A1.Limbs, b.A1.Limbs)));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Fq2 operator +(in Fq2 a, in Fq2 b) { Add(a, b, out Fq2 r); return r; }
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Fq2 operator -(in Fq2 a, in Fq2 b) { Subtract(a, b, out Fq2 r); return r; }
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Fq2 operator -(in Fq2 a) { Negate(a, out Fq2 r); return r; }
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Fq2 operator *(in Fq2 a, in Fq2 b) { Multiply(a, b, out Fq2 r); return r; }
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Fq2 operator *(in Fq2 a, in Fq b) { MultiplyByFq(a, b, out Fq2 r); return r; }
    public static bool operator ==(in Fq2 a, in Fq2 b) => a.A0 == b.A0 && a.A1 == b.A1;
    public static bool operator !=(in Fq2 a, in Fq2 b) => !(a == b);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Fq2 Square() { Square(this, out Fq2 r); return r; }
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Fq2 Double() { Double(this, out Fq2 r); return r; }
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Fq2 MulByXi() { MultiplyByXi(this, out Fq2 r); return r; }

    /// <summary>a0 - a1 u: the q-power Frobenius of F_q2.</summary>
    public Fq2 Conjugate() => new(A0, -A1);

    /// <summary>1/(a0 + a1 u) = (a0 - a1 u)/(a0^2 + a1^2); zero maps to zero.</summary>
    public Fq2 Inverse()
    {
        Fq inv = (A0.Square() + A1.Square()).Inverse();
        return new(A0 * inv, -(A1 * inv));
    }

    public Fq2 Pow(BigInteger exponent)
    {
        Fq2 result = One, bas = this;
        for (long i = (long)exponent.GetBitLength() - 1; i >= 0; i--)
        {
            result = result.Square();
            if (!(exponent >> (int)i).IsEven) result *= bas;
        }
        return result;
    }

    /// <summary>Inverts every non-zero element in place with one inversion (Montgomery's trick).</summary>
    public static void BatchInverse(Span<Fq2> values)
    {
        if (values.Length == 0) return;
        var prefix = new Fq2[values.Length];
        Fq2 acc = One;
        for (int i = 0; i < values.Length; i++)
        {
            prefix[i] = acc;
            if (!values[i].IsZero) acc *= values[i];
        }
        Fq2 inv = acc.Inverse();
        for (int i = values.Length - 1; i >= 0; i--)
        {
            if (values[i].IsZero) continue;
            Fq2 vi = inv * prefix[i];
            inv *= values[i];
            values[i] = vi;
        }
    }

    public bool Equals(Fq2 other) => this == other;
    public override bool Equals(object? obj) => obj is Fq2 f && Equals(f);
    public override int GetHashCode() => HashCode.Combine(A0, A1);
    public override string ToString() => $"({A0} + {A1}·u)";
}
