using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using Rollup.Crypto.Bn254.Fields;
using V = Rollup.Crypto.Bn254.Fields.Fr8Math;

namespace Rollup.Crypto.Polynomials;

/// <summary>
/// The butterflies of <see cref="NttKernels"/> eight at a time on AVX-512 (<see cref="Fr8"/>), with
/// the same schedule and twiddles and bit-identical results; the array stays in its U256 layout
/// and every group of eight is converted on load and store (a few permutes and shifts, small next
/// to the product).
/// <list type="bullet">
/// <item>Levels with half ≥ 8 (<see cref="ForwardSlice"/>, <see cref="InverseSlice"/>): eight
/// consecutive pairs of one block, one ζ broadcast to all lanes.</item>
/// <item>The last three levels (half = 4, 2, 1) have blocks smaller than eight pairs: each vector
/// takes pairs from several blocks, so ζ differs per lane (<c>Level4</c>, <c>Level2</c>,
/// <c>Level1</c>). Loads still come as runs of two consecutive elements.</item>
/// </list>
/// Forward levels reduce lazily: values stay below 4r (which still fits 256 bits) and the last
/// level, <c>Level1</c>, makes them canonical. Inverse levels keep values canonical (their
/// butterfly has only one subtraction to save, and the last inverse level is a slice).
/// </summary>
internal static unsafe class NttVectorKernels
{
    /// <summary>(x, y) → (x + ζy, x − ζy) for count (a multiple of 8) pairs (a[j], a[j + half]),
    /// lazily: inputs and outputs below 4r (see <see cref="Forward"/>).</summary>
    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    public static void ForwardSlice(U256* a, int half, int count, in U256 zeta)
    {
        V.BroadcastTimes32(zeta, out Fr8 z);
        U256* b = a + half;
        for (int j = 0; j < count; j += 8)
        {
            V.Load(a + j, out Fr8 x);
            V.Load(b + j, out Fr8 y);
            Forward(x, y, z, out Fr8 s, out Fr8 d);
            V.Store(a + j, s);
            V.Store(b + j, d);
        }
    }

    /// <summary>(x, y) → (x + y, (x − y)·ζ^-1) for count (a multiple of 8) pairs.</summary>
    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    public static void InverseSlice(U256* a, int half, int count, in U256 zetaInv)
    {
        V.BroadcastTimes32(zetaInv, out Fr8 z);
        U256* b = a + half;
        for (int j = 0; j < count; j += 8)
        {
            V.Load(a + j, out Fr8 x);
            V.Load(b + j, out Fr8 y);
            Inverse(x, y, z, out Fr8 s, out Fr8 d);
            V.Store(a + j, s);
            V.Store(b + j, d);
        }
    }

    /// <summary>
    /// The level with half = 4 over size elements (a multiple of 16), block j (8 elements) using
    /// tw[k0 + j]: a vector takes the four pairs of two neighbouring blocks.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    public static void Level4<T>(U256* a, int size, int k0, U256* tw) where T : struct, IButterflies
    {
        for (int i = 0; i < size; i += 16)
        {
            U256* p = a + i;
            U256* t = tw + k0 + (i >> 3);
            Pairs(Pair(p), Pair(p + 2), Pair(p + 8), Pair(p + 10), out Fr8 x);
            Pairs(Pair(p + 4), Pair(p + 6), Pair(p + 12), Pair(p + 14), out Fr8 y);
            Vector512<ulong> t0 = Twice(t), t1 = Twice(t + 1);
            TwiddlePairs(t0, t0, t1, t1, out Fr8 z);
            T.Run(x, y, z, out Fr8 s, out Fr8 d);
            Unpairs(s, out var s0, out var s1, out var s2, out var s3);
            Unpairs(d, out var d0, out var d1, out var d2, out var d3);
            Put(p, s0); Put(p + 2, s1); Put(p + 8, s2); Put(p + 10, s3);
            Put(p + 4, d0); Put(p + 6, d1); Put(p + 12, d2); Put(p + 14, d3);
        }
    }

    /// <summary>The level with half = 2: four blocks of four per vector, block j using tw[k0 + j].</summary>
    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    public static void Level2<T>(U256* a, int size, int k0, U256* tw) where T : struct, IButterflies
    {
        for (int i = 0; i < size; i += 16)
        {
            U256* p = a + i;
            U256* t = tw + k0 + (i >> 2);
            Pairs(Pair(p), Pair(p + 4), Pair(p + 8), Pair(p + 12), out Fr8 x);
            Pairs(Pair(p + 2), Pair(p + 6), Pair(p + 10), Pair(p + 14), out Fr8 y);
            TwiddlePairs(Twice(t), Twice(t + 1), Twice(t + 2), Twice(t + 3), out Fr8 z);
            T.Run(x, y, z, out Fr8 s, out Fr8 d);
            Unpairs(s, out var s0, out var s1, out var s2, out var s3);
            Unpairs(d, out var d0, out var d1, out var d2, out var d3);
            Put(p, s0); Put(p + 4, s1); Put(p + 8, s2); Put(p + 12, s3);
            Put(p + 2, d0); Put(p + 6, d1); Put(p + 10, d2); Put(p + 14, d3);
        }
    }

    /// <summary>
    /// The level with half = 1: eight adjacent pairs (x, y) per vector, pair j using tw[k0 + j].
    /// A 512-bit load holds one whole pair, so x's and y's are regrouped by 256-bit halves.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    public static void Level1<T>(U256* a, int size, int k0, U256* tw) where T : struct, IButterflies
    {
        for (int i = 0; i < size; i += 16)
        {
            U256* p = a + i;
            U256* t = tw + k0 + (i >> 1);
            Vector512<ulong> q0 = Pair(p), q1 = Pair(p + 2), q2 = Pair(p + 4), q3 = Pair(p + 6),
                q4 = Pair(p + 8), q5 = Pair(p + 10), q6 = Pair(p + 12), q7 = Pair(p + 14);
            Pairs(Lows(q0, q1), Lows(q2, q3), Lows(q4, q5), Lows(q6, q7), out Fr8 x);
            Pairs(Highs(q0, q1), Highs(q2, q3), Highs(q4, q5), Highs(q6, q7), out Fr8 y);
            TwiddlePairs(Pair(t), Pair(t + 2), Pair(t + 4), Pair(t + 6), out Fr8 z);
            T.Run(x, y, z, out Fr8 s, out Fr8 d);
            if (T.Forward)
            {
                // The forward transform's last level: canonical outputs.
                V.ReduceFromFourTimesModulus(s, out s);
                V.ReduceFromFourTimesModulus(d, out d);
            }
            Unpairs(s, out var s0, out var s1, out var s2, out var s3);
            Unpairs(d, out var d0, out var d1, out var d2, out var d3);
            Put(p, Lows(s0, d0)); Put(p + 2, Highs(s0, d0));
            Put(p + 4, Lows(s1, d1)); Put(p + 6, Highs(s1, d1));
            Put(p + 8, Lows(s2, d2)); Put(p + 10, Highs(s2, d2));
            Put(p + 12, Lows(s3, d3)); Put(p + 14, Highs(s3, d3));
        }
    }

    /// <summary>
    /// Harvey's lazy butterfly: x, y &lt; 4r in, x + ζy and x − ζy (mod r) out, both &lt; 4r.
    /// x is brought below 2r, ζy comes out of the product below 2r without its final subtraction,
    /// so x + ζy and x − ζy + 2r stay below 4r: one conditional subtraction instead of three.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static void Forward(in Fr8 x, in Fr8 y, in Fr8 z, out Fr8 s, out Fr8 d)
    {
        V.MulLazy(y, z, out Fr8 t);
        V.ReduceBelowTwiceModulus(x, out Fr8 u);
        V.AddLazy(u, t, out s);
        V.SubLazy(u, t, out d);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static void Inverse(in Fr8 x, in Fr8 y, in Fr8 z, out Fr8 s, out Fr8 d)
    {
        V.Add(x, y, out s);
        // x − y + r < 2r is a valid multiplicand; the product reduces fully.
        V.SubPlusModulus(x, y, out Fr8 e);
        V.Mul(e, z, out d);
    }

    /// <summary>Two consecutive elements in one vector.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<ulong> Pair(U256* p) => Vector512.Load((ulong*)p);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Put(U256* p, Vector512<ulong> v) => v.Store((ulong*)p);

    /// <summary>One element in both halves of a vector.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<ulong> Twice(U256* p)
    {
        Vector256<ulong> h = Vector256.Load((ulong*)p);
        return Vector512.Create(h, h);
    }

    /// <summary>The first elements of two pairs: [u.low, v.low].</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<ulong> Lows(Vector512<ulong> u, Vector512<ulong> v) => Avx512F.Shuffle4x128(u, v, 0x44);

    /// <summary>The second elements of two pairs: [u.high, v.high].</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<ulong> Highs(Vector512<ulong> u, Vector512<ulong> v) => Avx512F.Shuffle4x128(u, v, 0xEE);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Pairs(Vector512<ulong> v0, Vector512<ulong> v1, Vector512<ulong> v2, Vector512<ulong> v3, out Fr8 x)
    {
        V.ToLimbVectors(v0, v1, v2, v3, out var w0, out var w1, out var w2, out var w3);
        V.Split(w0, w1, w2, w3, out x);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void TwiddlePairs(Vector512<ulong> v0, Vector512<ulong> v1, Vector512<ulong> v2, Vector512<ulong> v3, out Fr8 z)
    {
        V.ToLimbVectors(v0, v1, v2, v3, out var w0, out var w1, out var w2, out var w3);
        V.SplitTimes32(w0, w1, w2, w3, out z);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Unpairs(in Fr8 x, out Vector512<ulong> v0, out Vector512<ulong> v1, out Vector512<ulong> v2, out Vector512<ulong> v3)
    {
        V.Join(x, out var w0, out var w1, out var w2, out var w3);
        V.FromLimbVectors(w0, w1, w2, w3, out v0, out v1, out v2, out v3);
    }
}

/// <summary>
/// The butterfly of a level kernel as a type argument: each instantiation is compiled on its own with
/// one butterfly inlined (a runtime flag would compile both into one method and run the JIT out of
/// inlining budget, leaving calls in the loop).
/// </summary>
internal interface IButterflies
{
    static abstract bool Forward { get; }
    static abstract void Run(in Fr8 x, in Fr8 y, in Fr8 z, out Fr8 s, out Fr8 d);
}

internal readonly struct ForwardButterflies : IButterflies
{
    public static bool Forward => true;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Run(in Fr8 x, in Fr8 y, in Fr8 z, out Fr8 s, out Fr8 d) => NttVectorKernels.Forward(x, y, z, out s, out d);
}

internal readonly struct InverseButterflies : IButterflies
{
    public static bool Forward => false;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Run(in Fr8 x, in Fr8 y, in Fr8 z, out Fr8 s, out Fr8 d) => NttVectorKernels.Inverse(x, y, z, out s, out d);
}
