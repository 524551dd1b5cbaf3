using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using Rollup.Crypto.Bn254.Fields;

namespace Rollup.Crypto.Polynomials;

/// <summary>
/// In-place bit-reversal permutation. The naive swap loop touches a[i] and a[brv(i)], and brv(i)
/// jumps across the whole array, so for large arrays nearly every access is a cache (and TLB) miss.
/// Here the index is split as (high b bits, middle bits, low b bits): the 2^b × 2^b elements sharing
/// a middle part m form a tile of 2^b runs of 2^b consecutive elements, and bit reversal maps the
/// tile of m onto the tile of brv(m) (high and low parts reversed and swapped). Swapping tile
/// against tile touches 2·2^b short runs that stay in L1 while they are used.
/// </summary>
internal static unsafe class BitReversal
{
    private const int TileBits = 4;

    public static void Permute(U256* a, int log2n, int workers)
    {
        if (log2n < 2 * TileBits + 1)
        {
            Naive(a, log2n);
            return;
        }
        int midBits = log2n - 2 * TileBits;
        int mids = 1 << midBits;
        if (workers < 2 || log2n < 14)
        {
            for (int m = 0; m < mids; m++) SwapTiles(a, log2n, midBits, m);
            return;
        }
        int chunks = Math.Min(mids, 64), per = mids / chunks;   // powers of two: exact split
        NttKernels.ParallelFor(chunks, workers, c =>
        {
            for (int m = c * per, end = m + per; m < end; m++) SwapTiles(a, log2n, midBits, m);
        });
    }

    /// <summary>Swaps tile m with tile brv(m) (each pair once), or permutes tile m within itself.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void SwapTiles(U256* a, int log2n, int midBits, int m)
    {
        int mr = Reverse(m, midBits);
        if (mr < m) return;
        int t = 1 << TileBits, highShift = log2n - TileBits;
        for (int hi = 0; hi < t; hi++)
        {
            int hiRev = Reverse(hi, TileBits);
            for (int lo = 0; lo < t; lo++)
            {
                int i = (hi << highShift) | (m << TileBits) | lo;
                int j = (Reverse(lo, TileBits) << highShift) | (mr << TileBits) | hiRev;
                if (mr == m && j <= i) continue;   // within one tile: swap each pair once
                (a[i], a[j]) = (a[j], a[i]);
            }
        }
    }

    private static void Naive(U256* a, int log2n)
    {
        int n = 1 << log2n;
        for (int i = 0; i < n; i++)
        {
            int j = Reverse(i, log2n);
            if (i < j) (a[i], a[j]) = (a[j], a[i]);
        }
    }

    /// <summary>The low <paramref name="bits"/> bits of x in reverse order.</summary>
    public static int Reverse(int x, int bits) =>
        bits == 0 ? 0 : (int)(ReverseBits((uint)x) >> (32 - bits));

    private static uint ReverseBits(uint v)
    {
        v = ((v >> 1) & 0x55555555u) | ((v & 0x55555555u) << 1);
        v = ((v >> 2) & 0x33333333u) | ((v & 0x33333333u) << 2);
        v = ((v >> 4) & 0x0F0F0F0Fu) | ((v & 0x0F0F0F0Fu) << 4);
        return BinaryPrimitives.ReverseEndianness(v);
    }
}
