using System.Numerics;
using Rollup.Core.Numerics;

namespace Rollup.Core.Tests.Numerics;

/// <summary>
/// Random words biased towards the values where limb arithmetic goes wrong: carries across limbs,
/// all-ones limbs, the sign bit, one or two nonzero limbs, tiny values. Seeded; the base seed can
/// be overridden with the ROLLUP_TEST_SEED environment variable to explore other inputs.
/// </summary>
internal sealed class WordGen
{
    public static readonly int BaseSeed =
        int.TryParse(Environment.GetEnvironmentVariable("ROLLUP_TEST_SEED"), out int s) ? s : 0x5EED256;

    public int Seed { get; }
    private readonly Random _random;

    /// <param name="salt">distinguishes the stream of each property so they do not all see the same words.</param>
    public WordGen(int salt)
    {
        Seed = unchecked(BaseSeed * 31 + salt);
        _random = new Random(Seed);
    }

    public static readonly BigInteger[] Edges =
    [
        0, 1, 2, 3, 10, 255, 256,
        Ref.Pow2(32) - 1, Ref.Pow2(32),
        Ref.Pow2(63) - 1, Ref.Pow2(63), Ref.Pow2(64) - 1, Ref.Pow2(64), Ref.Pow2(64) + 1,
        Ref.Pow2(127), Ref.Pow2(128) - 1, Ref.Pow2(128), Ref.Pow2(128) + 1,
        Ref.Pow2(191), Ref.Pow2(192) - 1, Ref.Pow2(192),
        Ref.Pow2(255) - 1, Ref.Pow2(255), Ref.Pow2(255) + 1,
        Ref.Modulus - 2, Ref.Modulus - 1,
    ];

    private static readonly ulong[] SpecialLimbs =
        [0, 1, 2, ulong.MaxValue, ulong.MaxValue - 1, 1UL << 63, (1UL << 63) - 1, 1UL << 32, uint.MaxValue];

    public int Int(int maxExclusive) => _random.Next(maxExclusive);

    public ulong Ulong() => (ulong)_random.NextInt64() ^ ((ulong)_random.Next(2) << 63);

    public ulong Limb() => _random.Next(3) == 0 ? SpecialLimbs[_random.Next(SpecialLimbs.Length)] : Ulong();

    public UInt256 FullRandom() => new(Ulong(), Ulong(), Ulong(), Ulong());

    public UInt256 Edge() => Ref.Word(Edges[_random.Next(Edges.Length)]);

    /// <summary>A word from the mixture of edge families and uniform noise.</summary>
    public UInt256 Next()
    {
        switch (_random.Next(10))
        {
            case 0:
                return Edge();
            case 1: // next to an edge, wrapping
                return Ref.Word(Edges[_random.Next(Edges.Length)] + _random.Next(-3, 4));
            case 2:
                return new UInt256((ulong)_random.Next(0, 1000));
            case 3:
            {
                Span<ulong> limbs = stackalloc ulong[4];
                limbs[_random.Next(4)] = Limb();
                return new UInt256(limbs[0], limbs[1], limbs[2], limbs[3]);
            }
            case 4:
            {
                Span<ulong> limbs = stackalloc ulong[4];
                limbs[_random.Next(4)] = Limb();
                limbs[_random.Next(4)] = Limb();
                return new UInt256(limbs[0], limbs[1], limbs[2], limbs[3]);
            }
            case 5:
                return new UInt256(Limb(), Limb(), Limb(), Limb());
            case 6: // uniform bit length, so every size pairing of dividend and divisor shows up
            case 7:
                return FullRandom() >> _random.Next(257);
            default:
                return FullRandom();
        }
    }

    /// <summary>As <see cref="Next"/>, but half the time negated so small negative numbers are common.</summary>
    public UInt256 NextSigned()
    {
        UInt256 w = Next();
        return _random.Next(2) == 0 ? -w : w;
    }

    /// <summary>A modulus or divisor: often 0, 1 or small, and of every limb count.</summary>
    public UInt256 NextDivisor()
    {
        return _random.Next(8) switch
        {
            0 => new UInt256((ulong)_random.Next(0, 3)),
            1 => new UInt256(Limb()),
            2 => new UInt256(Limb(), Limb()),
            3 => new UInt256(Limb(), Limb(), Limb()),
            _ => Next(),
        };
    }

    private static readonly int[] Shifts =
        [0, 1, 2, 7, 8, 31, 32, 63, 64, 65, 127, 128, 129, 191, 192, 193, 254, 255, 256, 257, 511, 1024, int.MaxValue];

    public int NextShift() => _random.Next(3) == 0 ? _random.Next(0, 300) : Shifts[_random.Next(Shifts.Length)];

    /// <summary>A shift or index as the EVM pops it: mostly small, sometimes with high limbs set.</summary>
    public UInt256 NextShiftWord()
    {
        return _random.Next(6) switch
        {
            0 => new UInt256((ulong)_random.Next(0, 300), Limb()), // small low limb, huge value
            1 => Next(),
            2 => new UInt256(Limb()),
            _ => new UInt256((ulong)NextShift()),
        };
    }

    public UInt256 NextExponent()
    {
        return _random.Next(6) switch
        {
            0 => new UInt256((ulong)_random.Next(0, 4)),
            1 => new UInt256((ulong)_random.Next(0, 600)),
            _ => Next(),
        };
    }

    public UInt256 NextBase()
    {
        return _random.Next(5) switch
        {
            0 => new UInt256((ulong)_random.Next(0, 4)),
            1 => Ref.Word(-BigInteger.One * _random.Next(1, 4)), // -1, -2, -3: odd and even near 2^256
            _ => Next(),
        };
    }
}

/// <summary>The reference side: exact integers, with the mapping to words written out independently of UInt256's own.</summary>
internal static class Ref
{
    public static readonly BigInteger Modulus = BigInteger.One << 256;
    public static readonly BigInteger SignBit = BigInteger.One << 255;
    private static readonly BigInteger LimbMask = ulong.MaxValue;

    public static BigInteger Pow2(int n) => BigInteger.One << n;

    public static BigInteger Big(UInt256 w) =>
        new BigInteger(w.U0) | (new BigInteger(w.U1) << 64) | (new BigInteger(w.U2) << 128) | (new BigInteger(w.U3) << 192);

    /// <summary>x mod 2^256 as a word (negative x wraps, as two's complement).</summary>
    public static UInt256 Word(BigInteger x)
    {
        x = Wrap(x);
        return new UInt256((ulong)(x & LimbMask), (ulong)((x >> 64) & LimbMask), (ulong)((x >> 128) & LimbMask), (ulong)(x >> 192));
    }

    public static BigInteger Wrap(BigInteger x)
    {
        x %= Modulus;
        return x.Sign < 0 ? x + Modulus : x;
    }

    /// <summary>The word's bits read as two's complement.</summary>
    public static BigInteger Signed(UInt256 w)
    {
        BigInteger x = Big(w);
        return x >= SignBit ? x - Modulus : x;
    }

    public static string Hex(UInt256 w) => "0x" + Big(w).ToString("x");
}

internal static class Property
{
    public const int Cases = 10_000;

    /// <summary>Runs <paramref name="body"/> on <see cref="Cases"/> cases from a fresh generator.</summary>
    public static void Run(int salt, Action<WordGen, int> body)
    {
        var gen = new WordGen(salt);
        for (int i = 0; i < Cases; i++) body(gen, i);
    }

    public static void Equal(WordGen gen, int i, BigInteger expected, UInt256 actual, string op, params UInt256[] inputs)
    {
        if (Ref.Big(actual) != expected)
            Assert.Fail($"{Describe(gen, i, op, inputs)}: expected 0x{expected:x}, got {Ref.Hex(actual)}");
    }

    public static void Equal<T>(WordGen gen, int i, T expected, T actual, string op, params UInt256[] inputs)
    {
        if (!EqualityComparer<T>.Default.Equals(expected, actual))
            Assert.Fail($"{Describe(gen, i, op, inputs)}: expected {expected}, got {actual}");
    }

    private static string Describe(WordGen gen, int i, string op, UInt256[] inputs) =>
        $"{op}({string.Join(", ", inputs.Select(Ref.Hex))}) failed at case {i}, generator seed {gen.Seed} " +
        $"(base seed {WordGen.BaseSeed}; set ROLLUP_TEST_SEED to vary)";
}
