using Org.BouncyCastle.Asn1.X9;
using Org.BouncyCastle.Crypto.Digests;
using Org.BouncyCastle.Crypto.EC;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Crypto.Signers;
using Org.BouncyCastle.Math.EC;
using Org.BouncyCastle.Math.EC.Multiplier;
using Rollup.Core.Numerics;
using Rollup.Core.Types;
using BigInt = Org.BouncyCastle.Math.BigInteger;

namespace Rollup.Core.Crypto;

/// <summary>secp256k1 as Ethereum uses it: key derivation, RFC 6979 deterministic signing with low s (EIP-2),
/// and public-key recovery. The curve arithmetic is BouncyCastle's (its custom secp256k1 field code).</summary>
public static class Secp256k1
{
    private static readonly X9ECParameters Curve = CustomNamedCurves.GetByName("secp256k1");
    private static readonly ECDomainParameters Domain = new(Curve.Curve, Curve.G, Curve.N, Curve.H);

    /// <summary>The group order n.</summary>
    public static readonly UInt256 N = UInt256.Parse("0xfffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141");
    /// <summary>n / 2: EIP-2 rejects transaction signatures with s above it.</summary>
    public static readonly UInt256 HalfN = UInt256.Parse("0x7fffffffffffffffffffffffffffffff5d576e7357a4501ddfe92f46681b20a0");

    /// <summary>Whether 32 bytes form a valid private key: 0 &lt; k &lt; n.</summary>
    public static bool IsValidPrivateKey(ReadOnlySpan<byte> privateKey) =>
        privateKey.Length == 32 && UInt256.FromBigEndian(privateKey) is var k && !k.IsZero && k < N;

    /// <summary>The 64-byte uncompressed public key x ‖ y (no 0x04 prefix) of a private key.</summary>
    public static byte[] DerivePublicKey(ReadOnlySpan<byte> privateKey)
    {
        if (!IsValidPrivateKey(privateKey)) throw new ArgumentException("a private key is 32 bytes with 0 < k < n", nameof(privateKey));
        var q = new FixedPointCombMultiplier().Multiply(Domain.G, new BigInt(1, privateKey)).Normalize();
        return Uncompressed(q);
    }

    /// <summary>The Ethereum address of a 64-byte public key: the last 20 bytes of its Keccak-256.</summary>
    public static Address ToAddress(ReadOnlySpan<byte> publicKey64)
    {
        if (publicKey64.Length != 64) throw new ArgumentException("a public key is 64 bytes x ‖ y", nameof(publicKey64));
        Span<byte> hash = stackalloc byte[32];
        Keccak256.Hash(publicKey64, hash);
        return new Address(hash[12..]);
    }

    /// <summary>Signs a 32-byte message hash with RFC 6979 deterministic nonces (HMAC-SHA256), normalising s to the
    /// lower half of the order (EIP-2) and flipping the recovery id with it.</summary>
    public static EcdsaSignature Sign(ReadOnlySpan<byte> hash32, ReadOnlySpan<byte> privateKey)
    {
        if (hash32.Length != 32) throw new ArgumentException("the message hash is 32 bytes", nameof(hash32));
        if (!IsValidPrivateKey(privateKey)) throw new ArgumentException("a private key is 32 bytes with 0 < k < n", nameof(privateKey));
        var signer = new ECDsaSigner(new HMacDsaKCalculator(new Sha256Digest()));
        signer.Init(true, new ECPrivateKeyParameters(new BigInt(1, privateKey), Domain));
        var rs = signer.GenerateSignature(hash32.ToArray());
        var r = ToUInt256(rs[0]);
        var s = ToUInt256(rs[1]);
        if (s > HalfN) s = N - s;

        // The signer does not expose R, so find which of the two candidate points recovers our key.
        var expected = DerivePublicKey(privateKey);
        Span<byte> recovered = stackalloc byte[64];
        for (byte id = 0; id < 2; id++)
        {
            var candidate = new EcdsaSignature(r, s, id);
            if (TryRecoverPublicKey(hash32, candidate, recovered) && recovered.SequenceEqual(expected)) return candidate;
        }
        throw new InvalidOperationException("signature recovery failed for a signature we just made");
    }

    /// <summary>Recovers the 64-byte public key that produced a signature over a hash. False when r or s is out of
    /// [1, n-1], r is not the x of a curve point, or the recovered point is at infinity. Does not apply EIP-2
    /// (the ecrecover precompile accepts high s); transaction validation checks that itself.</summary>
    public static bool TryRecoverPublicKey(ReadOnlySpan<byte> hash32, in EcdsaSignature signature, Span<byte> publicKey64)
    {
        if (signature.RecoveryId > 1) return false;
        if (signature.R.IsZero || signature.R >= N || signature.S.IsZero || signature.S >= N) return false;

        // R = the curve point with x = r and y of the parity given by the recovery id (x = r + n is never a field
        // element smaller than p for secp256k1 except with negligible probability, and Ethereum ids are 0/1 only).
        Span<byte> compressed = stackalloc byte[33];
        compressed[0] = (byte)(0x02 + signature.RecoveryId);
        signature.R.WriteBigEndian(compressed[1..]);
        ECPoint rPoint;
        try { rPoint = Curve.Curve.DecodePoint(compressed.ToArray()); }
        catch (ArgumentException) { return false; }

        // Q = r⁻¹ (s·R − e·G)
        var n = Curve.N;
        var e = new BigInt(1, hash32).Mod(n);
        var rInv = new BigInt(1, signature.R.ToBigEndian()).ModInverse(n);
        var s = new BigInt(1, signature.S.ToBigEndian());
        var q = ECAlgorithms.SumOfTwoMultiplies(Curve.G, n.Subtract(e).Multiply(rInv).Mod(n), rPoint, s.Multiply(rInv).Mod(n)).Normalize();
        if (q.IsInfinity) return false;
        Uncompressed(q).CopyTo(publicKey64);
        return true;
    }

    /// <summary>Recovers the signer's address, or false when the signature is invalid.</summary>
    public static bool TryRecoverAddress(ReadOnlySpan<byte> hash32, in EcdsaSignature signature, out Address address)
    {
        Span<byte> pub = stackalloc byte[64];
        if (!TryRecoverPublicKey(hash32, signature, pub)) { address = default; return false; }
        address = ToAddress(pub);
        return true;
    }

    private static byte[] Uncompressed(ECPoint normalized)
    {
        // GetEncoded gives the field element as exactly 32 big-endian bytes.
        var bytes = new byte[64];
        normalized.AffineXCoord.GetEncoded().CopyTo(bytes, 0);
        normalized.AffineYCoord.GetEncoded().CopyTo(bytes, 32);
        return bytes;
    }

    private static UInt256 ToUInt256(BigInt value) => UInt256.FromBigEndian(value.ToByteArrayUnsigned());
}
