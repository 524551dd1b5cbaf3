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
        return table;
    }

    /// <summary>ξ^(j(q^k - 1)/6) for k in 1..3, j in 0..5; the twist Frobenius ψ reuses these.</summary>
    internal static Fq2 FrobeniusCoefficient(int k, int j) => FrobeniusCoefficients[k - 1][j];

    /// <summary>f^(q^power) for power 1, 2 or 3 (higher powers compose: q^6 is <see cref="Conjugate"/>).</summary>
    public Fq12 Frobenius(int power)
    {
        if (power is < 1 or > 3) throw new ArgumentOutOfRangeException(nameof(power));
        Fq2[] g = FrobeniusCoefficients[power - 1];
        bool conj = (power & 1) == 1; // on F_q2, x^q is conjugation and x^(q^2) = x
        Fq2 F(in Fq2 x) => conj ? x.Conjugate() : x;
        return new Fq12(
            new Fq6(F(C0.C0), F(C0.C1) * g[2], F(C0.C2) * g[4]),
            new Fq6(F(C1.C0) * g[1], F(C1.C1) * g[3], F(C1.C2) * g[5]));
    }
}
