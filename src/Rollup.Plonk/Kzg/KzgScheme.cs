using Rollup.Crypto.Bn254.Curves;
using Rollup.Crypto.Bn254.Fields;
using Rollup.Crypto.Bn254.Pairing;
using Rollup.Crypto.Kzg;
using Rollup.Plonk.Protocol;

namespace Rollup.Plonk.Kzg;

/// <summary>Several polynomials opened at one point z: their commitments and claimed values, combined with powers of
/// <see cref="V"/>, and the one witness for the combination.</summary>
public sealed record PointOpening(Fr Z, IReadOnlyList<G1Affine> Commitments, IReadOnlyList<Fr> Values, Fr V, G1Affine Witness);

/// <summary>KZG polynomial commitments on BN254: commit, open one or several polynomials at a point, and check
/// openings at several points with a single pairing product.</summary>
public static class KzgScheme
{
    public static G1Affine Commit(Srs srs, ReadOnlySpan<Fr> coeffs)
    {
        if (coeffs.Length > srs.Size) throw new ArgumentException($"degree {coeffs.Length - 1} needs {coeffs.Length} SRS powers, the SRS has {srs.Size}");
        return PolyOps.Msm(srs.G1Powers.AsSpan(0, coeffs.Length), coeffs).ToAffine();
    }

    /// <summary>p(z) and the witness [(p(X) − p(z))/(X − z)]₁.</summary>
    public static (Fr Value, G1Affine Witness) Open(Srs srs, ReadOnlySpan<Fr> coeffs, Fr z) =>
        (PolyOps.EvaluateAt(coeffs, z), Witness(srs, coeffs, z));

    /// <summary>The witness for Σ v^k·p_k at z (k from 0): one group element for all the polynomials.</summary>
    public static G1Affine OpenBatch(Srs srs, IReadOnlyList<Fr[]> polys, Fr z, Fr v)
    {
        int length = polys.Max(p => p.Length);
        var combined = new Fr[length];
        var power = Fr.One;
        foreach (var p in polys)
        {
            for (int i = 0; i < p.Length; i++) combined[i] += p[i] * power;
            power *= v;
        }
        return Witness(srs, combined, z);
    }

    private static G1Affine Witness(Srs srs, ReadOnlySpan<Fr> coeffs, Fr z)
    {
        var quotient = PolyOps.DivideByLinear(coeffs, z);
        return quotient.Length == 0 ? G1Affine.Infinity : Commit(srs, quotient);
    }

    public static bool Verify(Srs srs, G1Affine commitment, Fr z, Fr value, G1Affine witness) =>
        VerifyMultiPoint(srs.G2, srs.TauG2, [new PointOpening(z, [commitment], [value], Fr.One, witness)], Fr.One);

    /// <summary>Checks openings at several points at once: with C_j = Σ_k v_j^k·C_jk and e_j = Σ_k v_j^k·e_jk,
    /// e(Σ_j u^j·W_j, [τ]₂) = e(Σ_j u^j·(C_j − e_j·[1]₁ + z_j·W_j), [1]₂). <paramref name="u"/> must be a challenge
    /// drawn after every witness is fixed.</summary>
    public static bool VerifyMultiPoint(G2Affine g2, G2Affine tauG2, IReadOnlyList<PointOpening> openings, Fr u)
    {
        var left = G1Jacobian.Infinity;
        var right = G1Jacobian.Infinity;
        var uPower = Fr.One;
        foreach (var o in openings)
        {
            var combined = G1Jacobian.Infinity;
            var value = Fr.Zero;
            var vPower = Fr.One;
            for (int k = 0; k < o.Commitments.Count; k++)
            {
                combined += o.Commitments[k].ToJacobian().Multiply(vPower);
                value += o.Values[k] * vPower;
                vPower *= o.V;
            }
            var witness = o.Witness.ToJacobian();
            left += witness.Multiply(uPower);
            right += (combined - G1Jacobian.Generator.Multiply(value) + witness.Multiply(o.Z)).Multiply(uPower);
            uPower *= u;
        }
        return Bn254Pairing.PairingCheck([left.ToAffine(), (-right).ToAffine()], [tauG2, g2]);
    }
}
