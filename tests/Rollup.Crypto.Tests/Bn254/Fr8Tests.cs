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

    /// <summary>Raw (not necessarily reduced) values below 4r: what the lazy forward levels hold.</summary>
    private static U256[] Unreduced(int count, int seed)
    {
        var rng = new Random(seed);
        var v = new U256[count];
        var bytes = new byte[32];
        for (int i = 0; i < count; i++)
        {
            BigInteger x = rng.Next(5) switch
            {
                0 => 4 * R - 1 - rng.Next(3),
                1 => 2 * R + rng.Next(-2, 3),
                2 => R + rng.Next(-2, 3),
                _ => Random(rng) % (4 * R),
            };
            v[i] = LimbCodec.FromBigInteger(x);
        }
        return v;

        static BigInteger Random(Random rng)
        {
            var b = new byte[33];
            rng.NextBytes(b);
            b[32] = 0;
            return new BigInteger(b);
        }
    }

    [Fact]
    public void Lazy_forms_stay_below_their_bounds_and_agree_mod_r()
    {
        if (!Fr8Math.IsSupported) return;
        BigInteger rInv = BigInteger.ModPow(BigInteger.One << 256, R - 2, R);
        for (int round = 0; round < 200; round++)
        {
            var y = Unreduced(8, 3 * round);
            var x = Unreduced(8, 3 * round + 1);
            var zeta = Values(1, round)[0];
            var prod = new U256[8];
            var half = new U256[8];
            var sum = new U256[8];
            var diff = new U256[8];
            var canon = new U256[8];
            fixed (U256* py = y, px = x, pp = prod, ph = half, ps = sum, pd = diff, pc = canon)
            {
                Fr8Math.Load(py, out Fr8 yy);
                Fr8Math.Load(px, out Fr8 xx);
                Fr8Math.BroadcastTimes32(zeta.Limbs, out Fr8 z);
                Fr8Math.MulLazy(yy, z, out Fr8 t);
                Fr8Math.ReduceBelowTwiceModulus(xx, out Fr8 u);
                Fr8Math.AddLazy(u, t, out Fr8 s);
                Fr8Math.SubLazy(u, t, out Fr8 d);
                Fr8Math.ReduceFromFourTimesModulus(xx, out Fr8 c);
                Fr8Math.Normalize(ref t);   // the butterflies never store it unnormalized
                Fr8Math.Store(pp, t); Fr8Math.Store(ph, u); Fr8Math.Store(ps, s); Fr8Math.Store(pd, d); Fr8Math.Store(pc, c);
            }
            for (int i = 0; i < 8; i++)
            {
                BigInteger xi = LimbCodec.ToBigInteger(x[i]), yi = LimbCodec.ToBigInteger(y[i]);
                BigInteger t = LimbCodec.ToBigInteger(prod[i]), u = LimbCodec.ToBigInteger(half[i]);
                BigInteger s = LimbCodec.ToBigInteger(sum[i]), d = LimbCodec.ToBigInteger(diff[i]);
                Assert.True(t < 2 * R && u < 2 * R && s < 4 * R && d < 4 * R);
                Assert.Equal(yi * Raw(zeta) * rInv % R, t % R);
                Assert.Equal(xi % R, u % R);
                Assert.Equal((xi + t) % R, s % R);
                Assert.Equal(((xi - t) % R + R) % R, d % R);
                Assert.Equal(xi % R, LimbCodec.ToBigInteger(canon[i]));
            }
        }
    }
}
