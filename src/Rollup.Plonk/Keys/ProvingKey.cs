using Rollup.Crypto.Bn254.Fields;
using Rollup.Crypto.Kzg;
using Rollup.Plonk.Permutation;

namespace Rollup.Plonk.Keys;

/// <summary>What the prover needs beyond the verifying key: the SRS, the permutation, and the fixed and σ polynomials
/// by their values on H (σ's values also feed the grand product). Only values: the prover interpolates what it needs
/// per proof, and evaluates the quotient one coset of n points at a time (CosetQuotient), so the key holds no
/// coefficients and no evaluations on the extended coset (which were 2^ExtendedLog + 1 more copies of every fixed
/// and σ column, and the coset's points and L₀ there).</summary>
public sealed class ProvingKey
{
    public required VerifyingKey Vk { get; init; }
    public required Srs Srs { get; init; }
    public required PermutationLayout Permutation { get; init; }
    public required Fr[][] FixedValues { get; init; }
    public required Fr[][] SigmaValues { get; init; }

    /// <summary>[L_i(τ)]₁ on H, when the SRS provides them: the prover then commits columns from their values, which
    /// are often short (see <see cref="Srs.LagrangeBasis"/>); without them it commits coefficients (same points).</summary>
    public Rollup.Crypto.Bn254.Curves.G1Affine[]? LagrangeBases { get; init; }

    /// <summary>The shift of the extended coset: 5, which generates F_r*, so the coset misses every n-th root of unity.</summary>
    public static Fr CosetShift => Fr.MultiplicativeGenerator;
}
