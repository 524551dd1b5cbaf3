namespace Rollup.Crypto.Bls12381.Kzg;

/// <summary>
/// Outcome of <see cref="Eip4844Kzg.VerifyKzgProof"/>. The consensus specs make every result but
/// <see cref="Valid"/> and <see cref="Invalid"/> an error (the precompile fails either way).
/// </summary>
public enum KzgVerifyResult
{
    /// <summary>The proof opens the commitment to y at z.</summary>
    Valid,
    /// <summary>Well-formed inputs, but the pairing equation does not hold.</summary>
    Invalid,
    /// <summary>The commitment is not a canonical compressed G1 point (length, flags, range, curve, subgroup).</summary>
    BadCommitment,
    /// <summary>The proof is not a canonical compressed G1 point.</summary>
    BadProof,
    /// <summary>z is not 32 big-endian bytes below the BLS modulus r.</summary>
    BadZ,
    /// <summary>y is not 32 big-endian bytes below the BLS modulus r.</summary>
    BadY,
}
