using System.Numerics;
using Rollup.Crypto.Bls12381.Fields;

namespace Rollup.Crypto.Bls12381.Towers;

public readonly partial struct Fp12
{
    // (Σ c_j w^j)^(p^k) = Σ frob_k(c_j) · w^j · ξ^(j(p^k - 1)/6), because w^6 = ξ.
    // FrobeniusCoefficients[k-1][j] = ξ^(j(p^k - 1)/6), computed from the field at startup so no
    // constant is pasted in; the tests check the map against x^(p^k).
    private static readonly Fp2[][] FrobeniusCoefficients = BuildCoefficients();

    private static Fp2[][] BuildCoefficients()
    {
        BigInteger p = Fp.Modulus;
        var table = new Fp2[3][];
        for (int k = 1; k <= 3; k++)
        {
            BigInteger e = (BigInteger.Pow(p, k) - 1) / 6;
            Fp2 step = Fp2.Xi.Pow(e);
            table[k - 1] = new Fp2[6];
            Fp2 g = Fp2.One;
            for (int j = 0; j < 6; j++) { table[k - 1][j] = g; g *= step; }
        }
        return table;
    }

    /// <summary>ξ^(j(p^k - 1)/6) for k in 1..3, j in 0..5; the twist Frobenius ψ reuses these.</summary>
    internal static Fp2 FrobeniusCoefficient(int k, int j) => FrobeniusCoefficients[k - 1][j];

    /// <summary>f^(p^power) for power 1, 2 or 3 (higher powers compose: p^6 is <see cref="Conjugate"/>).</summary>
    public Fp12 Frobenius(int power)
    {
        if (power is < 1 or > 3) throw new ArgumentOutOfRangeException(nameof(power));
        Fp2[] g = FrobeniusCoefficients[power - 1];
        bool conj = (power & 1) == 1; // on F_p2, x^p is conjugation and x^(p^2) = x
        Fp2 F(in Fp2 x) => conj ? x.Conjugate() : x;
        return new Fp12(
            new Fp6(F(C0.C0), F(C0.C1) * g[2], F(C0.C2) * g[4]),
            new Fp6(F(C1.C0) * g[1], F(C1.C1) * g[3], F(C1.C2) * g[5]));
    }
}
