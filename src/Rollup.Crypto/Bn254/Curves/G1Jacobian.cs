using System.Numerics;
using Rollup.Crypto.Bn254.Fields;

namespace Rollup.Crypto.Bn254.Curves;

/// <summary>A G1 point in Jacobian coordinates (x = X/Z^2, y = Y/Z^3), for inversion-free arithmetic.</summary>
public readonly struct G1Jacobian : IEquatable<G1Jacobian>
{
    internal readonly Jac<Fq> P;

    internal G1Jacobian(in Jac<Fq> p) { P = p; }

    public G1Jacobian(in Fq x, in Fq y, in Fq z) { P = new Jac<Fq>(x, y, z); }

    public Fq X => P.X;
    public Fq Y => P.Y;
    public Fq Z => P.Z;

    public static G1Jacobian Infinity => new(Jac<Fq>.Infinity);
    public static G1Jacobian Generator => G1Affine.Generator.ToJacobian();
    public bool IsInfinity => P.IsInfinity;

    /// <summary>Y^2 = X^3 + 3 Z^6.</summary>
    public bool IsOnCurve
    {
        get
        {
            if (IsInfinity) return true;
            Fq z2 = P.Z.Square(), z6 = z2.Square() * z2;
            return P.Y.Square() == P.X.Square() * P.X + G1Affine.B * z6;
        }
    }

    public G1Jacobian Double() => new(JacobianMath<Fq>.Double(P));
    public G1Jacobian Add(in G1Jacobian q) => new(JacobianMath<Fq>.Add(P, q.P));
    public G1Jacobian AddMixed(in G1Affine q) => q.IsInfinity ? this : new(JacobianMath<Fq>.AddMixed(P, q.X, q.Y));
    public G1Jacobian Negate() => new(JacobianMath<Fq>.Negate(P));

    /// <summary>k·P for any non-negative integer given as little-endian limbs (e.g. the EVM's raw 256-bit scalar).</summary>
    public G1Jacobian Multiply(ReadOnlySpan<ulong> scalarLimbs) => new(JacobianMath<Fq>.Multiply(P, scalarLimbs));

    public G1Jacobian Multiply(in Fr scalar)
    {
        Span<ulong> limbs = stackalloc ulong[4];
        scalar.ToLittleEndianLimbs(limbs);
        return Multiply(limbs);
    }

    public G1Jacobian Multiply(BigInteger scalar) => scalar.Sign >= 0
        ? Multiply(LimbCodec.ExponentLimbs(scalar))
        : Negate().Multiply(LimbCodec.ExponentLimbs(-scalar));

    public static G1Jacobian operator +(in G1Jacobian a, in G1Jacobian b) => a.Add(b);
    public static G1Jacobian operator +(in G1Jacobian a, in G1Affine b) => a.AddMixed(b);
    public static G1Jacobian operator -(in G1Jacobian a, in G1Jacobian b) => a.Add(b.Negate());
    public static G1Jacobian operator -(in G1Jacobian a) => a.Negate();
    public static G1Jacobian operator *(in G1Jacobian a, in Fr k) => a.Multiply(k);

    public G1Affine ToAffine()
    {
        JacobianMath<Fq>.ToAffine(P, out Fq x, out Fq y);
        return new G1Affine(x, y);
    }

    /// <summary>Converts many points with one field inversion.</summary>
    public static void BatchToAffine(ReadOnlySpan<G1Jacobian> points, Span<G1Affine> output)
    {
        var jac = new Jac<Fq>[points.Length];
        for (int i = 0; i < jac.Length; i++) jac[i] = points[i].P;
        var xs = new Fq[jac.Length];
        var ys = new Fq[jac.Length];
        JacobianMath<Fq>.BatchToAffine(jac, xs, ys);
        for (int i = 0; i < jac.Length; i++) output[i] = new G1Affine(xs[i], ys[i]);
    }

    /// <summary>Same point (projective equality, no inversion).</summary>
    public bool Equals(G1Jacobian other) => JacobianMath<Fq>.Equal(P, other.P);
    public override bool Equals(object? obj) => obj is G1Jacobian p && Equals(p);
    public override int GetHashCode() => ToAffine().GetHashCode();
    public static bool operator ==(in G1Jacobian a, in G1Jacobian b) => a.Equals(b);
    public static bool operator !=(in G1Jacobian a, in G1Jacobian b) => !a.Equals(b);
    public override string ToString() => ToAffine().ToString();
}
