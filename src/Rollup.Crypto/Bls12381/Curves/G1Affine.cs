using Rollup.Crypto.Bls12381.Fields;
using Rollup.Crypto.Bn254.Curves;

namespace Rollup.Crypto.Bls12381.Curves;

/// <summary>
/// A point of E(F_p): y^2 = x^3 + 4. G1 is its order-r subgroup; the curve's cofactor is
/// h = 0x396c8c005555e1568c00aaab0000aaab, so decoding checks subgroup membership.
/// Infinity is (0, 0), which is not on the curve.
/// </summary>
public readonly struct G1Affine : IEquatable<G1Affine>
{
    /// <summary>Length of the compressed encoding.</summary>
    public const int CompressedLength = 48;

    public readonly Fp X, Y;

    public G1Affine(in Fp x, in Fp y) { X = x; Y = y; }

    public static G1Affine Infinity => default;

    public static Fp B => Fp.FromUInt64(4);

    /// <summary>The standard generator (zkcrypto, the IETF pairing-friendly-curves draft).</summary>
    public static readonly G1Affine Generator = new(
        Fp.FromHex("17f1d3a73197d7942695638c4fa9ac0fc3688c4f9774b905a14e3a3f171bac586c55e83ff97a1aeffb3af00adb22c6bb"),
        Fp.FromHex("08b3f481e3aaa0f1a09e30ed741d8ae4fcf5e095d5d00af600db18cb2c04b3edd03cc744a2888ae40caa232946c5e7e1"));

    public bool IsInfinity => X.IsZero && Y.IsZero;

    public bool IsOnCurve => IsInfinity || Y.Square() == X.Square() * X + B;

    /// <summary>In the order-r subgroup (see <see cref="G1Jacobian.IsInSubgroup"/>).</summary>
    public bool IsInSubgroup => ToJacobian().IsInSubgroup;

    public G1Affine Negate() => IsInfinity ? this : new(X, -Y);
    public static G1Affine operator -(in G1Affine p) => p.Negate();

    public G1Jacobian ToJacobian() => IsInfinity ? G1Jacobian.Infinity : new(new Jac<Fp>(X, Y, Fp.One));

    /// <summary>
    /// Parses the 48-byte compressed encoding: x big-endian with the flag bits in its top three bits.
    /// Rejects a clear compression flag, a non-canonical infinity, x ≥ p, an x with no curve point,
    /// and points outside G1. The canonical infinity 0xc0 00…00 is accepted.
    /// </summary>
    public static DecodeStatus Decode(ReadOnlySpan<byte> input, out G1Affine point)
    {
        point = default;
        if (input.Length != CompressedLength) return DecodeStatus.WrongLength;
        DecodeStatus flags = CompressedFlags.Read(input, out bool infinity, out bool sign);
        if (flags != DecodeStatus.Ok || infinity) return flags;
        Span<byte> xBytes = stackalloc byte[CompressedLength];
        input.CopyTo(xBytes);
        xBytes[0] &= unchecked((byte)~CompressedFlags.All);
        if (!Fp.TryFromBigEndian(xBytes, out Fp x)) return DecodeStatus.CoordinateNotInField;
        if (!(x.Square() * x + B).TrySqrt(out Fp y)) return DecodeStatus.NotOnCurve;
        if (y.IsLexicographicallyLargest != sign) y = -y;
        var p = new G1Affine(x, y);
        if (!p.IsInSubgroup) return DecodeStatus.NotInSubgroup;
        point = p;
        return DecodeStatus.Ok;
    }

    public static bool TryDecode(ReadOnlySpan<byte> input, out G1Affine point) =>
        Decode(input, out point) == DecodeStatus.Ok;

    /// <summary>Writes the 48-byte compressed encoding.</summary>
    public void Encode(Span<byte> output48)
    {
        if (IsInfinity)
        {
            output48[..CompressedLength].Clear();
            output48[0] = CompressedFlags.Compressed | CompressedFlags.Infinity;
            return;
        }
        X.WriteBigEndian(output48[..CompressedLength]);
        output48[0] |= CompressedFlags.Compressed;
        if (Y.IsLexicographicallyLargest) output48[0] |= CompressedFlags.Sign;
    }

    public byte[] Encode()
    {
        var b = new byte[CompressedLength];
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
