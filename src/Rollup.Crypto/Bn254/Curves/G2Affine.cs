using System.Numerics;
using Rollup.Crypto.Bn254.Fields;
using Rollup.Crypto.Bn254.Towers;

namespace Rollup.Crypto.Bn254.Curves;

/// <summary>
/// A point of G2, on the sextic D-type twist y^2 = x^3 + 3/ξ over F_q2 (ξ = 9 + u). The twist's
/// order is r times a large cofactor, so decoding checks subgroup membership.
/// Infinity is (0, 0) (not on the twist), as in the EVM encoding.
/// </summary>
public readonly struct G2Affine : IEquatable<G2Affine>
{
    public const int EncodedLength = 128;

    public readonly Fq2 X, Y;

    public G2Affine(in Fq2 x, in Fq2 y) { X = x; Y = y; }

    public static G2Affine Infinity => default;

    /// <summary>b' = 3/ξ, the twist's constant.</summary>
    public static readonly Fq2 B = new Fq2(Fq.FromUInt64(3), Fq.Zero) * Fq2.Xi.Inverse();

    /// <summary>The generator fixed by EIP-197.</summary>
    public static readonly G2Affine Generator = new(
        new Fq2(
            Fq.FromBigInteger(BigInteger.Parse("10857046999023057135944570762232829481370756359578518086990519993285655852781")),
            Fq.FromBigInteger(BigInteger.Parse("11559732032986387107991004021392285783925812861821192530917403151452391805634"))),
        new Fq2(
            Fq.FromBigInteger(BigInteger.Parse("8495653923123431417604973247489272438418190587263600148770280649306958101930")),
            Fq.FromBigInteger(BigInteger.Parse("4082367875863433681332203403145435568316851327593401208105741076214120093531"))));

    public bool IsInfinity => X.IsZero && Y.IsZero;

    public bool IsOnCurve => IsInfinity || Y.Square() == X.Square() * X + B;

    /// <summary>r·P = ∞ (the order-r subgroup is the only one pairings are defined on).</summary>
    public bool IsInSubgroup => ToJacobian().IsInSubgroup;

    public G2Affine Negate() => IsInfinity ? this : new(X, -Y);
    public static G2Affine operator -(in G2Affine p) => p.Negate();

    public G2Jacobian ToJacobian() => IsInfinity ? G2Jacobian.Infinity : new(new Jac<Fq2>(X, Y, Fq2.One));

    /// <summary>
    /// Parses the EIP-197 layout: x.imaginary ‖ x.real ‖ y.imaginary ‖ y.real, 32-byte big-endian
    /// each (an F_q2 element a·u + b is written as a then b). Checks field range, curve and subgroup.
    /// </summary>
    public static PointDecodeStatus Decode(ReadOnlySpan<byte> input, out G2Affine point)
    {
        point = default;
        if (input.Length != EncodedLength) return PointDecodeStatus.WrongLength;
        if (!Fq.TryFromBigEndian(input[..32], out Fq xIm) || !Fq.TryFromBigEndian(input.Slice(32, 32), out Fq xRe) ||
            !Fq.TryFromBigEndian(input.Slice(64, 32), out Fq yIm) || !Fq.TryFromBigEndian(input.Slice(96, 32), out Fq yRe))
            return PointDecodeStatus.CoordinateNotInField;
        var p = new G2Affine(new Fq2(xRe, xIm), new Fq2(yRe, yIm));
        if (p.IsInfinity) { point = p; return PointDecodeStatus.Ok; }
        if (!p.IsOnCurve) return PointDecodeStatus.NotOnCurve;
        if (!p.IsInSubgroup) return PointDecodeStatus.NotInSubgroup;
        point = p;
        return PointDecodeStatus.Ok;
    }

    public static bool TryDecode(ReadOnlySpan<byte> input, out G2Affine point) =>
        Decode(input, out point) == PointDecodeStatus.Ok;

    public void Encode(Span<byte> output128)
    {
        X.A1.WriteBigEndian(output128[..32]);
        X.A0.WriteBigEndian(output128.Slice(32, 32));
        Y.A1.WriteBigEndian(output128.Slice(64, 32));
        Y.A0.WriteBigEndian(output128.Slice(96, 32));
    }

    public byte[] Encode()
    {
        var b = new byte[EncodedLength];
        Encode(b);
        return b;
    }

    public bool Equals(G2Affine other) => X == other.X && Y == other.Y;
    public override bool Equals(object? obj) => obj is G2Affine p && Equals(p);
    public override int GetHashCode() => HashCode.Combine(X, Y);
    public static bool operator ==(in G2Affine a, in G2Affine b) => a.Equals(b);
    public static bool operator !=(in G2Affine a, in G2Affine b) => !a.Equals(b);
    public override string ToString() => IsInfinity ? "G2(∞)" : $"G2({X}, {Y})";
}
