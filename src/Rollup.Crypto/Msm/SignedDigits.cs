using System.Diagnostics;
using System.Numerics;
using System.Runtime.CompilerServices;
using Rollup.Crypto.Bn254.Curves;
using Rollup.Crypto.Bn254.Fields;

namespace Rollup.Crypto.Msm;

/// <summary>
/// Splits scalars into signed c-bit window digits for the bucket method.
/// A plain c-bit window needs 2^c - 1 buckets; recoding each digit into [-2^(c-1), 2^(c-1)) (borrowing
/// 2^c from the next window when the digit is large) halves that, because -d·P costs no more than
/// d·P (negating an affine point is one field negation). Fewer buckets mean a cheaper bucket sum and a
/// bucket array that stays in the core's L2 cache.
/// </summary>
internal static class SignedDigits
{
    /// <summary>Largest window: digits are stored as 16-bit values.</summary>
    public const int MaxWindowBits = 16;

    /// <summary>Bits of a scalar below r &lt; 2^254.</summary>
    public const int FullBits = 254;

    /// <summary>
    /// Windows for scalars below 2^bits (r &lt; 2^254 by default): one more than the bits need, so that
    /// the carry out of the last full window has somewhere to go.
    /// </summary>
    public static int WindowCount(int c, int bits = FullBits) => bits / c + 1;

    /// <summary>The bit length of the largest scalar: witness columns often hold bytes, flags or counters,
    /// and every window above this length would hold only zero digits.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static int MaxBits(ReadOnlySpan<Fr> scalars)
    {
        ulong l0 = 0, l1 = 0, l2 = 0, l3 = 0;
        foreach (ref readonly var x in scalars)
        {
            if (x.IsZero) continue;
            U256 s = Montgomery<FrModulus>.FromMontgomery(x.Limbs);
            l0 |= s.L0; l1 |= s.L1; l2 |= s.L2; l3 |= s.L3;
        }
        return l3 != 0 ? 256 - BitOperations.LeadingZeroCount(l3)
            : l2 != 0 ? 192 - BitOperations.LeadingZeroCount(l2)
            : l1 != 0 ? 128 - BitOperations.LeadingZeroCount(l1)
            : 64 - BitOperations.LeadingZeroCount(l0);
    }

    /// <summary>
    /// For points start..end-1 (scalars below 2^bits), writes the digits of scalars[i] (Montgomery form) for window w to
    /// digits[w·n + i] (n = scalars.Length); points at infinity get zero digits, so they are never
    /// touched again. Window-major order lets each window's pass stream its own run of digits.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Compute(ReadOnlySpan<Fr> scalars, ReadOnlySpan<G1Affine> bases, int c, Span<short> digits, int start, int end,
        int bits = FullBits)
    {
        int n = scalars.Length, windows = WindowCount(c, bits);
        Debug.Assert(digits.Length >= windows * n && c is >= 1 and <= MaxWindowBits);
        int full = 1 << c, half = full >> 1;
        ulong mask = (ulong)full - 1;
        // Five limbs: a window that starts in the top limb may read past it.
        Span<ulong> k = stackalloc ulong[5];
        k[4] = 0;
        for (int i = start; i < end; i++)
        {
            if (scalars[i].IsZero || bases[i].IsInfinity)
            {
                for (int w = 0; w < windows; w++) digits[w * n + i] = 0;
                continue;
            }
            // Montgomery form to the integer: one product with 1.
            U256 s = Montgomery<FrModulus>.FromMontgomery(scalars[i].Limbs);
            k[0] = s.L0; k[1] = s.L1; k[2] = s.L2; k[3] = s.L3;
            int carry = 0;
            for (int w = 0; w < windows; w++)
            {
                int bit = w * c, limb = bit >> 6, shift = bit & 63;
                ulong v = k[limb] >> shift;
                if (shift + c > 64) v |= k[limb + 1] << (64 - shift);
                int d = (int)(v & mask) + carry;
                // The top window keeps its digit unsigned: it has no next window to carry into. It holds
                // bits mod c < c bits, so with the carry it is at most 2^(c-1): still a bucket index.
                if (d >= half && w < windows - 1) { d -= full; carry = 1; }
                else carry = 0;
                Debug.Assert(d <= half && (d < half || c < MaxWindowBits));
                digits[w * n + i] = (short)d;
            }
        }
    }
}
