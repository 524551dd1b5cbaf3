using Rollup.Core.Crypto;
using Rollup.Crypto.Bn254.Curves;
using Rollup.Crypto.Bn254.Fields;

namespace Rollup.Plonk.Transcript;

/// <summary>Fiat-Shamir over Keccak-256, with a byte layout simple enough for Solidity to replay with one keccak256
/// per step (docs/transcript.md is the specification):
/// <list type="bullet">
/// <item>start: state = keccak256("rollup-plonk-v1" ‖ vk_digest)</item>
/// <item>absorb a scalar: state = keccak256(state ‖ 0x01 ‖ s as 32 bytes big-endian)</item>
/// <item>absorb a G1 point: state = keccak256(state ‖ 0x02 ‖ x ‖ y), each 32 bytes big-endian (infinity = 0, 0)</item>
/// <item>challenge: state = keccak256(state ‖ 0x03); the challenge is state as a big-endian integer mod r</item>
/// </list>
/// The tag bytes keep the three operations from ever producing the same hash input.</summary>
public sealed class KeccakTranscript
{
    public static readonly byte[] DomainTag = "rollup-plonk-v1"u8.ToArray();
    private const byte ScalarTag = 0x01, PointTag = 0x02, ChallengeTag = 0x03;

    private readonly byte[] _state = new byte[32];

    public KeccakTranscript(ReadOnlySpan<byte> verifyingKeyDigest)
    {
        var init = new byte[DomainTag.Length + verifyingKeyDigest.Length];
        DomainTag.CopyTo(init, 0);
        verifyingKeyDigest.CopyTo(init.AsSpan(DomainTag.Length));
        Keccak256.Hash(init, _state);
    }

    /// <summary>The running state (tests compare it with the Solidity verifier's).</summary>
    public ReadOnlySpan<byte> State => _state;

    public void Absorb(in Fr scalar)
    {
        Span<byte> buffer = stackalloc byte[32 + 1 + 32];
        _state.CopyTo(buffer);
        buffer[32] = ScalarTag;
        scalar.WriteBigEndian(buffer[33..]);
        Keccak256.Hash(buffer, _state);
    }

    public void Absorb(in G1Affine point)
    {
        Span<byte> buffer = stackalloc byte[32 + 1 + 64];
        _state.CopyTo(buffer);
        buffer[32] = PointTag;
        point.Encode(buffer[33..]);
        Keccak256.Hash(buffer, _state);
    }

    public Fr Challenge()
    {
        Span<byte> buffer = stackalloc byte[33];
        _state.CopyTo(buffer);
        buffer[32] = ChallengeTag;
        Keccak256.Hash(buffer, _state);
        return Fr.FromBigInteger(new System.Numerics.BigInteger(_state, isUnsigned: true, isBigEndian: true) % Fr.Modulus);
    }
}
