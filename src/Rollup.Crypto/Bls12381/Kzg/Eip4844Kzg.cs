using System.Numerics;
using Rollup.Crypto.Bls12381.Curves;
using Rollup.Crypto.Bls12381.Fields;
using Rollup.Crypto.Bls12381.Pairing;

namespace Rollup.Crypto.Bls12381.Kzg;

/// <summary>
/// KZG opening verification as EIP-4844 and the consensus specs (polynomial-commitments,
/// <c>verify_kzg_proof</c>) define it: the polynomial committed in C takes the value y at z when
/// e(C - [y]G1, G2) = e(π, [τ]G2 - [z]G2).
/// </summary>
public static class Eip4844Kzg
{
    /// <summary>FIELD_ELEMENTS_PER_BLOB.</summary>
    public const int FieldElementsPerBlob = 4096;

    public const int CommitmentLength = G1Affine.CompressedLength;
    public const int ProofLength = G1Affine.CompressedLength;
    public const int FieldElementLength = 32;

    /// <summary>BLS_MODULUS: the order r of G1 and G2.</summary>
    public static BigInteger BlsModulus => Fr.Modulus;

    // -G2 and [τ]G2 with their Miller-loop lines computed once: the check below only evaluates them.
    private static readonly G2Prepared NegG2 = G2Prepared.From(G2Affine.Generator.Negate());
    private static readonly G2Prepared TauG2 = G2Prepared.From(TrustedSetup.TauG2);

    /// <summary>
    /// verify_kzg_proof(commitment, z, y, proof) on the encoded inputs: commitment and proof as
    /// 48-byte compressed G1 points (infinity allowed), z and y as 32-byte big-endian field elements.
    /// </summary>
    public static KzgVerifyResult VerifyKzgProof(ReadOnlySpan<byte> commitment, ReadOnlySpan<byte> z,
        ReadOnlySpan<byte> y, ReadOnlySpan<byte> proof)
    {
        if (z.Length != FieldElementLength || !Fr.TryFromBigEndian(z, out Fr zf)) return KzgVerifyResult.BadZ;
        if (y.Length != FieldElementLength || !Fr.TryFromBigEndian(y, out Fr yf)) return KzgVerifyResult.BadY;
        if (!G1Affine.TryDecode(commitment, out G1Affine c)) return KzgVerifyResult.BadCommitment;
        if (!G1Affine.TryDecode(proof, out G1Affine pi)) return KzgVerifyResult.BadProof;
        return VerifyKzgProof(c, zf, yf, pi) ? KzgVerifyResult.Valid : KzgVerifyResult.Invalid;
    }

    /// <summary>
    /// The pairing check on decoded, validated inputs. Since e(π, [τ]G2 - [z]G2) = e(π, [τ]G2) · e([z]π, G2)^-1,
    /// the defining equation is equivalent to e(C - [y]G1 + [z]π, -G2) · e(π, [τ]G2) = 1: two G1
    /// scalar multiplications instead of one in G2 (about three times dearer), and the two pairings
    /// share one Miller loop and one final exponentiation. The tests compare it with the literal form.
    /// </summary>
    public static bool VerifyKzgProof(in G1Affine commitment, in Fr z, in Fr y, in G1Affine proof) =>
        VerifyKzgProof(commitment, z, y, proof, TauG2);

    /// <summary>The same check against another setup's [τ]G2 (tests build setups with a known τ).</summary>
    internal static bool VerifyKzgProof(in G1Affine commitment, in Fr z, in Fr y, in G1Affine proof, in G2Affine tauG2) =>
        VerifyKzgProof(commitment, z, y, proof, G2Prepared.From(tauG2));

    private static bool VerifyKzgProof(in G1Affine commitment, in Fr z, in Fr y, in G1Affine proof, G2Prepared tauG2)
    {
        // C + [z]π - [y]G1, the two multiplications sharing their doublings.
        G1Jacobian lhs = commitment.ToJacobian() + G1Jacobian.MultiplySum(proof.ToJacobian(), z, G1Jacobian.Generator, -y);
        return Bls12381Pairing.PairingCheckPrepared([lhs.ToAffine(), proof], [NegG2, tauG2]);
    }
}
