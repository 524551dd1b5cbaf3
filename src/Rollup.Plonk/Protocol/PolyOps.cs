using Rollup.Crypto.Bn254.Curves;
using Rollup.Crypto.Bn254.Fields;
using Rollup.Crypto.Polynomials;

namespace Rollup.Plonk.Protocol;

/// <summary>The polynomial and group kernels the protocol calls, in one place, so the prover and the key generator
/// read as the protocol and the kernels (Rollup.Crypto: parallel NTTs, Pippenger MSM) can change underneath.</summary>
internal static class PolyOps
{
    /// <summary>Coefficients from evaluations on the n-th roots of unity (in place).</summary>
    public static void Interpolate(Span<Fr> values, int log2n) => Domain.OfLog2Size(log2n).InverseNtt(values);

    /// <summary>Evaluations on the n-th roots of unity from coefficients (in place).</summary>
    public static void Evaluate(Span<Fr> coeffs, int log2n) => Domain.OfLog2Size(log2n).Ntt(coeffs);

    /// <summary>Evaluations on the coset 5·H of size 2^log2n from coefficients (in place).</summary>
    public static void EvaluateOnCoset(Span<Fr> coeffs, int log2n, Fr shift)
    {
        var domain = Domain.OfLog2Size(log2n);
        if (shift != domain.CosetGenerator) throw new ArgumentException("the protocol's coset shift is the domain's coset generator (5)");
        domain.CosetNtt(coeffs);
    }

    /// <summary>Coefficients from evaluations on the coset 5·H (in place).</summary>
    public static void InterpolateFromCoset(Span<Fr> values, int log2n, Fr shift)
    {
        var domain = Domain.OfLog2Size(log2n);
        if (shift != domain.CosetGenerator) throw new ArgumentException("the protocol's coset shift is the domain's coset generator (5)");
        domain.CosetInverseNtt(values);
    }

    /// <summary>Evaluations on the coset c·H (H the 2^log2n-th roots of unity, any shift c) from coefficients, in
    /// place: coefficient i is scaled by c^i, then transformed. The prover walks the extended domain coset by coset
    /// with it (see CosetQuotient).</summary>
    public static void EvaluateOnShiftedDomain(Span<Fr> coeffs, int log2n, Fr shift)
    {
        Polynomial.ScaleByPowers(coeffs, shift, Fr.One);
        Domain.OfLog2Size(log2n).Ntt(coeffs);
    }

    /// <summary>The inverse of <see cref="EvaluateOnShiftedDomain"/>: coefficients from evaluations on c·H, in place.</summary>
    public static void InterpolateFromShiftedDomain(Span<Fr> values, int log2n, Fr shift)
    {
        var domain = Domain.OfLog2Size(log2n);
        domain.InverseNtt(values);
        Polynomial.ScaleByPowers(values, shift.Inverse(), Fr.One);
    }

    /// <summary>a_i·x^i for every i, in place.</summary>
    public static void ScaleByPowers(Span<Fr> a, Fr x) => Polynomial.ScaleByPowers(a, x, Fr.One);

    public static G1Jacobian Msm(ReadOnlySpan<G1Affine> bases, ReadOnlySpan<Fr> scalars) =>
        Crypto.Msm.Msm.Multiply(bases[..scalars.Length], scalars);

    /// <summary>p(z) by Horner's rule.</summary>
    public static Fr EvaluateAt(ReadOnlySpan<Fr> coeffs, Fr z) => Polynomial.Evaluate(coeffs, z);

    /// <summary>(p(X) − p(z)) / (X − z), the KZG opening witness polynomial.</summary>
    public static Fr[] DivideByLinear(ReadOnlySpan<Fr> coeffs, Fr z)
    {
        if (coeffs.Length <= 1) return [];
        var q = new Fr[coeffs.Length - 1];
        Polynomial.DivideByLinear(coeffs, z, q);
        return q;
    }
}
