using Rollup.Crypto.Bn254.Fields;

namespace Rollup.Crypto.Polynomials;

/// <summary>
/// The Lagrange basis of a domain H = {ω^i}: L_i(ω^j) = δ_ij, and off H
/// L_i(z) = ω^i·(z^n − 1) / (n·(z − ω^i)).
/// </summary>
public static class Lagrange
{
    /// <summary>L_i(z).</summary>
    public static Fr Evaluate(Domain domain, int i, in Fr z)
    {
        Fr wi = domain.Element(i);
        Fr zh = domain.EvaluateVanishing(z);
        if (zh.IsZero) return z == wi ? Fr.One : Fr.Zero;      // z is in H
        return wi * zh * (domain.SizeInverse * (z - wi).Inverse());
    }

    /// <summary>All L_i(z), i &lt; n, with one shared inversion (Montgomery's trick).</summary>
    public static void EvaluateAll(Domain domain, in Fr z, Span<Fr> result)
    {
        int n = domain.Size;
        if (result.Length != n) throw new ArgumentException($"expected room for {n} values", nameof(result));
        Fr zh = domain.EvaluateVanishing(z);
        if (zh.IsZero)
        {
            // z = ω^j: the basis is the unit vector e_j.
            result.Clear();
            Fr w = Fr.One;
            for (int i = 0; i < n; i++, w *= domain.Generator)
                if (w == z) { result[i] = Fr.One; return; }
            throw new InvalidOperationException("z^n = 1 but z is not in the domain");
        }
        // result[i] = z − ω^i, inverted in one batch, then times ω^i·(z^n − 1)/n.
        Fr wi = Fr.One;
        for (int i = 0; i < n; i++, wi *= domain.Generator) result[i] = z - wi;
        Fr.BatchInverse(result);
        Fr factor = zh * domain.SizeInverse;
        wi = Fr.One;
        for (int i = 0; i < n; i++, wi *= domain.Generator) result[i] = result[i] * wi * factor;
    }
}
