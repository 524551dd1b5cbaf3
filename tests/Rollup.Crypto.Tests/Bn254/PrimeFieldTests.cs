using System.Numerics;
using Rollup.Crypto.Bn254.Fields;

namespace Rollup.Crypto.Tests.Bn254;

/// <summary>
/// Checks a Montgomery field type against System.Numerics.BigInteger arithmetic modulo the same prime.
/// Fq and Fr share these tests through the small adapter each subclass provides.
/// </summary>
public abstract class PrimeFieldTests<T> where T : struct, IEquatable<T>
{
    protected const int Cases = 10_000;

    protected abstract BigInteger P { get; }
    protected abstract T FromBig(BigInteger v);
    protected abstract BigInteger ToBig(T v);
    protected abstract T Rand(Random rng);
    protected abstract T Add(T a, T b);
    protected abstract T Sub(T a, T b);
    protected abstract T Mul(T a, T b);
    protected abstract T Sq(T a);
    protected abstract T Neg(T a);
    protected abstract T Dbl(T a);
    protected abstract T Inv(T a);
    protected abstract T Pow(T a, BigInteger e);
    protected abstract int Legendre(T a);
    protected abstract bool TrySqrt(T a, out T root);
    protected abstract byte[] ToBytes(T a);
    protected abstract bool TryFromBytes(byte[] b, out T a);
    protected abstract void BatchInverse(Span<T> values);

    private BigInteger Mod(BigInteger v) { v %= P; return v.Sign < 0 ? v + P : v; }

    /// <summary>Random values plus the edges: 0, 1, 2, p-1, p-2, (p-1)/2, 2^253 ± 1, values near 2^254 - 1 reduced.</summary>
    protected IEnumerable<(T, BigInteger)> Samples(int seed, int count)
    {
        BigInteger[] edges = [0, 1, 2, P - 1, P - 2, (P - 1) / 2, (P + 1) / 2, BigInteger.One << 253,
            (BigInteger.One << 253) - 1, Mod((BigInteger.One << 255) - 1), Mod(BigInteger.One << 255), Mod(BigInteger.One << 256)];
        foreach (var e in edges) yield return (FromBig(e), e);
        var rng = new Random(seed);
        for (int i = 0; i < count; i++) { T t = Rand(rng); yield return (t, ToBig(t)); }
    }

    private IEnumerable<((T, BigInteger) A, (T, BigInteger) B)> Pairs(int seed) =>
        Samples(seed, Cases).Zip(Samples(seed + 1, Cases));

    [Fact]
    public void Multiplication_matches_BigInteger()
    {
        foreach (var ((a, ab), (b, bb)) in Pairs(1)) Assert.Equal(Mod(ab * bb), ToBig(Mul(a, b)));
    }

    [Fact]
    public void Squaring_matches_BigInteger()
    {
        foreach (var (a, ab) in Samples(3, Cases)) Assert.Equal(Mod(ab * ab), ToBig(Sq(a)));
    }

    [Fact]
    public void Addition_subtraction_doubling_match_BigInteger()
    {
        foreach (var ((a, ab), (b, bb)) in Pairs(5))
        {
            Assert.Equal(Mod(ab + bb), ToBig(Add(a, b)));
            Assert.Equal(Mod(ab - bb), ToBig(Sub(a, b)));
            Assert.Equal(Mod(2 * ab), ToBig(Dbl(a)));
        }
    }

    [Fact]
    public void Negation_matches_BigInteger()
    {
        foreach (var (a, ab) in Samples(7, Cases)) Assert.Equal(Mod(-ab), ToBig(Neg(a)));
    }

    [Fact]
    public void Inverse_matches_modular_inverse_and_zero_maps_to_zero()
    {
        // a * a^-1 ≡ 1 checked with BigInteger products (ModPow per case would dominate the run time).
        foreach (var (a, ab) in Samples(9, Cases))
        {
            BigInteger inv = ToBig(Inv(a));
            Assert.Equal(ab.IsZero ? 0 : 1, Mod(ab * inv));
        }
    }

    [Fact]
    public void Exponentiation_matches_ModPow()
    {
        var rng = new Random(11);
        var buf = new byte[33];
        foreach (var (a, ab) in Samples(12, Cases))
        {
            rng.NextBytes(buf);
            buf[^1] = 0; // non-negative
            var e = new BigInteger(buf);
            Assert.Equal(BigInteger.ModPow(ab, e, P), ToBig(Pow(a, e)));
        }
    }

    [Fact]
    public void Legendre_and_sqrt_agree_with_Euler_criterion()
    {
        // Euler's criterion by BigInteger.ModPow on a slice; the remaining cases are checked through
        // the multiplicativity of the symbol: for a non-residue n, exactly one of a and a*n is a square.
        T nonResidue = default;
        foreach (var (c, _) in Samples(130, 100)) if (Legendre(c) == -1) { nonResidue = c; break; }
        int squares = 0, i = 0;
        foreach (var (a, ab) in Samples(13, Cases))
        {
            int symbol = Legendre(a);
            if (i++ < 500)
            {
                BigInteger euler = ab.IsZero ? 0 : BigInteger.ModPow(ab, (P - 1) / 2, P);
                Assert.Equal(euler.IsZero ? 0 : euler.IsOne ? 1 : -1, symbol);
            }
            bool ok = TrySqrt(a, out T root);
            Assert.Equal(symbol >= 0, ok);
            if (ok) { Assert.Equal(ab, Mod(ToBig(root) * ToBig(root))); squares++; }
            else
            {
                Assert.True(TrySqrt(Mul(a, nonResidue), out T r2));
                Assert.Equal(Mod(ab * ToBig(nonResidue)), Mod(ToBig(r2) * ToBig(r2)));
            }
        }
        Assert.InRange(squares, Cases / 3, 2 * Cases / 3);
    }

    [Fact]
    public void Squares_always_have_roots()
    {
        foreach (var (a, _) in Samples(14, Cases))
        {
            T s = Sq(a);
            Assert.True(TrySqrt(s, out T root));
            Assert.True(root.Equals(a) || root.Equals(Neg(a)));
        }
    }

    [Fact]
    public void Big_endian_bytes_round_trip()
    {
        foreach (var (a, ab) in Samples(15, Cases))
        {
            byte[] bytes = ToBytes(a);
            Assert.Equal(32, bytes.Length);
            Assert.Equal(ab, new BigInteger(bytes, isUnsigned: true, isBigEndian: true));
            Assert.True(TryFromBytes(bytes, out T back));
            Assert.Equal(a, back);
        }
    }

    [Fact]
    public void Parsing_rejects_values_at_or_above_the_modulus()
    {
        foreach (BigInteger v in new[] { P, P + 1, (BigInteger.One << 256) - 1, BigInteger.One << 254, 2 * P - 1 })
        {
            byte[] b = v.ToByteArray(isUnsigned: true, isBigEndian: true);
            Assert.False(TryFromBytes(b, out _), $"accepted {v}");
        }
        Assert.True(TryFromBytes((P - 1).ToByteArray(isUnsigned: true, isBigEndian: true), out T max));
        Assert.Equal(P - 1, ToBig(max));
    }

    [Fact]
    public void Batch_inversion_matches_single_inversions_and_keeps_zeros()
    {
        var rng = new Random(16);
        foreach (int n in new[] { 0, 1, 2, 7, 300, 1000 })
        {
            var values = new T[n];
            for (int i = 0; i < n; i++) values[i] = i % 17 == 3 ? default : Rand(rng);
            var expected = values.Select(Inv).ToArray();
            BatchInverse(values);
            Assert.Equal(expected, values);
        }
    }

    [Fact]
    public void Field_laws_hold_on_random_elements()
    {
        var rng = new Random(17);
        T one = FromBig(1);
        for (int i = 0; i < 2000; i++)
        {
            T a = Rand(rng), b = Rand(rng), c = Rand(rng);
            Assert.Equal(Mul(Mul(a, b), c), Mul(a, Mul(b, c)));
            Assert.Equal(Mul(a, Add(b, c)), Add(Mul(a, b), Mul(a, c)));
            Assert.Equal(one, Mul(a, Inv(a)));
        }
    }
}

public sealed class FqFieldTests : PrimeFieldTests<Fq>
{
    protected override BigInteger P => Fq.Modulus;
    protected override Fq FromBig(BigInteger v) => Fq.FromBigInteger(v);
    protected override BigInteger ToBig(Fq v) => v.ToBigInteger();
    protected override Fq Rand(Random rng) => Fq.Random(rng);
    protected override Fq Add(Fq a, Fq b) => a + b;
    protected override Fq Sub(Fq a, Fq b) => a - b;
    protected override Fq Mul(Fq a, Fq b) { Fq.Multiply(a, b, out Fq r); return r; }
    protected override Fq Sq(Fq a) => a.Square();
    protected override Fq Neg(Fq a) => -a;
    protected override Fq Dbl(Fq a) => a.Double();
    protected override Fq Inv(Fq a) => a.Inverse();
    protected override Fq Pow(Fq a, BigInteger e) => a.Pow(e);
    protected override int Legendre(Fq a) => a.Legendre();
    protected override bool TrySqrt(Fq a, out Fq root) => a.TrySqrt(out root);
    protected override byte[] ToBytes(Fq a) => a.ToBigEndian();
    protected override bool TryFromBytes(byte[] b, out Fq a) => Fq.TryFromBigEndian(Pad(b), out a);
    protected override void BatchInverse(Span<Fq> values) => Fq.BatchInverse(values);
    internal static byte[] Pad(byte[] b) => b.Length >= 32 ? b : new byte[32 - b.Length].Concat(b).ToArray();

    [Fact]
    public void Constants_match_their_definitions()
    {
        Assert.Equal(BigInteger.Parse("21888242871839275222246405745257275088696311157297823662689037894645226208583"), Fq.Modulus);
        ModulusConstantsCheck.Check<FqModulus>(Fq.Modulus);
        Assert.Equal(3, (int)(Fq.Modulus % 4));
    }

    [Fact]
    public void Little_endian_limbs_round_trip_and_reject_modulus()
    {
        var rng = new Random(18);
        Span<ulong> limbs = stackalloc ulong[4];
        for (int i = 0; i < 1000; i++)
        {
            Fq a = Fq.Random(rng);
            a.ToLittleEndianLimbs(limbs);
            Assert.True(Fq.TryFromLittleEndianLimbs(limbs, out Fq b));
            Assert.Equal(a, b);
        }
        Assert.False(Fq.TryFromLittleEndianLimbs([FqModulus.M0, FqModulus.M1, FqModulus.M2, FqModulus.M3], out _));
        Assert.Equal(Fq.FromBigInteger(12345), Fq.FromUInt64(12345));
        Assert.True(Fq.One.IsOne && Fq.Zero.IsZero && !Fq.One.IsZero);
    }
}

public sealed class FrFieldTests : PrimeFieldTests<Fr>
{
    protected override BigInteger P => Fr.Modulus;
    protected override Fr FromBig(BigInteger v) => Fr.FromBigInteger(v);
    protected override BigInteger ToBig(Fr v) => v.ToBigInteger();
    protected override Fr Rand(Random rng) => Fr.Random(rng);
    protected override Fr Add(Fr a, Fr b) => a + b;
    protected override Fr Sub(Fr a, Fr b) => a - b;
    protected override Fr Mul(Fr a, Fr b) { Fr.Multiply(a, b, out Fr r); return r; }
    protected override Fr Sq(Fr a) => a.Square();
    protected override Fr Neg(Fr a) => -a;
    protected override Fr Dbl(Fr a) => a.Double();
    protected override Fr Inv(Fr a) => a.Inverse();
    protected override Fr Pow(Fr a, BigInteger e) => a.Pow(e);
    protected override int Legendre(Fr a) => a.Legendre();
    protected override bool TrySqrt(Fr a, out Fr root) => a.TrySqrt(out root);
    protected override byte[] ToBytes(Fr a) => a.ToBigEndian();
    protected override bool TryFromBytes(byte[] b, out Fr a) => Fr.TryFromBigEndian(FqFieldTests.Pad(b), out a);
    protected override void BatchInverse(Span<Fr> values) => Fr.BatchInverse(values);

    [Fact]
    public void Constants_match_their_definitions()
    {
        Assert.Equal(BigInteger.Parse("21888242871839275222246405745257275088548364400416034343698204186575808495617"), Fr.Modulus);
        ModulusConstantsCheck.Check<FrModulus>(Fr.Modulus);
    }

    [Fact]
    public void Roots_of_unity_have_exact_power_of_two_order()
    {
        Assert.True(((Fr.Modulus - 1) >> Fr.TwoAdicity).IsEven == false);
        Assert.True(((Fr.Modulus - 1) % (BigInteger.One << Fr.TwoAdicity)).IsZero);
        Assert.Equal(-1, Fr.MultiplicativeGenerator.Legendre());
        Assert.True(Fr.RootOfUnity(0).IsOne);
        for (int k = 1; k <= Fr.TwoAdicity; k++)
        {
            Fr w = Fr.RootOfUnity(k);
            Assert.True(w.Pow(BigInteger.One << k).IsOne);
            Assert.Equal(-Fr.One, w.Pow(BigInteger.One << (k - 1)));
        }
        Assert.Throws<ArgumentOutOfRangeException>(() => Fr.RootOfUnity(29));
    }
}

internal static class ModulusConstantsCheck
{
    public static void Check<P>(BigInteger modulus) where P : struct, IModulus
    {
        BigInteger two64 = BigInteger.One << 64;
        BigInteger Limbs(ulong a, ulong b, ulong c, ulong d) =>
            a + ((BigInteger)b << 64) + ((BigInteger)c << 128) + ((BigInteger)d << 192);
        Assert.Equal(modulus, Limbs(P.M0, P.M1, P.M2, P.M3));
        Assert.Equal(two64 - 1, (P.NegInv * (BigInteger)P.M0) % two64);
        Assert.Equal((BigInteger.One << 256) % modulus, Limbs(P.R0, P.R1, P.R2, P.R3));
        Assert.Equal((BigInteger.One << 512) % modulus, Limbs(P.RR0, P.RR1, P.RR2, P.RR3));
        // The no-carry CIOS shortcut needs the top limb below (2^64 - 1)/2 - 1.
        Assert.True(P.M3 < ulong.MaxValue / 2 - 1);
    }
}
