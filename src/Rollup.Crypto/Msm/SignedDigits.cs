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
        for (int i = start; i < end; i++)
        {
            if (scalars[i].IsZero || bases[i].IsInfinity)
            {
                Zero(digits, windows, n, i);
                continue;
            }
            // Montgomery form to the integer: one product with 1.
            U256 s = Montgomery<FrModulus>.FromMontgomery(scalars[i].Limbs);
            Write(s.L0, s.L1, s.L2, s.L3, negate: false, c, windows, digits, n, i);
        }
    }

    /// <summary>
    /// The GLV split (<see cref="Glv"/>): for points start..end-1, writes the digits of k1 for point i to
    /// digits[w·2n + i] and those of k2 for φ(Pᵢ) to digits[w·2n + n + i], negated where k1 or k2 is negative
    /// (−d·P is as cheap as d·P). Windows cover <see cref="Glv.HalfBits"/> bits.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void ComputeGlv(ReadOnlySpan<Fr> scalars, ReadOnlySpan<G1Affine> bases, int c, Span<short> digits, int start, int end)
    {
        int n = scalars.Length, points = 2 * n, windows = WindowCount(c, Glv.HalfBits);
        Debug.Assert(digits.Length >= windows * points && c is >= 1 and <= MaxWindowBits);
        for (int i = start; i < end; i++)
        {
            if (scalars[i].IsZero || bases[i].IsInfinity)
            {
                Zero(digits, windows, points, i);
                Zero(digits, windows, points, n + i);
                continue;
            }
            Glv.Decompose(Montgomery<FrModulus>.FromMontgomery(scalars[i].Limbs), out Int128 k1, out Int128 k2);
            UInt128 m1 = (UInt128)(k1 < 0 ? -k1 : k1), m2 = (UInt128)(k2 < 0 ? -k2 : k2);
            Write((ulong)m1, (ulong)(m1 >> 64), 0, 0, k1 < 0, c, windows, digits, points, i);
            Write((ulong)m2, (ulong)(m2 >> 64), 0, 0, k2 < 0, c, windows, digits, points, n + i);
        }
    }

    private static void Zero(Span<short> digits, int windows, int stride, int index)
    {
        for (int w = 0; w < windows; w++) digits[w * stride + index] = 0;
    }

    /// <summary>The signed window digits of the integer k (limbs k0..k3), negated if asked, to digits[w·stride + index].</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Write(ulong k0, ulong k1, ulong k2, ulong k3, bool negate, int c, int windows, Span<short> digits,
        int stride, int index)
    {
        int full = 1 << c, half = full >> 1;
        ulong mask = (ulong)full - 1;
        int carry = 0, sign = negate ? -1 : 0;
        for (int w = 0; w < windows; w++)
        {
            int bit = w * c, limb = bit >> 6, shift = bit & 63;
            ulong v = Limb(limb, k0, k1, k2, k3) >> shift;
            // A window that starts in the top limb may read past it: limb 4 is zero.
            if (shift + c > 64) v |= Limb(limb + 1, k0, k1, k2, k3) << (64 - shift);
            int d = (int)(v & mask) + carry;
            // The top window keeps its digit unsigned: it has no next window to carry into. It holds
            // bits mod c < c bits, so with the carry it is at most 2^(c-1): still a bucket index.
            if (d >= half && w < windows - 1) { d -= full; carry = 1; }
            else carry = 0;
            Debug.Assert(d <= half && (d < half || c < MaxWindowBits));
            digits[w * stride + index] = (short)((d ^ sign) - sign);
        }
    }

    // A static helper rather than a local function: a closure over the limbs was not inlined and showed in profiles.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Limb(int i, ulong k0, ulong k1, ulong k2, ulong k3) => i switch { 0 => k0, 1 => k1, 2 => k2, 3 => k3, _ => 0 };
}
