using Rollup.Core.Crypto;
using Rollup.Crypto.Bn254.Curves;
using Rollup.Plonk.Circuit;
using Rollup.Plonk.Protocol;

namespace Rollup.Plonk.Keys;

/// <summary>What the verifier needs: the circuit (its layout), commitments to its fixed columns and permutation, the
/// two G2 points of the SRS, and a digest of all of it that the transcript starts from.</summary>
public sealed class VerifyingKey
{
    public ProtocolLayout Layout { get; }
    public G1Affine[] FixedCommitments { get; }
    public G1Affine[] SigmaCommitments { get; }
    public G2Affine G2 { get; }
    public G2Affine TauG2 { get; }
    public byte[] Digest { get; }

    public VerifyingKey(ProtocolLayout layout, G1Affine[] fixedCommitments, G1Affine[] sigmaCommitments, G2Affine g2, G2Affine tauG2)
    {
        Layout = layout;
        FixedCommitments = fixedCommitments;
        SigmaCommitments = sigmaCommitments;
        G2 = g2;
        TauG2 = tauG2;
        Digest = ComputeDigest();
    }

    /// <summary>keccak256 of "rollup-plonk-vk-v1" ‖ k ‖ keccak(circuit description) ‖ fixed commitments ‖ σ commitments ‖
    /// [1]₂ ‖ [τ]₂ (points in the EVM precompile encodings).</summary>
    private byte[] ComputeDigest()
    {
        using var buffer = new MemoryStream();
        buffer.Write("rollup-plonk-vk-v1"u8);
        buffer.WriteByte((byte)Layout.K);
        buffer.Write(Keccak256.Hash(System.Text.Encoding.UTF8.GetBytes(CircuitFingerprint.Describe(Layout.System))).Bytes);
        foreach (var c in FixedCommitments) buffer.Write(c.Encode());
        foreach (var c in SigmaCommitments) buffer.Write(c.Encode());
        buffer.Write(G2.Encode());
        buffer.Write(TauG2.Encode());
        return Keccak256.Hash(buffer.ToArray()).ToArray();
    }
}
