using Rollup.Core.Numerics;

namespace Rollup.Core.Crypto;

/// <summary>A secp256k1 ECDSA signature with the recovery id (the parity of R's y coordinate)
/// that lets the signer's public key be recovered from the signature and the message hash.</summary>
public readonly record struct EcdsaSignature(UInt256 R, UInt256 S, byte RecoveryId)
{
    /// <summary>The 65-byte r ‖ s ‖ v form with v = 27 + recovery id (what eth_sign returns).</summary>
    public byte[] ToBytes65()
    {
        var bytes = new byte[65];
        R.WriteBigEndian(bytes.AsSpan(0, 32));
        S.WriteBigEndian(bytes.AsSpan(32, 32));
        bytes[64] = (byte)(27 + RecoveryId);
        return bytes;
    }
}
