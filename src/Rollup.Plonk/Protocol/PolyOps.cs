using Rollup.Crypto.Bn254.Curves;
using Rollup.Crypto.Bn254.Fields;

namespace Rollup.Plonk.Protocol;

/// <summary>The polynomial and group kernels the protocol calls, in one place, so the prover and key generator do not
/// depend on how they are implemented. Interim implementations: a textbook radix-2 NTT and a plain
/// sum of scalar multiplications, correct but not fast; the optimised kernels of Rollup.Crypto replace them.</summary>
internal static class PolyOps
{
    /// <summary>Coefficients from evaluations on the n-th roots of unity (in place).</summary>
    public static void Interpolate(Span<Fr> values, int log2n)
    {
        Transform(values, Fr.RootOfUnity(log2n).Inverse());
        var nInv = Fr.FromUInt64((ulong)values.Length).Inverse();
        for (int i = 0; i < values.Length; i++) values[i] *= nInv;
    }

    /// <summary>Evaluations on the n-th roots of unity from coefficients (in place).</summary>
    public static void Evaluate(Span<Fr> coeffs, int log2n) => Transform(coeffs, Fr.RootOfUnity(log2n));

    /// <summary>Evaluations on the coset shift·H of size 2^log2n from coefficients (in place).</summary>
    public static void EvaluateOnCoset(Span<Fr> coeffs, int log2n, Fr shift)
    {
        var s = Fr.One;
        for (int i = 0; i < coeffs.Length; i++) { coeffs[i] *= s; s *= shift; }
        Transform(coeffs, Fr.RootOfUnity(log2n));
    }

    /// <summary>Coefficients from evaluations on the coset shift·H (in place).</summary>
    public static void InterpolateFromCoset(Span<Fr> values, int log2n, Fr shift)
    {
        Interpolate(values, log2n);
        var inv = shift.Inverse();
        var s = Fr.One;
        for (int i = 0; i < values.Length; i++) { values[i] *= s; s *= inv; }
    }

    private static void Transform(Span<Fr> a, Fr omega)
    {
        int n = a.Length;
        for (int i = 1, j = 0; i < n; i++)
        {
            int bit = n >> 1;
            for (; (j & bit) != 0; bit >>= 1) j ^= bit;
            j ^= bit;
            if (i < j) (a[i], a[j]) = (a[j], a[i]);
        }
        for (int len = 2; len <= n; len <<= 1)
        {
            var wLen = omega.Pow((ulong)(n / len));
            for (int i = 0; i < n; i += len)
            {
                var w = Fr.One;
                for (int k = 0; k < len / 2; k++)
                {
                    var u = a[i + k];
                    var v = a[i + k + len / 2] * w;
                    a[i + k] = u + v;
                    a[i + k + len / 2] = u - v;
                    w *= wLen;
                }
            }
        }
    }

    public static G1Jacobian Msm(ReadOnlySpan<G1Affine> bases, ReadOnlySpan<Fr> scalars)
    {
        var acc = G1Jacobian.Infinity;
        for (int i = 0; i < scalars.Length; i++)
            if (!scalars[i].IsZero) acc += bases[i].ToJacobian().Multiply(scalars[i]);
        return acc;
    }

    /// <summary>p(z) by Horner's rule.</summary>
    public static Fr EvaluateAt(ReadOnlySpan<Fr> coeffs, Fr z)
    {
        var acc = Fr.Zero;
        for (int i = coeffs.Length - 1; i >= 0; i--) acc = acc * z + coeffs[i];
        return acc;
    }

    /// <summary>(p(X) − p(z)) / (X − z), the KZG opening witness polynomial.</summary>
    public static Fr[] DivideByLinear(ReadOnlySpan<Fr> coeffs, Fr z)
    {
        if (coeffs.Length <= 1) return [];
        var q = new Fr[coeffs.Length - 1];
        var carry = Fr.Zero;
        for (int i = coeffs.Length - 1; i >= 1; i--)
        {
            carry = carry * z + coeffs[i];
            q[i - 1] = carry;
        }
        return q;
    }
}
