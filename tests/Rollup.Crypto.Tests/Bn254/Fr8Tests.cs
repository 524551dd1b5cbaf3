using System.Numerics;
using Rollup.Crypto.Bn254.Fields;

namespace Rollup.Crypto.Tests.Bn254;

/// <summary>The eight-lane AVX-512 field arithmetic against BigInteger and the scalar Fr.</summary>
public unsafe class Fr8Tests
{
    private static readonly BigInteger R = Fr.Modulus;

    /// <summary>Random values with the edge cases 0, 1, r − 1 (and their Montgomery forms) mixed in.</summary>
    private static Fr[] Values(int count, int seed)
    {
        var rng = new Random(seed);
        var edges = new[] { Fr.Zero, Fr.One, -Fr.One, Fr.FromBigInteger(R - 2), new Fr(new U256(1, 0, 0, 0)), new Fr(new U256(0, 0, 0, 0)),
            Fr.FromBigInteger(BigInteger.One << 253), new Fr(new U256(ulong.MaxValue, ulong.MaxValue, ulong.MaxValue, 0x30644e72e131a028)) };
        var v = new Fr[count];
        for (int i = 0; i < count; i++) v[i] = rng.Next(4) == 0 ? edges[rng.Next(edges.Length)] : Fr.Random(rng);
        return v;
    }

    private static BigInteger Raw(in Fr x) => LimbCodec.ToBigInteger(x.Limbs);

    [Fact]
    public void Modulus_constants_are_r_in_radix_2_29()
    {
        if (!Fr8Math.IsSupported) return;
        ulong[] limbs = [Fr8Math.R0, Fr8Math.R1, Fr8Math.R2, Fr8Math.R3, Fr8Math.R4, Fr8Math.R5, Fr8Math.R6, Fr8Math.R7, Fr8Math.R8];
        BigInteger r = 0;
        for (int i = 8; i >= 0; i--) r = (r << 29) + limbs[i];
        Assert.Equal(R, r);
        Assert.Equal(BigInteger.One << 29, (((R * Fr8Math.NegInv) % (BigInteger.One << 29)) + 1));
    }

    [Fact]
    public void Split_and_join_round_trip_through_load_and_store()
    {
        if (!Fr8Math.IsSupported) return;
        var a = Values(8, 1);
        var b = new Fr[8];
        fixed (Fr* pa = a, pb = b)
        {
            Fr8Math.Load((U256*)pa, out Fr8 x);
            Fr8Math.Store((U256*)pb, x);
        }
        Assert.Equal(a, b);
    }

    [Fact]
    public void Product_matches_BigInteger_and_the_scalar_product()
    {
        if (!Fr8Math.IsSupported) return;
        BigInteger rInv = BigInteger.ModPow(BigInteger.One << 256, R - 2, R);
        for (int round = 0; round < 200; round++)
        {
            var a = Values(8, 2 * round);
            var b = Values(1, 2 * round + 1)[0];
            var c = new Fr[8];
            fixed (Fr* pa = a, pc = c)
            {
                Fr8Math.Load((U256*)pa, out Fr8 x);
                Fr8Math.BroadcastTimes32(b.Limbs, out Fr8 z);
                Fr8Math.Mul(x, z, out Fr8 p);
                Fr8Math.Store((U256*)pc, p);
            }
            for (int i = 0; i < 8; i++)
            {
                Assert.Equal(Raw(a[i]) * Raw(b) * rInv % R, Raw(c[i]));
                Assert.Equal(a[i] * b, c[i]);
            }
        }
    }

    [Fact]
    public void Product_with_per_lane_multiplicands_and_an_unreduced_multiplicand()
    {
        if (!Fr8Math.IsSupported) return;
        for (int round = 0; round < 100; round++)
        {
            var a = Values(8, 3 * round);
            var b = Values(8, 3 * round + 1);
            var y = Values(8, 3 * round + 2);
            var c = new Fr[8];
            fixed (Fr* pa = a, pb = b, py = y, pc = c)
            {
                Fr8Math.Load((U256*)pa, out Fr8 x);
                Fr8Math.Load((U256*)py, out Fr8 yy);
                ulong* q = (ulong*)pb;
                Fr8Math.ToLimbVectors(System.Runtime.Intrinsics.Vector512.Load(q), System.Runtime.Intrinsics.Vector512.Load(q + 8),
                    System.Runtime.Intrinsics.Vector512.Load(q + 16), System.Runtime.Intrinsics.Vector512.Load(q + 24),
                    out var w0, out var w1, out var w2, out var w3);
                Fr8Math.SplitTimes32(w0, w1, w2, w3, out Fr8 z);
                // (a − y + r) in [1, 2r) goes into the product unreduced.
                Fr8Math.SubPlusModulus(x, yy, out Fr8 e);
                Fr8Math.Mul(e, z, out Fr8 p);
                Fr8Math.Store((U256*)pc, p);
            }
            for (int i = 0; i < 8; i++) Assert.Equal((a[i] - y[i]) * b[i], c[i]);
        }
    }

    [Fact]
    public void Sum_and_difference_match_the_scalar_ones()
    {
        if (!Fr8Math.IsSupported) return;
        for (int round = 0; round < 200; round++)
        {
            var a = Values(8, 2 * round);
            var b = Values(8, 2 * round + 1);
            var s = new Fr[8];
            var d = new Fr[8];
            fixed (Fr* pa = a, pb = b, ps = s, pd = d)
            {
                Fr8Math.Load((U256*)pa, out Fr8 x);
                Fr8Math.Load((U256*)pb, out Fr8 y);
                Fr8Math.Add(x, y, out Fr8 sum);
                Fr8Math.Sub(x, y, out Fr8 diff);
                Fr8Math.Store((U256*)ps, sum);
                Fr8Math.Store((U256*)pd, diff);
            }
            for (int i = 0; i < 8; i++)
            {
                Assert.Equal(a[i] + b[i], s[i]);
                Assert.Equal(a[i] - b[i], d[i]);
            }
        }
    }
}
