using Rollup.Crypto.Bn254.Fields;

namespace Rollup.Crypto.Tests.Bn254;

public class BranchFreeTests
{
    [Fact]
    public void Fq_matches_the_branching_arithmetic() => Check<FqModulus>();

    [Fact]
    public void Fr_matches_the_branching_arithmetic() => Check<FrModulus>();

    private static void Check<P>() where P : struct, IModulus
    {
        var rng = new Random(11);
        U256 m = Montgomery<P>.Modulus;
        U256 top = new(m.L0 - 1, m.L1, m.L2, m.L3);           // M - 1 (M is odd, so no borrow)
        var values = new List<U256> { default, new(1, 0, 0, 0), top, Montgomery<P>.One };
        for (int i = 0; i < 60; i++)
            values.Add(LimbCodec.RandomBelow(rng, m, static v => Montgomery<P>.IsCanonical(v)));
        foreach (var a in values)
        {
            Assert.True(BranchFree<P>.NegateIf(a, 0).Equals(a));
            Assert.True(BranchFree<P>.NegateIf(a, 1).Equals(Montgomery<P>.Neg(a)));
            foreach (var b in values)
            {
                Assert.True(BranchFree<P>.Add(a, b).Equals(Montgomery<P>.Add(a, b)));
                Assert.True(BranchFree<P>.Sub(a, b).Equals(Montgomery<P>.Sub(a, b)));
            }
        }
    }
}
