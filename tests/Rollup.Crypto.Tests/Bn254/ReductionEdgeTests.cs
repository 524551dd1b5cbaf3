using System.Numerics;
using Rollup.Crypto.Bn254.Fields;

namespace Rollup.Crypto.Tests.Bn254;

/// <summary>
/// Sums landing next to the modulus: the final subtraction decides from the top limb unless it
/// equals the modulus's, so both sides of that tie are exercised (sums M-3..M+3 built from many
/// splits, doublings of values near M/2) for both fields, against BigInteger.
/// </summary>
public class ReductionEdgeTests
{
    [Fact]
    public void Fq_sums_and_doublings_next_to_the_modulus_are_reduced_exactly()
    {
        BigInteger m = Fq.Modulus;
        foreach (var (a, b) in Splits(m))
        {
            Assert.Equal((a + b) % m, (Fq.FromBigInteger(a) + Fq.FromBigInteger(b)).ToBigInteger());
            Assert.Equal(((a - b) % m + m) % m, (Fq.FromBigInteger(a) - Fq.FromBigInteger(b)).ToBigInteger());
        }
        for (int d = -3; d <= 3; d++)
        {
            BigInteger h = (m + 1) / 2 + d;
            Assert.Equal(2 * h % m, Fq.FromBigInteger(h).Double().ToBigInteger());
        }
    }

    [Fact]
    public void Fr_sums_and_doublings_next_to_the_modulus_are_reduced_exactly()
    {
        BigInteger m = Fr.Modulus;
        foreach (var (a, b) in Splits(m))
        {
            Assert.Equal((a + b) % m, (Fr.FromBigInteger(a) + Fr.FromBigInteger(b)).ToBigInteger());
            Assert.Equal(((a - b) % m + m) % m, (Fr.FromBigInteger(a) - Fr.FromBigInteger(b)).ToBigInteger());
        }
        for (int d = -3; d <= 3; d++)
        {
            BigInteger h = (m + 1) / 2 + d;
            Assert.Equal(2 * h % m, Fr.FromBigInteger(h).Double().ToBigInteger());
        }
    }

    /// <summary>Pairs of canonical values whose sum is M + d for d in -3..3, split in several ways
    /// (one tiny and one huge operand, two halves, operands differing in the low limbs only).</summary>
    private static IEnumerable<(BigInteger, BigInteger)> Splits(BigInteger m)
    {
        BigInteger lowMask = (BigInteger.One << 192) - 1;
        for (int d = -3; d <= 3; d++)
        {
            BigInteger s = m + d;
            foreach (BigInteger a in new[] { BigInteger.One * 4, m - 1, s / 2, (m & lowMask) + 7, m - (m & lowMask) })
            {
                BigInteger b = s - a;
                if (a >= 0 && a < m && b >= 0 && b < m) yield return (a, b);
            }
        }
    }
}
