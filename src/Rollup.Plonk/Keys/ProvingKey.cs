using Rollup.Crypto.Bn254.Fields;
using Rollup.Crypto.Kzg;
using Rollup.Plonk.Permutation;

namespace Rollup.Plonk.Keys;

/// <summary>What the prover needs beyond the verifying key: the SRS, the fixed and σ polynomials as coefficients and as
/// evaluations on the extended coset (where the quotient is computed), σ's values on H (for the grand product), and
/// the coset's points, L₀ and 1/(Xⁿ − 1) there.</summary>
public sealed class ProvingKey
{
    public required VerifyingKey Vk { get; init; }
    public required Srs Srs { get; init; }
    public required PermutationLayout Permutation { get; init; }
    public required Fr[][] FixedValues { get; init; }
    public required Fr[][] FixedCoefficients { get; init; }
    public required Fr[][] FixedExtended { get; init; }
    public required Fr[][] SigmaValues { get; init; }
    public required Fr[][] SigmaCoefficients { get; init; }
    public required Fr[][] SigmaExtended { get; init; }
    /// <summary>The extended coset's points g·ω_N^i.</summary>
    public required Fr[] CosetPoints { get; init; }
    public required Fr[] LagrangeFirstExtended { get; init; }
    /// <summary>1/(Xⁿ − 1) on the coset: it repeats with period N/n, so only that many values.</summary>
    public required Fr[] VanishingInverse { get; init; }

    /// <summary>[L_i(τ)]₁ on H, when the SRS provides them: the prover then commits columns from their values, which
    /// are often short (see <see cref="Srs.LagrangeBasis"/>); without them it commits coefficients (same points).</summary>
    public Rollup.Crypto.Bn254.Curves.G1Affine[]? LagrangeBases { get; init; }

    /// <summary>The shift of the extended coset: 5, which generates F_r*, so the coset misses every n-th root of unity.</summary>
    public static Fr CosetShift => Fr.MultiplicativeGenerator;
}
