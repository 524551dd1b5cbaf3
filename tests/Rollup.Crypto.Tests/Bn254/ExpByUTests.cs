using System.Numerics;
using Rollup.Crypto.Bn254;
using Rollup.Crypto.Bn254.Pairing;
using Rollup.Crypto.Bn254.Towers;

namespace Rollup.Crypto.Tests.Bn254;

/// <summary>The exponentiation by u of the final exponentiation's hard part (its digit table is hand-chosen).</summary>
public class ExpByUTests
{
    [Fact]
    public void The_digits_spell_u()
    {
        BigInteger v = 0;
        foreach (sbyte d in FinalExponentiation.UDigits) v = 2 * v + d;
        Assert.Equal(new BigInteger(Bn254Parameters.U), v);
    }

    [Fact]
    public void Exponentiation_by_u_equals_the_generic_power_on_the_cyclotomic_subgroup()
    {
        var rng = new Random(7);
        for (int i = 0; i < 3; i++)
        {
            // f^((q^6 - 1)(q^2 + 1)) lies in the cyclotomic subgroup, where ExpByU's squarings are valid.
            Fq12 g = Fq12.Random(rng);
            Fq12 t = g.Conjugate() * g.Inverse();
            Fq12 f = t.Frobenius(2) * t;
            Assert.Equal(f.Pow(new BigInteger(Bn254Parameters.U)), FinalExponentiation.ExpByU(f));
        }
    }
}
