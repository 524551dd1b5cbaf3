using Rollup.Crypto.Bn254.Fields;
using Rollup.Crypto.Kzg;
using Rollup.Plonk.Permutation;

namespace Rollup.Plonk.Keys;

/// <summary>What the prover needs beyond the verifying key: the SRS, the permutation, σ's values on H (for the grand
/// product) and a digest of each fixed column. No fixed values: the prover proves an assignment whose fixed columns
/// must be the key's (checked against the digests) and uses them in place; no coefficients and no evaluations on the
/// extended coset either (the prover interpolates per proof and evaluates the quotient one coset of n points at a
/// time, CosetQuotient). The key used to hold the fixed and σ columns 2 + 2^ExtendedLog times over, and the coset's
/// points and L₀ there.</summary>
public sealed class ProvingKey
{
    public required VerifyingKey Vk { get; init; }
    public required Srs Srs { get; init; }
    public required PermutationLayout Permutation { get; init; }
    /// <summary>SHA-256 of each fixed column's values (<see cref="DigestOf"/>).</summary>
    public required byte[][] FixedDigests { get; init; }
    public required Fr[][] SigmaValues { get; init; }

    /// <summary>Whether <paramref name="values"/> are fixed column <paramref name="index"/> of the circuit this key was made for.</summary>
    public bool IsFixedColumn(int index, ReadOnlySpan<Fr> values) => DigestOf(values).AsSpan().SequenceEqual(FixedDigests[index]);

    /// <summary>SHA-256 of a column's values as stored (field elements are kept canonical, so equal columns have equal bytes).</summary>
    public static byte[] DigestOf(ReadOnlySpan<Fr> values) =>
        System.Security.Cryptography.SHA256.HashData(System.Runtime.InteropServices.MemoryMarshal.AsBytes(values));

    /// <summary>[L_i(τ)]₁ on H, when the SRS provides them: the prover then commits columns from their values, which
    /// are often short (see <see cref="Srs.LagrangeBasis"/>); without them it commits coefficients (same points).</summary>
    public Rollup.Crypto.Bn254.Curves.G1Affine[]? LagrangeBases { get; init; }

    /// <summary>The shift of the extended coset: 5, which generates F_r*, so the coset misses every n-th root of unity.</summary>
    public static Fr CosetShift => Fr.MultiplicativeGenerator;
}
