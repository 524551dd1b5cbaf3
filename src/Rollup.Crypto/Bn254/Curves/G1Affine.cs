using Rollup.Crypto.Bn254.Fields;

namespace Rollup.Crypto.Bn254.Curves;

/// <summary>
/// A point of G1: y^2 = x^3 + 3 over F_q. The whole curve has prime order r (cofactor 1), so every
/// on-curve point is in the group. Infinity is (0, 0), which is not on the curve; that is also
/// how the EVM precompiles encode it.
/// </summary>
public readonly struct G1Affine : IEquatable<G1Affine>
{
    public const int EncodedLength = 64;

    public readonly Fq X, Y;

    public G1Affine(in Fq x, in Fq y) { X = x; Y = y; }

    public static G1Affine Infinity => default;
    public static G1Affine Generator => new(Fq.One, Fq.FromUInt64(2));
    public static Fq B => Fq.FromUInt64(3);

    public bool IsInfinity => X.IsZero && Y.IsZero;

    public bool IsOnCurve => IsInfinity || Y.Square() == X.Square() * X + B;

    public G1Affine Negate() => IsInfinity ? this : new(X, -Y);
    public static G1Affine operator -(in G1Affine p) => p.Negate();

    public G1Jacobian ToJacobian() => IsInfinity ? G1Jacobian.Infinity : new(new Jac<Fq>(X, Y, Fq.One));

    /// <summary>Parses x‖y (32-byte big-endian each), as precompiles 0x06–0x08 read them.</summary>
    public static PointDecodeStatus Decode(ReadOnlySpan<byte> input, out G1Affine point)
    {
        point = default;
        if (input.Length != EncodedLength) return PointDecodeStatus.WrongLength;
        if (!Fq.TryFromBigEndian(input[..32], out Fq x) || !Fq.TryFromBigEndian(input[32..], out Fq y))
            return PointDecodeStatus.CoordinateNotInField;
        var p = new G1Affine(x, y);
        if (!p.IsOnCurve) return PointDecodeStatus.NotOnCurve;
        point = p;
        return PointDecodeStatus.Ok;
    }

    public static bool TryDecode(ReadOnlySpan<byte> input, out G1Affine point) =>
        Decode(input, out point) == PointDecodeStatus.Ok;

    public void Encode(Span<byte> output64)
    {
        X.WriteBigEndian(output64[..32]);
        Y.WriteBigEndian(output64.Slice(32, 32));
    }

    public byte[] Encode()
    {
        var b = new byte[EncodedLength];
        Encode(b);
        return b;
    }

    public bool Equals(G1Affine other) => X == other.X && Y == other.Y;
    public override bool Equals(object? obj) => obj is G1Affine p && Equals(p);
    public override int GetHashCode() => HashCode.Combine(X, Y);
    public static bool operator ==(in G1Affine a, in G1Affine b) => a.Equals(b);
    public static bool operator !=(in G1Affine a, in G1Affine b) => !a.Equals(b);
    public override string ToString() => IsInfinity ? "G1(∞)" : $"G1({X}, {Y})";
}
