using System.Numerics;
using Rollup.Crypto.Bls12381.Fields;
using Rollup.Crypto.Bls12381.Towers;
using Rollup.Crypto.Bn254.Curves;
using LimbCodec = Rollup.Crypto.Bn254.Fields.LimbCodec;

namespace Rollup.Crypto.Bls12381.Curves;

/// <summary>
/// A G2 point in Jacobian coordinates (x = X/Z^2, y = Y/Z^3). The formulas are the a = 0 ones
/// BN254 uses (<c>JacobianMath</c>), which never touch b, so both curves share them.
/// </summary>
public readonly struct G2Jacobian : IEquatable<G2Jacobian>
{
    internal readonly Jac<Fp2> P;

    internal G2Jacobian(in Jac<Fp2> p) { P = p; }

    public G2Jacobian(in Fp2 x, in Fp2 y, in Fp2 z) { P = new Jac<Fp2>(x, y, z); }

    public Fp2 X => P.X;
    public Fp2 Y => P.Y;
    public Fp2 Z => P.Z;

    public static G2Jacobian Infinity => new(Jac<Fp2>.Infinity);
    public static G2Jacobian Generator => G2Affine.Generator.ToJacobian();
    public bool IsInfinity => P.IsInfinity;

    /// <summary>Y^2 = X^3 + b' Z^6 with the twist constant b' = 4(1 + u).</summary>
    public bool IsOnCurve
    {
        get
        {
            if (IsInfinity) return true;
            Fp2 z2 = P.Z.Square(), z6 = z2.Square() * z2;
            return P.Y.Square() == P.X.Square() * P.X + G2Affine.B * z6;
        }
    }

    private static readonly ulong[] GroupOrder = LimbCodec.ExponentLimbs(Fr.Modulus);

    /// <summary>r·P = ∞: the definition of the subgroup, for an on-curve point.</summary>
    public bool IsInSubgroup => Multiply(GroupOrder).IsInfinity;

    public G2Jacobian Double() => new(JacobianMath<Fp2>.Double(P));
    public G2Jacobian Add(in G2Jacobian q) => new(JacobianMath<Fp2>.Add(P, q.P));
    public G2Jacobian AddMixed(in G2Affine q) => q.IsInfinity ? this : new(JacobianMath<Fp2>.AddMixed(P, q.X, q.Y));
    public G2Jacobian Negate() => new(JacobianMath<Fp2>.Negate(P));

    /// <summary>k·P for a non-negative integer given as little-endian limbs.</summary>
    public G2Jacobian Multiply(ReadOnlySpan<ulong> scalarLimbs) => new(JacobianMath<Fp2>.Multiply(P, scalarLimbs));

    public G2Jacobian Multiply(in Fr scalar)
    {
        Span<ulong> limbs = stackalloc ulong[4];
        scalar.ToLittleEndianLimbs(limbs);
        return Multiply(limbs);
    }

    public G2Jacobian Multiply(BigInteger scalar) => scalar.Sign >= 0
        ? Multiply(LimbCodec.ExponentLimbs(scalar))
        : Negate().Multiply(LimbCodec.ExponentLimbs(-scalar));

    public static G2Jacobian operator +(in G2Jacobian a, in G2Jacobian b) => a.Add(b);
    public static G2Jacobian operator +(in G2Jacobian a, in G2Affine b) => a.AddMixed(b);
    public static G2Jacobian operator -(in G2Jacobian a, in G2Jacobian b) => a.Add(b.Negate());
    public static G2Jacobian operator -(in G2Jacobian a) => a.Negate();
    public static G2Jacobian operator *(in G2Jacobian a, in Fr k) => a.Multiply(k);

    public G2Affine ToAffine()
    {
        JacobianMath<Fp2>.ToAffine(P, out Fp2 x, out Fp2 y);
        return new G2Affine(x, y);
    }

    /// <summary>Same point (projective equality, no inversion).</summary>
    public bool Equals(G2Jacobian other) => JacobianMath<Fp2>.Equal(P, other.P);
    public override bool Equals(object? obj) => obj is G2Jacobian p && Equals(p);
    public override int GetHashCode() => ToAffine().GetHashCode();
    public static bool operator ==(in G2Jacobian a, in G2Jacobian b) => a.Equals(b);
    public static bool operator !=(in G2Jacobian a, in G2Jacobian b) => !a.Equals(b);
    public override string ToString() => ToAffine().ToString();
}
