using System.Numerics;
using Rollup.Crypto.Bn254.Fields;
using Rollup.Crypto.Bn254.Towers;

namespace Rollup.Crypto.Bn254.Curves;

/// <summary>A G2 point in Jacobian coordinates (x = X/Z^2, y = Y/Z^3), for inversion-free arithmetic.</summary>
public readonly struct G2Jacobian : IEquatable<G2Jacobian>
{
    internal readonly Jac<Fq2> P;

    internal G2Jacobian(in Jac<Fq2> p) { P = p; }

    public G2Jacobian(in Fq2 x, in Fq2 y, in Fq2 z) { P = new Jac<Fq2>(x, y, z); }

    public Fq2 X => P.X;
    public Fq2 Y => P.Y;
    public Fq2 Z => P.Z;

    public static G2Jacobian Infinity => new(Jac<Fq2>.Infinity);
    public static G2Jacobian Generator => G2Affine.Generator.ToJacobian();
    public bool IsInfinity => P.IsInfinity;

    /// <summary>Y^2 = X^3 + b Z^6 with the twist constant b = 3/ξ.</summary>
    public bool IsOnCurve
    {
        get
        {
            if (IsInfinity) return true;
            Fq2 z2 = P.Z.Square(), z6 = z2.Square() * z2;
            return P.Y.Square() == P.X.Square() * P.X + G2Affine.B * z6;
        }
    }

    /// <summary>
    /// Membership in the order-r subgroup (the twist has a large cofactor, so on-curve points need
    /// this check). Uses the test of Dai–Lin–Zhao–Zhou (ePrint 2022/348), valid for BN254 because
    /// u ≢ 4 (mod 13) and u ≢ 92 (mod 97): P ∈ G2 ⇔ [u+1]P + ψ([u]P) + ψ²([u]P) = ψ³([2u]P),
    /// one 63-bit scalar multiplication instead of the 254-bit [r]P = ∞ (which the tests keep as oracle).
    /// </summary>
    public bool IsInSubgroup
    {
        get
        {
            if (IsInfinity) return true;
            G2Jacobian uP = Multiply([Bn254Parameters.U]);
            G2Jacobian psiUP = uP.Psi();
            G2Jacobian lhs = uP + this + psiUP + psiUP.Psi();
            G2Jacobian rhs = uP.Double().Psi().Psi().Psi();
            return lhs == rhs;
        }
    }

    /// <summary>
    /// ψ = untwist ∘ Frobenius ∘ twist: (x, y) ↦ (x̄·ξ^((q-1)/3), ȳ·ξ^((q-1)/2)). In Jacobian
    /// coordinates Z is conjugated too. On G2 it acts as multiplication by q mod r.
    /// </summary>
    internal G2Jacobian Psi() => new(
        P.X.Conjugate() * Fq12.FrobeniusCoefficient(1, 2),
        P.Y.Conjugate() * Fq12.FrobeniusCoefficient(1, 3),
        P.Z.Conjugate());

    public G2Jacobian Double() => new(JacobianMath<Fq2>.Double(P));
    public G2Jacobian Add(in G2Jacobian q) => new(JacobianMath<Fq2>.Add(P, q.P));
    public G2Jacobian AddMixed(in G2Affine q) => q.IsInfinity ? this : new(JacobianMath<Fq2>.AddMixed(P, q.X, q.Y));
    public G2Jacobian Negate() => new(JacobianMath<Fq2>.Negate(P));

    /// <summary>k·P for any non-negative integer given as little-endian limbs (e.g. the EVM's raw 256-bit scalar).</summary>
    public G2Jacobian Multiply(ReadOnlySpan<ulong> scalarLimbs) => new(JacobianMath<Fq2>.Multiply(P, scalarLimbs));

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
        JacobianMath<Fq2>.ToAffine(P, out Fq2 x, out Fq2 y);
        return new G2Affine(x, y);
    }

    /// <summary>Converts many points with one field inversion.</summary>
    public static void BatchToAffine(ReadOnlySpan<G2Jacobian> points, Span<G2Affine> output)
    {
        var jac = new Jac<Fq2>[points.Length];
        for (int i = 0; i < jac.Length; i++) jac[i] = points[i].P;
        var xs = new Fq2[jac.Length];
        var ys = new Fq2[jac.Length];
        JacobianMath<Fq2>.BatchToAffine(jac, xs, ys);
        for (int i = 0; i < jac.Length; i++) output[i] = new G2Affine(xs[i], ys[i]);
    }

    /// <summary>Same point (projective equality, no inversion).</summary>
    public bool Equals(G2Jacobian other) => JacobianMath<Fq2>.Equal(P, other.P);
    public override bool Equals(object? obj) => obj is G2Jacobian p && Equals(p);
    public override int GetHashCode() => ToAffine().GetHashCode();
    public static bool operator ==(in G2Jacobian a, in G2Jacobian b) => a.Equals(b);
    public static bool operator !=(in G2Jacobian a, in G2Jacobian b) => !a.Equals(b);
    public override string ToString() => ToAffine().ToString();
}
