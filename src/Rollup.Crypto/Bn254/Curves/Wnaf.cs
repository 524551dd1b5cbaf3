namespace Rollup.Crypto.Bn254.Curves;

/// <summary>Width-w non-adjacent form of a non-negative multi-limb integer.</summary>
internal static class Wnaf
{
    /// <summary>
    /// Writes digits (least significant first) in (-2^(w-1), 2^(w-1)), every non-zero digit odd and
    /// followed by at least w-1 zeros; returns the number of digits. Sum of digits[i]·2^i = scalar.
    /// </summary>
    public static int Compute(ReadOnlySpan<ulong> scalar, int w, Span<sbyte> digits)
    {
        // One spare limb: subtracting a negative digit adds to k and may carry past the top limb.
        Span<ulong> k = stackalloc ulong[scalar.Length + 1];
        scalar.CopyTo(k);
        k[^1] = 0;
        int window = 1 << w, half = window >> 1, mask = window - 1;
        int i = 0, last = 0;
        while (!IsZero(k))
        {
            int d = 0;
            if ((k[0] & 1) != 0)
            {
                d = (int)(k[0] & (ulong)mask);
                if (d >= half) d -= window;
                if (d > 0) SubSmall(k, (ulong)d); else AddSmall(k, (ulong)(-d));
                last = i + 1;
            }
            digits[i++] = (sbyte)d;
            ShiftRight1(k);
        }
        return last;
    }

    private static bool IsZero(ReadOnlySpan<ulong> k)
    {
        foreach (ulong l in k) if (l != 0) return false;
        return true;
    }

    private static void SubSmall(Span<ulong> k, ulong v)
    {
        for (int j = 0; j < k.Length && v != 0; j++)
        {
            ulong before = k[j];
            k[j] = before - v;
            v = before < v ? 1UL : 0UL;
        }
    }

    private static void AddSmall(Span<ulong> k, ulong v)
    {
        for (int j = 0; j < k.Length && v != 0; j++)
        {
            k[j] += v;
            v = k[j] < v ? 1UL : 0UL;
        }
    }

    private static void ShiftRight1(Span<ulong> k)
    {
        for (int j = 0; j < k.Length - 1; j++) k[j] = (k[j] >> 1) | (k[j + 1] << 63);
        k[^1] >>= 1;
    }
}
