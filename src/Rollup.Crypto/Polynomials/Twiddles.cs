using Rollup.Crypto.Bn254.Fields;

namespace Rollup.Crypto.Polynomials;

/// <summary>
/// Twiddle factors in bit-reversed order, shared by every NTT size: T[k] = ω_N^brv(k) for k &lt; N/2,
/// where ω_N is the primitive N-th root of unity and brv reverses log2(N) - 1 bits.
/// Block k of any butterfly level uses the single factor T[k] (see <see cref="NttKernels"/>), and
/// the table for a size N/2 is exactly the first half of the table for N, so one table grown to the
/// largest size in use serves all sizes. Growing from N to 2N appends ω_2N·T[0..N/2): the new
/// entries are the odd powers of ω_2N in the same bit-reversed order.
/// </summary>
internal static class Twiddles
{
    private static readonly Lock Gate = new();
    private static Fr[] _forward = [Fr.One];
    private static Fr[] _inverse = [Fr.One];

    /// <summary>Forward factors, at least <c>2^log2Size / 2</c> of them.</summary>
    public static Fr[] Forward(int log2Size) => Get(ref _forward, log2Size, inverse: false);

    /// <summary>Inverse factors ω_N^-brv(k), at least <c>2^log2Size / 2</c> of them.</summary>
    public static Fr[] Inverse(int log2Size) => Get(ref _inverse, log2Size, inverse: true);

    private static Fr[] Get(ref Fr[] table, int log2Size, bool inverse)
    {
        int needed = log2Size == 0 ? 1 : 1 << (log2Size - 1);
        Fr[] current = Volatile.Read(ref table);
        if (current.Length >= needed) return current;
        lock (Gate)
        {
            current = table;
            if (current.Length >= needed) return current;
            var grown = new Fr[needed];
            current.CopyTo(grown, 0);
            // The table of length m serves size 2m; each doubling appends ω_{4m}·T[0..m).
            for (int m = current.Length; m < needed; m <<= 1)
            {
                Fr root = Fr.RootOfUnity(BitLength(m) + 1);
                if (inverse) root = root.Inverse();
                FillScaled(grown, m, root);
            }
            Volatile.Write(ref table, grown);
            return grown;
        }
    }

    /// <summary>grown[m + k] = root·grown[k] for k &lt; m, in parallel for large m.</summary>
    private static void FillScaled(Fr[] grown, int m, Fr root)
    {
        const int Chunk = 1 << 14;
        if (m <= Chunk)
        {
            for (int k = 0; k < m; k++) Fr.Multiply(root, grown[k], out grown[m + k]);
            return;
        }
        Parallel.For(0, m / Chunk, c =>
        {
            for (int k = c * Chunk, end = k + Chunk; k < end; k++) Fr.Multiply(root, grown[k], out grown[m + k]);
        });
    }

    /// <summary>log2 of a power of two m, plus one: T of length m serves size 2m = 2^(log2 m + 1).</summary>
    private static int BitLength(int m) => System.Numerics.BitOperations.Log2((uint)m) + 1;
}
