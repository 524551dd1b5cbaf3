using System.Numerics;
using Rollup.Crypto.Bls12381.Fields;
using Rollup.Crypto.Bn254.Curves;
using LimbCodec = Rollup.Crypto.Bn254.Fields.LimbCodec;

namespace Rollup.Crypto.Bls12381.Curves;

/// <summary>
/// A G1 point in Jacobian coordinates (x = X/Z^2, y = Y/Z^3). The formulas are the a = 0 ones
/// BN254 uses (<c>JacobianMath</c>), which never touch b, so both curves share them.
/// </summary>
public readonly struct G1Jacobian : IEquatable<G1Jacobian>
{
    internal readonly Jac<Fp> P;

    internal G1Jacobian(in Jac<Fp> p) { P = p; }

    public G1Jacobian(in Fp x, in Fp y, in Fp z) { P = new Jac<Fp>(x, y, z); }

    public Fp X => P.X;
    public Fp Y => P.Y;
    public Fp Z => P.Z;

    public static G1Jacobian Infinity => new(Jac<Fp>.Infinity);
    public static G1Jacobian Generator => G1Affine.Generator.ToJacobian();
    public bool IsInfinity => P.IsInfinity;

    /// <summary>Y^2 = X^3 + 4 Z^6.</summary>
    public bool IsOnCurve
    {
        get
        {
            if (IsInfinity) return true;
            Fp z2 = P.Z.Square(), z6 = z2.Square() * z2;
            return P.Y.Square() == P.X.Square() * P.X + G1Affine.B * z6;
        }
    }

    private static readonly ulong[] GroupOrder = LimbCodec.ExponentLimbs(Fr.Modulus);

    /// <summary>r·P = ∞: the definition of the subgroup (tests use it as the oracle for <see cref="IsInSubgroup"/>).</summary>
    internal bool IsInSubgroupByOrder => Multiply(GroupOrder).IsInfinity;

    // β, a primitive cube root of unity in F_p, chosen so that φ(x, y) = (βx, y) acts on G1 as
    // multiplication by -x² (the other root acts as x² - 1). Found at startup from the generator
    // rather than pasted in.
    private static readonly Fp Beta = FindBeta();

    private static Fp FindBeta()
    {
        Fp g = Fp.FromUInt64(2);
        Fp beta;
        while ((beta = g.Pow((Fp.Modulus - 1) / 3)).IsOne) g += Fp.One;
        G1Jacobian gen = Generator;
        return Endomorphism(gen, beta) == MinusXSquared(gen) ? beta : beta.Square();
    }

    private static G1Jacobian Endomorphism(in G1Jacobian p, in Fp beta) => new(p.P.X * beta, p.P.Y, p.P.Z);

    private static G1Jacobian MinusXSquared(in G1Jacobian p) => new(JacobianMath<Fp>.Negate(MulByAbsX(MulByAbsX(p.P))));

    /// <summary>
    /// [|x|]P by plain double-and-add: |x| has six set bits, so this is 63 doublings and 5 additions,
    /// cheaper than the generic wNAF with its table of odd multiples.
    /// </summary>
    private static Jac<Fp> MulByAbsX(in Jac<Fp> p)
    {
        Jac<Fp> acc = p;
        for (int bit = 62; bit >= 0; bit--)
        {
            acc = JacobianMath<Fp>.Double(acc);
            if (((Bls12381Parameters.AbsX >> bit) & 1) != 0) acc = JacobianMath<Fp>.Add(acc, p);
        }
        return acc;
    }

    /// <summary>
    /// In the order-r subgroup, for an on-curve point, by Scott's endomorphism test
    /// ("A note on group membership tests for G1, G2 and GT on BLS pairing-friendly curves", 2021):
    /// φ(P) = [-x²]P. Two 64-bit multiplications instead of one by the 255-bit r; tests compare it
    /// with r·P = ∞ on points whose order has each prime factor of the cofactor.
    /// </summary>
    public bool IsInSubgroup => IsInfinity || Endomorphism(this, Beta) == MinusXSquared(this);

    public G1Jacobian Double() => new(JacobianMath<Fp>.Double(P));
    public G1Jacobian Add(in G1Jacobian q) => new(JacobianMath<Fp>.Add(P, q.P));
    public G1Jacobian AddMixed(in G1Affine q) => q.IsInfinity ? this : new(JacobianMath<Fp>.AddMixed(P, q.X, q.Y));
    public G1Jacobian Negate() => new(JacobianMath<Fp>.Negate(P));

    /// <summary>k·P for a non-negative integer given as little-endian limbs.</summary>
    public G1Jacobian Multiply(ReadOnlySpan<ulong> scalarLimbs) => new(JacobianMath<Fp>.Multiply(P, scalarLimbs));

    public G1Jacobian Multiply(in Fr scalar)
    {
        Span<ulong> limbs = stackalloc ulong[4];
        scalar.ToLittleEndianLimbs(limbs);
        return Multiply(limbs);
    }

    public G1Jacobian Multiply(BigInteger scalar) => scalar.Sign >= 0
        ? Multiply(LimbCodec.ExponentLimbs(scalar))
        : Negate().Multiply(LimbCodec.ExponentLimbs(-scalar));

    /// <summary>
    /// [a]P + [b]Q with one shared chain of doublings (Straus's trick over width-5 NAFs): about 255
    /// doublings instead of 510, which is most of the cost of two separate multiplications.
    /// </summary>
    public static G1Jacobian MultiplySum(in G1Jacobian p, in Fr a, in G1Jacobian q, in Fr b)
    {
        const int Window = 5;
        Span<ulong> limbs = stackalloc ulong[4];
        Span<sbyte> nafA = stackalloc sbyte[4 * 64 + 1];
        Span<sbyte> nafB = stackalloc sbyte[4 * 64 + 1];
        a.ToLittleEndianLimbs(limbs);
        int lenA = Wnaf.Compute(limbs, Window, nafA);
        b.ToLittleEndianLimbs(limbs);
        int lenB = Wnaf.Compute(limbs, Window, nafB);

        Span<Jac<Fp>> oddA = stackalloc Jac<Fp>[1 << (Window - 2)];
        Span<Jac<Fp>> oddB = stackalloc Jac<Fp>[1 << (Window - 2)];
        OddMultiples(p.P, oddA);
        OddMultiples(q.P, oddB);

        Jac<Fp> acc = Jac<Fp>.Infinity;
        for (int i = Math.Max(lenA, lenB) - 1; i >= 0; i--)
        {
            acc = JacobianMath<Fp>.Double(acc);
            if (i < lenA) acc = AddDigit(acc, nafA[i], oddA);
            if (i < lenB) acc = AddDigit(acc, nafB[i], oddB);
        }
        return new(acc);
    }

    /// <summary>P, 3P, 5P, ... into the table.</summary>
    private static void OddMultiples(in Jac<Fp> p, Span<Jac<Fp>> odd)
    {
        odd[0] = p;
        Jac<Fp> twice = JacobianMath<Fp>.Double(p);
        for (int i = 1; i < odd.Length; i++) odd[i] = JacobianMath<Fp>.Add(odd[i - 1], twice);
    }

    private static Jac<Fp> AddDigit(in Jac<Fp> acc, int digit, ReadOnlySpan<Jac<Fp>> odd) =>
        digit > 0 ? JacobianMath<Fp>.Add(acc, odd[digit >> 1])
        : digit < 0 ? JacobianMath<Fp>.Add(acc, JacobianMath<Fp>.Negate(odd[(-digit) >> 1]))
        : acc;

    public static G1Jacobian operator +(in G1Jacobian a, in G1Jacobian b) => a.Add(b);
    public static G1Jacobian operator +(in G1Jacobian a, in G1Affine b) => a.AddMixed(b);
    public static G1Jacobian operator -(in G1Jacobian a, in G1Jacobian b) => a.Add(b.Negate());
    public static G1Jacobian operator -(in G1Jacobian a) => a.Negate();
    public static G1Jacobian operator *(in G1Jacobian a, in Fr k) => a.Multiply(k);

    public G1Affine ToAffine()
    {
        JacobianMath<Fp>.ToAffine(P, out Fp x, out Fp y);
        return new G1Affine(x, y);
    }

    /// <summary>Same point (projective equality, no inversion).</summary>
    public bool Equals(G1Jacobian other) => JacobianMath<Fp>.Equal(P, other.P);
    public override bool Equals(object? obj) => obj is G1Jacobian p && Equals(p);
    public override int GetHashCode() => ToAffine().GetHashCode();
    public static bool operator ==(in G1Jacobian a, in G1Jacobian b) => a.Equals(b);
    public static bool operator !=(in G1Jacobian a, in G1Jacobian b) => !a.Equals(b);
    public override string ToString() => ToAffine().ToString();
}
