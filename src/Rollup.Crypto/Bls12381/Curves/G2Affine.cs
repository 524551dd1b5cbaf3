using Rollup.Crypto.Bls12381.Fields;
using Rollup.Crypto.Bls12381.Towers;
using Rollup.Crypto.Bn254.Curves;

namespace Rollup.Crypto.Bls12381.Curves;

/// <summary>
/// A point of the sextic M-type twist E'(F_p2): y^2 = x^3 + 4(1 + u). G2 is its order-r subgroup
/// (the twist's cofactor is large, so decoding checks membership). Infinity is (0, 0), which is
/// not on the twist.
/// </summary>
public readonly struct G2Affine : IEquatable<G2Affine>
{
    /// <summary>Length of the compressed encoding.</summary>
    public const int CompressedLength = 96;

    public readonly Fp2 X, Y;

    public G2Affine(in Fp2 x, in Fp2 y) { X = x; Y = y; }

    public static G2Affine Infinity => default;

    /// <summary>b' = 4ξ = 4 + 4u, the twist's constant.</summary>
    public static Fp2 B => new(Fp.FromUInt64(4), Fp.FromUInt64(4));

    /// <summary>The standard generator (zkcrypto, the IETF pairing-friendly-curves draft).</summary>
    public static readonly G2Affine Generator = new(
        new Fp2(
            Fp.FromHex("024aa2b2f08f0a91260805272dc51051c6e47ad4fa403b02b4510b647ae3d1770bac0326a805bbefd48056c8c121bdb8"),
            Fp.FromHex("13e02b6052719f607dacd3a088274f65596bd0d09920b61ab5da61bbdc7f5049334cf11213945d57e5ac7d055d042b7e")),
        new Fp2(
            Fp.FromHex("0ce5d527727d6e118cc9cdc6da2e351aadfd9baa8cbdd3a76d429a695160d12c923ac9cc3baca289e193548608b82801"),
            Fp.FromHex("0606c4a02ea734cc32acd2b02bc28b99cb3e287e85a763af267492ab572e99ab3f370d275cec1da1aaa9075ff05f79be")));

    public bool IsInfinity => X.IsZero && Y.IsZero;

    public bool IsOnCurve => IsInfinity || Y.Square() == X.Square() * X + B;

    /// <summary>r·P = ∞.</summary>
    public bool IsInSubgroup => ToJacobian().IsInSubgroup;

    public G2Affine Negate() => IsInfinity ? this : new(X, -Y);
    public static G2Affine operator -(in G2Affine p) => p.Negate();

    public G2Jacobian ToJacobian() => IsInfinity ? G2Jacobian.Infinity : new(new Jac<Fp2>(X, Y, Fp2.One));

    /// <summary>
    /// Parses the 96-byte compressed encoding x.c1 ‖ x.c0 (x = c0 + c1·u, 48-byte big-endian each)
    /// with the flag bits in the top of the first byte. Rejects what <see cref="G1Affine.Decode"/>
    /// rejects, and also x.c0 ≥ p.
    /// </summary>
    public static DecodeStatus Decode(ReadOnlySpan<byte> input, out G2Affine point)
    {
        point = default;
        if (input.Length != CompressedLength) return DecodeStatus.WrongLength;
        DecodeStatus flags = CompressedFlags.Read(input, out bool infinity, out bool sign);
        if (flags != DecodeStatus.Ok || infinity) return flags;
        Span<byte> c1Bytes = stackalloc byte[Fp.ByteLength];
        input[..Fp.ByteLength].CopyTo(c1Bytes);
        c1Bytes[0] &= unchecked((byte)~CompressedFlags.All);
        if (!Fp.TryFromBigEndian(c1Bytes, out Fp c1) || !Fp.TryFromBigEndian(input[Fp.ByteLength..], out Fp c0))
            return DecodeStatus.CoordinateNotInField;
        var x = new Fp2(c0, c1);
        if (!(x.Square() * x + B).TrySqrt(out Fp2 y)) return DecodeStatus.NotOnCurve;
        if (y.IsLexicographicallyLargest != sign) y = -y;
        var p = new G2Affine(x, y);
        if (!p.IsInSubgroup) return DecodeStatus.NotInSubgroup;
        point = p;
        return DecodeStatus.Ok;
    }

    public static bool TryDecode(ReadOnlySpan<byte> input, out G2Affine point) =>
        Decode(input, out point) == DecodeStatus.Ok;

    /// <summary>Writes the 96-byte compressed encoding.</summary>
    public void Encode(Span<byte> output96)
    {
        if (IsInfinity)
        {
            output96[..CompressedLength].Clear();
            output96[0] = CompressedFlags.Compressed | CompressedFlags.Infinity;
            return;
        }
        X.A1.WriteBigEndian(output96[..Fp.ByteLength]);
        X.A0.WriteBigEndian(output96.Slice(Fp.ByteLength, Fp.ByteLength));
        output96[0] |= CompressedFlags.Compressed;
        if (Y.IsLexicographicallyLargest) output96[0] |= CompressedFlags.Sign;
    }

    public byte[] Encode()
    {
        var b = new byte[CompressedLength];
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
