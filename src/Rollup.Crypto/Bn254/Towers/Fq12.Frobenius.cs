using System.Numerics;
using Rollup.Crypto.Bn254.Fields;

namespace Rollup.Crypto.Bn254.Towers;

public readonly partial struct Fq12
{
    // (Σ c_j w^j)^(q^k) = Σ frob_k(c_j) · w^j · ξ^(j(q^k - 1)/6), because w^6 = ξ.
    // FrobeniusCoefficients[k-1][j] = ξ^(j(q^k - 1)/6), computed from the field at startup so no
    // constant is pasted in; the tests check the map against x^(q^k).
    private static readonly Fq2[][] FrobeniusCoefficients = BuildCoefficients();

    private static Fq2[][] BuildCoefficients()
    {
        BigInteger q = Fq.Modulus;
        var table = new Fq2[3][];
        for (int k = 1; k <= 3; k++)
        {
            BigInteger e = (BigInteger.Pow(q, k) - 1) / 6;
            Fq2 step = Fq2.Xi.Pow(e);
            table[k - 1] = new Fq2[6];
            Fq2 g = Fq2.One;
            for (int j = 0; j < 6; j++) { table[k - 1][j] = g; g *= step; }
        }
        // For k = 2 the coefficients ξ^(j(q^2 - 1)/6) lie in F_q; Frobenius(2) relies on it (it multiplies by
        // their real parts only), so it is checked once here.
        foreach (Fq2 c in table[1])
            if (!c.A1.IsZero) throw new InvalidOperationException("Frobenius(2) coefficient outside F_q");
        return table;
    }

    /// <summary>ξ^(j(q^k - 1)/6) for k in 1..3, j in 0..5; the twist Frobenius ψ reuses these.</summary>
    internal static Fq2 FrobeniusCoefficient(int k, int j) => FrobeniusCoefficients[k - 1][j];

    /// <summary>f^(q^power) for power 1, 2 or 3 (higher powers compose: q^6 is <see cref="Conjugate"/>).</summary>
    public Fq12 Frobenius(int power)
    {
        if (power is < 1 or > 3) throw new ArgumentOutOfRangeException(nameof(power));
        Fq2[] g = FrobeniusCoefficients[power - 1];
        if (power == 2)
        {
            // x^(q^2) = x on F_q2 and the coefficients lie in F_q: five F_q2·F_q products (2 F_q products each, not 3).
            return new Fq12(
                new Fq6(C0.C0, C0.C1 * g[2].A0, C0.C2 * g[4].A0),
                new Fq6(C1.C0 * g[1].A0, C1.C1 * g[3].A0, C1.C2 * g[5].A0));
        }

        // Powers 1 and 3 conjugate on F_q2; the five products by the coefficients are independent, so they run as
        // one eight-lane batch (scalar, with the same results, without AVX-512).
        Span<U256> storage = stackalloc U256[Fq2Batch.StorageFor(5, 0)];
        var batch = new Fq2Batch(storage, 5, 0);
        int p1 = batch.QueueProduct(C0.C1.Conjugate(), g[2]), p2 = batch.QueueProduct(C0.C2.Conjugate(), g[4]);
        int p3 = batch.QueueProduct(C1.C0.Conjugate(), g[1]), p4 = batch.QueueProduct(C1.C1.Conjugate(), g[3]);
        int p5 = batch.QueueProduct(C1.C2.Conjugate(), g[5]);
        batch.Run();
        return new Fq12(
            new Fq6(C0.C0.Conjugate(), batch.Product(p1), batch.Product(p2)),
            new Fq6(batch.Product(p3), batch.Product(p4), batch.Product(p5)));
    }
}
