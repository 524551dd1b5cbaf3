using System.Runtime.CompilerServices;
using Rollup.Crypto.Bn254.Fields;
using B = Rollup.Crypto.Bn254.Fields.BranchFree<Rollup.Crypto.Bn254.Fields.FrModulus>;
using M = Rollup.Crypto.Bn254.Fields.Montgomery<Rollup.Crypto.Bn254.Fields.FrModulus>;

namespace Rollup.Crypto.Polynomials;

/// <summary>
/// Radix-2 NTT butterflies, in place, without any index permutation:
/// <list type="bullet">
/// <item><see cref="ForwardToBitReversed"/>: Cooley–Tukey on natural-order coefficients, leaving
/// the evaluations at ω^brv(j) in position j. Each level splits every block's polynomial, held
/// modulo X^2h - ζ², into its residues modulo X^h - ζ and X^h + ζ; block k of every level uses the one
/// factor ζ = T[k] of the bit-reversed twiddle table, so the inner loop multiplies by a constant.</item>
/// <item><see cref="InverseFromBitReversed"/>: Gentleman–Sande, undoing those levels in reverse with
/// ζ^-1, giving natural-order coefficients times n (the caller scales by 1/n).</item>
/// </list>
/// Cache: blocks are independent once their level is done, so the levels are walked depth-first:
/// a block of at most <see cref="L1Block"/> elements does all its remaining levels while it sits in
/// the L1 cache, and larger blocks are revisited only once per level while they fit in L2.
/// Parallelism: the top levels run as parallel passes (split by butterflies) until there are a few
/// independent blocks per worker; the blocks then run in parallel.
/// The loops are marked AggressiveOptimization: a transform calls each only a few times, so with
/// tiered compilation the first transforms would run instrumented or on-stack-replaced code.
/// Where AVX-512F is present (<see cref="Vectorized"/>) the same schedule runs on
/// <see cref="NttVectorKernels"/>, eight butterflies per step, with identical results.
/// </summary>
internal static unsafe class NttKernels
{
    /// <summary>2^10 elements = 32 KiB: fits the L1 data cache with room for twiddles.</summary>
    private const int L1Block = 1 << 10;

    /// <summary>Below this size a parallel split costs more than it saves.</summary>
    public const int ParallelThreshold = 1 << 13;

    /// <summary>
    /// Whether the butterflies run eight at a time on AVX-512 (<see cref="NttVectorKernels"/>).
    /// Both paths give identical results; tests switch this off to check the scalar one.
    /// A transform reads it once and passes the choice down: the vector forward levels keep values
    /// only partly reduced (below 4r), which the scalar butterflies must never see.
    /// </summary>
    internal static bool Vectorized = Fr8Math.IsSupported;

    /// <summary>Transforms of at least 16 elements take the vector path: every level then has
    /// either eight pairs per block or the per-lane small-level kernels.</summary>
    private static bool UseVector(int n) => Vectorized && n >= 16;

    public static void ForwardToBitReversed(U256* a, int n, U256* tw, int workers)
    {
        if (n < 2) return;
        bool vector = UseVector(n);
        if (workers < 2 || n < ParallelThreshold) { ForwardBlock(a, n, 0, tw, vector); return; }
        int half = n >> 1, blocks = 1;
        while (blocks < 4 * workers && half >= L1Block)
        {
            ParallelLevel(a, n, half, tw, workers, forward: true, vector);
            half >>= 1;
            blocks <<= 1;
        }
        int size = 2 * half;
        ParallelFor(blocks, workers, b => ForwardBlock(a + (long)b * size, size, b, tw, vector));
    }

    public static void InverseFromBitReversed(U256* a, int n, U256* tw, int workers)
    {
        if (n < 2) return;
        bool vector = UseVector(n);
        if (workers < 2 || n < ParallelThreshold) { InverseBlock(a, n, 0, tw, vector); return; }
        int half = n >> 1, blocks = 1;
        while (blocks < 4 * workers && half >= L1Block) { half >>= 1; blocks <<= 1; }
        int size = 2 * half;
        ParallelFor(blocks, workers, b => InverseBlock(a + (long)b * size, size, b, tw, vector));
        for (int h = size; h < n; h <<= 1) ParallelLevel(a, n, h, tw, workers, forward: false, vector);
    }

    /// <summary>All remaining forward levels of block k (of the given size), depth-first.</summary>
    private static void ForwardBlock(U256* a, int size, int k, U256* tw, bool vector)
    {
        if (size <= L1Block)
        {
            ForwardSmall(a, size, k, tw, vector);
            return;
        }
        int half = size >> 1;
        ForwardSlice(a, half, half, k, tw, vector);
        ForwardBlock(a, half, 2 * k, tw, vector);
        ForwardBlock(a + half, half, 2 * k + 1, tw, vector);
    }

    /// <summary>All inverse levels of block k, the smallest first, depth-first.</summary>
    private static void InverseBlock(U256* a, int size, int k, U256* tw, bool vector)
    {
        if (size <= L1Block)
        {
            InverseSmall(a, size, k, tw, vector);
            return;
        }
        int half = size >> 1;
        InverseBlock(a, half, 2 * k, tw, vector);
        InverseBlock(a + half, half, 2 * k + 1, tw, vector);
        InverseSlice(a, half, half, k, tw, vector);
    }

    /// <summary>
    /// Every level of an L1-sized block k. Levels with half ≥ 4 call the slice loop once per block;
    /// the last two levels (pairs 2 apart, then adjacent pairs) are unrolled here, where a call per
    /// block of two or four elements would cost as much as the butterflies.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    private static void ForwardSmall(U256* a, int size, int k, U256* tw, bool vector)
    {
        int levels = System.Numerics.BitOperations.Log2((uint)size), r = 0;
        if (vector)
        {
            // The last level (Level1) also brings the lazily reduced values back below r.
            for (int h = size >> 1; h >= 8; h >>= 1, r++)
                for (int j = 0; j < 1 << r; j++) ForwardSlice(a + 2 * h * j, h, h, (k << r) + j, tw, vector);
            NttVectorKernels.Level4<ForwardButterflies>(a, size, k << (levels - 3), tw);
            NttVectorKernels.Level2<ForwardButterflies>(a, size, k << (levels - 2), tw);
            NttVectorKernels.Level1<ForwardButterflies>(a, size, k << (levels - 1), tw);
            return;
        }
        for (int h = size >> 1; h >= 4; h >>= 1, r++)
            for (int j = 0; j < 1 << r; j++) ForwardSlice(a + 2 * h * j, h, h, (k << r) + j, tw, vector);
        if (levels >= 2)
        {
            r = levels - 2;
            for (int j = 0; j < 1 << r; j++)
            {
                U256* x = a + 4 * j;
                U256 zeta = tw[(k << r) + j];
                ForwardButterfly(x, x + 2, zeta);
                ForwardButterfly(x + 1, x + 3, zeta);
            }
        }
        if (levels >= 1)
        {
            r = levels - 1;
            for (int j = 0; j < 1 << r; j++) ForwardButterfly(a + 2 * j, a + 2 * j + 1, tw[(k << r) + j]);
        }
    }

    /// <summary>The inverse of <see cref="ForwardSmall"/>: adjacent pairs first, then pairs 2 apart, then the slices.</summary>
    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    private static void InverseSmall(U256* a, int size, int k, U256* tw, bool vector)
    {
        int levels = System.Numerics.BitOperations.Log2((uint)size);
        if (vector)
        {
            NttVectorKernels.Level1<InverseButterflies>(a, size, k << (levels - 1), tw);
            NttVectorKernels.Level2<InverseButterflies>(a, size, k << (levels - 2), tw);
            NttVectorKernels.Level4<InverseButterflies>(a, size, k << (levels - 3), tw);
            for (int h = 8, r = levels - 4; h < size; h <<= 1, r--)
                for (int j = 0; j < 1 << r; j++) InverseSlice(a + 2 * h * j, h, h, (k << r) + j, tw, vector);
            return;
        }
        if (levels >= 1)
        {
            int r = levels - 1;
            for (int j = 0; j < 1 << r; j++) InverseButterfly(a + 2 * j, a + 2 * j + 1, tw[(k << r) + j]);
        }
        if (levels >= 2)
        {
            int r = levels - 2;
            for (int j = 0; j < 1 << r; j++)
            {
                U256* x = a + 4 * j;
                U256 zetaInv = tw[(k << r) + j];
                InverseButterfly(x, x + 2, zetaInv);
                InverseButterfly(x + 1, x + 3, zetaInv);
            }
        }
        for (int h = 4, r = levels - 3; h < size; h <<= 1, r--)
            for (int j = 0; j < 1 << r; j++) InverseSlice(a + 2 * h * j, h, h, (k << r) + j, tw, vector);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void ForwardButterfly(U256* x, U256* y, in U256 zeta)
    {
        U256 u = *x, t = M.Mul(zeta, *y);
        *x = B.Add(u, t);
        *y = B.Sub(u, t);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void InverseButterfly(U256* x, U256* y, in U256 zetaInv)
    {
        U256 u = *x, v = *y;
        *x = B.Add(u, v);
        *y = M.Mul(B.Sub(u, v), zetaInv);
    }

    /// <summary>
    /// One level (blocks of 2·half) over the whole array, its n/2 butterflies split evenly into a
    /// few parts per worker: whole blocks when there are enough, slices of a block otherwise.
    /// </summary>
    private static void ParallelLevel(U256* a, int n, int half, U256* tw, int workers, bool forward, bool vector)
    {
        int blocks = n / (2 * half);
        int parts = Math.Max(blocks, (int)System.Numerics.BitOperations.RoundUpToPowerOf2((uint)(4 * workers)));
        int perBlock = parts / blocks, slice = half / perBlock;
        ParallelFor(parts, workers, p =>
        {
            int k = p / perBlock, from = (p % perBlock) * slice;
            U256* x = a + (long)k * 2 * half + from;
            if (forward) ForwardSlice(x, half, slice, k, tw, vector);
            else InverseSlice(x, half, slice, k, tw, vector);
        });
    }

    /// <summary>(x, y) → (x + ζy, x − ζy) for count pairs (a[j], a[j + half]); ζ = T[k], 1 when k = 0.
    /// Not inlined: compiled alone, its loop keeps the product inlined and in registers.</summary>
    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    private static void ForwardSlice(U256* a, int half, int count, int k, U256* tw, bool vector)
    {
        if (vector)
        {
            // Every block, ζ = 1 included: the scalar k = 0 loop below would need reduced inputs.
            NttVectorKernels.ForwardSlice(a, half, count, tw[k]);
            return;
        }
        U256* b = a + half;
        if (k == 0)
        {
            for (int j = 0; j < count; j++)
            {
                U256 x = a[j], y = b[j];
                a[j] = B.Add(x, y);
                b[j] = B.Sub(x, y);
            }
            return;
        }
        U256 zeta = tw[k];
        for (int j = 0; j < count; j++) ForwardButterfly(a + j, b + j, zeta);
    }

    /// <summary>(x, y) → (x + y, (x − y)·ζ^-1): the forward butterfly times 2, undone.</summary>
    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    private static void InverseSlice(U256* a, int half, int count, int k, U256* tw, bool vector)
    {
        U256* b = a + half;
        if (k == 0)
        {
            for (int j = 0; j < count; j++)
            {
                U256 x = a[j], y = b[j];
                a[j] = B.Add(x, y);
                b[j] = B.Sub(x, y);
            }
            return;
        }
        if (vector)
        {
            NttVectorKernels.InverseSlice(a, half, count, tw[k]);
            return;
        }
        U256 zetaInv = tw[k];
        for (int j = 0; j < count; j++) InverseButterfly(a + j, b + j, zetaInv);
    }

    /// <summary>Parallel.For with a cap on threads; the body gets no spans (they cannot be captured).</summary>
    internal static void ParallelFor(int count, int workers, Action<int> body) =>
        Parallel.For(0, count, new ParallelOptions { MaxDegreeOfParallelism = workers }, body);
}
