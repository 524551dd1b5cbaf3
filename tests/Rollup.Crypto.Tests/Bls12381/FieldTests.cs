using System.Numerics;
using Rollup.Crypto.Bls12381.Fields;

namespace Rollup.Crypto.Tests.Bls12381;

/// <summary>F_p (six limbs) and F_r (the shared four-limb core) against System.Numerics.BigInteger.</summary>
public class FieldTests
{
    private const int Cases = 5_000;
    private static readonly BigInteger P = Fp.Modulus;
    private static readonly BigInteger R = Fr.Modulus;

    private static BigInteger Mod(BigInteger v, BigInteger m) { v %= m; return v.Sign < 0 ? v + m : v; }

    /// <summary>Edge values (0, 1, p-1, (p±1)/2, powers of two near the limb and modulus sizes) then random ones.</summary>
    private static IEnumerable<(Fp, BigInteger)> FpSamples(int seed, int count)
    {
        BigInteger[] edges = [0, 1, 2, P - 1, P - 2, (P - 1) / 2, (P + 1) / 2, BigInteger.One << 380,
            (BigInteger.One << 380) - 1, BigInteger.One << 64, (BigInteger.One << 320) - 1, Mod(BigInteger.One << 384, P)];
        foreach (var e in edges) yield return (Fp.FromBigInteger(e), e);
        var rng = new Random(seed);
        for (int i = 0; i < count; i++) { Fp t = Fp.Random(rng); yield return (t, t.ToBigInteger()); }
    }

    private static IEnumerable<(Fr, BigInteger)> FrSamples(int seed, int count)
    {
        BigInteger[] edges = [0, 1, 2, R - 1, R - 2, (R - 1) / 2, (R + 1) / 2, BigInteger.One << 254,
            (BigInteger.One << 254) - 1, BigInteger.One << 64, Mod(BigInteger.One << 256, R)];
        foreach (var e in edges) yield return (Fr.FromBigInteger(e), e);
        var rng = new Random(seed);
        for (int i = 0; i < count; i++) { Fr t = Fr.Random(rng); yield return (t, t.ToBigInteger()); }
    }

    [Fact]
    public void Fp_constants_match_their_definitions()
    {
        Assert.Equal(BigInteger.Parse("4002409555221667393417789825735904156556882819939007885332058136124031650490837864442687629129015664037894272559787"), P);
        BigInteger two64 = BigInteger.One << 64;
        Assert.Equal(two64 - 1, Montgomery384.NegInv * (BigInteger)Montgomery384.M0 % two64);
        Assert.Equal((BigInteger.One << 384) % P, U384Codec.ToBigInteger(Montgomery384.One));
        Assert.Equal(1, Fp.One.ToBigInteger());
        Assert.Equal(3, (int)(P % 4));
        // The no-carry CIOS shortcut needs the top limb below (2^64 - 1)/2 - 1.
        Assert.True(Montgomery384.M5 < ulong.MaxValue / 2 - 1);
    }

    [Fact]
    public void Fr_constants_match_their_definitions()
    {
        Assert.Equal(BigInteger.Parse("52435875175126190479447740508185965837690552500527637822603658699938581184513"), R);
        BigInteger two64 = BigInteger.One << 64;
        BigInteger Limbs(ulong a, ulong b, ulong c, ulong d) => a + ((BigInteger)b << 64) + ((BigInteger)c << 128) + ((BigInteger)d << 192);
        Assert.Equal(two64 - 1, FrModulus.NegInv * (BigInteger)FrModulus.M0 % two64);
        Assert.Equal((BigInteger.One << 256) % R, Limbs(FrModulus.R0, FrModulus.R1, FrModulus.R2, FrModulus.R3));
        Assert.Equal((BigInteger.One << 512) % R, Limbs(FrModulus.RR0, FrModulus.RR1, FrModulus.RR2, FrModulus.RR3));
        // What the shared 4-limb core assumes: the no-carry top limb and 2r < 2^256.
        Assert.True(FrModulus.M3 < ulong.MaxValue / 2 - 1);
        Assert.True(2 * R < BigInteger.One << 256);
    }

    [Fact]
    public void Fp_arithmetic_matches_BigInteger()
    {
        foreach (var ((a, ab), (b, bb)) in FpSamples(1, Cases).Zip(FpSamples(2, Cases)))
        {
            Assert.Equal(Mod(ab * bb, P), (a * b).ToBigInteger());
            Assert.Equal(Mod(ab * ab, P), a.Square().ToBigInteger());
            Assert.Equal(Mod(ab + bb, P), (a + b).ToBigInteger());
            Assert.Equal(Mod(ab - bb, P), (a - b).ToBigInteger());
            Assert.Equal(Mod(-ab, P), (-a).ToBigInteger());
            Assert.Equal(Mod(2 * ab, P), a.Double().ToBigInteger());
        }
    }

    [Fact]
    public void Fp_inverse_pow_and_sqrt_match_BigInteger()
    {
        int i = 0, squares = 0;
        var rng = new Random(3);
        var buf = new byte[49];
        foreach (var (a, ab) in FpSamples(4, 400))
        {
            Assert.Equal(ab.IsZero ? 0 : 1, Mod(ab * a.Inverse().ToBigInteger(), P));
            rng.NextBytes(buf); buf[^1] = 0;
            var e = new BigInteger(buf);
            Assert.Equal(BigInteger.ModPow(ab, e, P), a.Pow(e).ToBigInteger());
            BigInteger euler = ab.IsZero ? 0 : BigInteger.ModPow(ab, (P - 1) / 2, P);
            Assert.Equal(euler.IsZero ? 0 : euler.IsOne ? 1 : -1, a.Legendre());
            bool ok = a.TrySqrt(out Fp root);
            Assert.Equal(!(euler > 1), ok);
            if (ok) { Assert.Equal(ab, Mod(root.ToBigInteger() * root.ToBigInteger(), P)); squares++; }
            Assert.True(a.Square().TrySqrt(out Fp r2) && (r2 == a || r2 == -a));
            i++;
        }
        Assert.InRange(squares, i / 3, 2 * i / 3);
    }

    [Fact]
    public void Fp_bytes_round_trip_and_reject_non_canonical_values()
    {
        foreach (var (a, ab) in FpSamples(5, Cases))
        {
            byte[] bytes = a.ToBigEndian();
            Assert.Equal(48, bytes.Length);
            Assert.Equal(ab, new BigInteger(bytes, isUnsigned: true, isBigEndian: true));
            Assert.True(Fp.TryFromBigEndian(bytes, out Fp back));
            Assert.Equal(a, back);
        }
        foreach (BigInteger v in new[] { P, P + 1, 2 * P - 1, (BigInteger.One << 384) - 1, BigInteger.One << 381 })
            Assert.False(Fp.TryFromBigEndian(Be(v, 48), out _), $"accepted {v}");
    }

    [Fact]
    public void Fp_lexicographic_order_splits_at_half_the_modulus()
    {
        BigInteger half = (P - 1) / 2;
        Assert.False(Fp.Zero.IsLexicographicallyLargest);
        Assert.False(Fp.FromBigInteger(half).IsLexicographicallyLargest);
        Assert.True(Fp.FromBigInteger(half + 1).IsLexicographicallyLargest);
        Assert.True(Fp.FromBigInteger(P - 1).IsLexicographicallyLargest);
        foreach (var (a, ab) in FpSamples(6, 1000)) Assert.Equal(ab > half, a.IsLexicographicallyLargest);
    }

    [Fact]
    public void Fp_batch_inverse_matches_single_inverses_and_keeps_zeros()
    {
        var rng = new Random(7);
        var values = new Fp[40];
        for (int i = 0; i < values.Length; i++) values[i] = i % 7 == 3 ? Fp.Zero : Fp.Random(rng);
        var expected = values.Select(v => v.Inverse()).ToArray();
        Fp.BatchInverse(values);
        Assert.Equal(expected, values);
    }

    [Fact]
    public void Fr_arithmetic_matches_BigInteger()
    {
        foreach (var ((a, ab), (b, bb)) in FrSamples(11, Cases).Zip(FrSamples(12, Cases)))
        {
            Assert.Equal(Mod(ab * bb, R), (a * b).ToBigInteger());
            Assert.Equal(Mod(ab * ab, R), a.Square().ToBigInteger());
            Assert.Equal(Mod(ab + bb, R), (a + b).ToBigInteger());
            Assert.Equal(Mod(ab - bb, R), (a - b).ToBigInteger());
            Assert.Equal(Mod(-ab, R), (-a).ToBigInteger());
            Assert.Equal(Mod(2 * ab, R), a.Double().ToBigInteger());
            Assert.Equal(ab.IsZero ? 0 : 1, Mod(ab * a.Inverse().ToBigInteger(), R));
        }
    }

    [Fact]
    public void Fr_bytes_round_trip_and_reject_values_at_or_above_r()
    {
        foreach (var (a, ab) in FrSamples(13, Cases))
        {
            byte[] bytes = a.ToBigEndian();
            Assert.Equal(ab, new BigInteger(bytes, isUnsigned: true, isBigEndian: true));
            Assert.True(Fr.TryFromBigEndian(bytes, out Fr back));
            Assert.Equal(a, back);
        }
        foreach (BigInteger v in new[] { R, R + 1, 2 * R - 1, (BigInteger.One << 256) - 1, BigInteger.One << 255 })
            Assert.False(Fr.TryFromBigEndian(Be(v, 32), out _), $"accepted {v}");
        Assert.True(Fr.TryFromBigEndian(Be(R - 1, 32), out Fr max));
        Assert.Equal(R - 1, max.ToBigInteger());
    }

    internal static byte[] Be(BigInteger v, int length)
    {
        byte[] raw = v.ToByteArray(isUnsigned: true, isBigEndian: true);
        var b = new byte[length];
        raw.CopyTo(b, length - raw.Length);
        return b;
    }
}
