using System.Numerics;
using Rollup.Crypto.Bn254.Fields;

namespace Rollup.Crypto.Polynomials;

/// <summary>
/// The multiplicative subgroup H = {ω^i} of F_r of size n = 2^k (k ≤ 28), and its coset g·H with
/// g = 5 (a generator of F_r^*, so g·H never meets H). Domains are immutable and cached per size;
/// all methods are thread-safe.
/// Transforms run in place on exactly n values, using every core unless told otherwise:
/// <see cref="Ntt"/> turns coefficients into evaluations on H, <see cref="InverseNtt"/> back; the
/// coset versions evaluate on g·H. The bit-reversed variants skip the permutation, for callers
/// that only combine evaluations pointwise (forward to bit-reversed, pointwise work, inverse from
/// bit-reversed gives the same coefficients).
/// </summary>
public sealed class Domain
{
    private static readonly Domain?[] Cache = new Domain?[Fr.TwoAdicity + 1];

    public int Log2Size { get; }
    public int Size { get; }
    /// <summary>ω: a primitive n-th root of unity.</summary>
    public Fr Generator { get; }
    public Fr GeneratorInverse { get; }
    /// <summary>1/n, which the inverse transform applies.</summary>
    public Fr SizeInverse { get; }
    /// <summary>g = 5: evaluation points of the coset transforms are g·ω^i.</summary>
    public Fr CosetGenerator { get; }
    public Fr CosetGeneratorInverse { get; }

    private Domain(int log2Size)
    {
        Log2Size = log2Size;
        Size = 1 << log2Size;
        Generator = Fr.RootOfUnity(log2Size);
        GeneratorInverse = Generator.Inverse();
        SizeInverse = Fr.FromUInt64((ulong)Size).Inverse();
        CosetGenerator = Fr.MultiplicativeGenerator;
        CosetGeneratorInverse = CosetGenerator.Inverse();
    }

    /// <summary>The domain of size 2^log2Size.</summary>
    public static Domain OfLog2Size(int log2Size)
    {
        if ((uint)log2Size > Fr.TwoAdicity) throw new ArgumentOutOfRangeException(nameof(log2Size), "BN254 Fr has domains up to 2^28");
        return Volatile.Read(ref Cache[log2Size]) ?? Interlocked.CompareExchange(ref Cache[log2Size], new Domain(log2Size), null) ?? Cache[log2Size]!;
    }

    /// <summary>The domain of exactly <paramref name="size"/> elements, a power of two.</summary>
    public static Domain OfSize(int size)
    {
        if (size < 1 || !BitOperations.IsPow2(size)) throw new ArgumentException("domain size must be a power of two", nameof(size));
        return OfLog2Size(BitOperations.Log2((uint)size));
    }

    /// <summary>The smallest domain with at least <paramref name="count"/> elements.</summary>
    public static Domain AtLeast(int count) => OfSize((int)BitOperations.RoundUpToPowerOf2((uint)Math.Max(1, count)));

    /// <summary>ω^i (any i, reduced mod n).</summary>
    public Fr Element(long i) => Generator.Pow((ulong)(((i % Size) + Size) % Size));

    /// <summary>Z_H(z) = z^n − 1, the vanishing polynomial of H.</summary>
    public Fr EvaluateVanishing(in Fr z) => PowerOfTwo(z, Log2Size) - Fr.One;

    /// <summary>x^(2^k) by k squarings.</summary>
    internal static Fr PowerOfTwo(Fr x, int k)
    {
        for (int i = 0; i < k; i++) x = x.Square();
        return x;
    }

    // ---- transforms ----

    /// <summary>Coefficients to evaluations at ω^i, in place (0 = every core).</summary>
    public void Ntt(Span<Fr> values, int maxDegreeOfParallelism = 0)
    {
        NttToBitReversed(values, maxDegreeOfParallelism);
        BitReverse(values, Workers(maxDegreeOfParallelism));
    }

    /// <summary>Evaluations at ω^i to coefficients, in place.</summary>
    public void InverseNtt(Span<Fr> values, int maxDegreeOfParallelism = 0)
    {
        BitReverse(values, Workers(maxDegreeOfParallelism));
        InverseNttFromBitReversed(values, maxDegreeOfParallelism);
    }

    /// <summary>Coefficients to evaluations at g·ω^i: scale coefficient i by g^i, then transform.</summary>
    public void CosetNtt(Span<Fr> values, int maxDegreeOfParallelism = 0)
    {
        CheckLength(values);
        Polynomial.ScaleByPowers(values, CosetGenerator, Fr.One, maxDegreeOfParallelism);
        Ntt(values, maxDegreeOfParallelism);
    }

    /// <summary>Evaluations at g·ω^i to coefficients: inverse transform, then scale coefficient i by g^-i.</summary>
    public void CosetInverseNtt(Span<Fr> values, int maxDegreeOfParallelism = 0)
    {
        BitReverse(values, Workers(maxDegreeOfParallelism));
        InverseCore(values, Workers(maxDegreeOfParallelism));
        // 1/n folded into the coset scaling: coefficient i gets (1/n)·g^-i.
        Polynomial.ScaleByPowers(values, CosetGeneratorInverse, SizeInverse, maxDegreeOfParallelism);
    }

    /// <summary>Coefficients (natural order) to evaluations at ω^brv(j) in position j.</summary>
    public unsafe void NttToBitReversed(Span<Fr> values, int maxDegreeOfParallelism = 0)
    {
        CheckLength(values);
        Fr[] tw = Twiddles.Forward(Log2Size);
        fixed (Fr* a = values)
        fixed (Fr* t = tw)
            NttKernels.ForwardToBitReversed((U256*)a, Size, (U256*)t, Workers(maxDegreeOfParallelism));
    }

    /// <summary>Evaluations at ω^brv(j) in position j to natural-order coefficients.</summary>
    public void InverseNttFromBitReversed(Span<Fr> values, int maxDegreeOfParallelism = 0)
    {
        InverseCore(values, Workers(maxDegreeOfParallelism));
        Polynomial.Scale(values, SizeInverse, maxDegreeOfParallelism);
    }

    /// <summary>The inverse butterflies without the 1/n factor.</summary>
    private unsafe void InverseCore(Span<Fr> values, int workers)
    {
        CheckLength(values);
        Fr[] tw = Twiddles.Inverse(Log2Size);
        fixed (Fr* a = values)
        fixed (Fr* t = tw)
            NttKernels.InverseFromBitReversed((U256*)a, Size, (U256*)t, workers);
    }

    private unsafe void BitReverse(Span<Fr> values, int workers)
    {
        CheckLength(values);
        fixed (Fr* a = values) BitReversal.Permute((U256*)a, Log2Size, workers);
    }

    private void CheckLength(ReadOnlySpan<Fr> values)
    {
        if (values.Length != Size) throw new ArgumentException($"expected {Size} values, got {values.Length}", nameof(values));
    }

    internal static int Workers(int maxDegreeOfParallelism) =>
        maxDegreeOfParallelism <= 0 ? Environment.ProcessorCount : Math.Min(maxDegreeOfParallelism, Environment.ProcessorCount);

    public override string ToString() => $"Domain(2^{Log2Size})";
}
