using Rollup.Crypto.Bn254.Fields;

namespace Rollup.Crypto.Bn254.Towers;

/// <summary>Operand layout helpers for the fused eight-lane kernels (<see cref="Fq8Math"/>).</summary>
public readonly partial struct Fq6
{
    /// <summary>
    /// Writes the five F_q2 operand pairs of a·(b0 + b1·v) (<see cref="MulBy01"/>: a0·b0, a1·b1, a2·b1,
    /// (a0 + a1)(b0 + b1), a2·b0) to entries <paramref name="at"/>..+4 of the operand spans.
    /// </summary>
    internal static void WriteMulBy01Lanes(Span<U256> x0, Span<U256> x1, Span<U256> y0, Span<U256> y1, int at, in Fq6 a, in Fq2 b0, in Fq2 b1)
    {
        WriteLane(x0, x1, y0, y1, at, a.C0, b0);
        WriteLane(x0, x1, y0, y1, at + 1, a.C1, b1);
        WriteLane(x0, x1, y0, y1, at + 2, a.C2, b1);
        WriteLane(x0, x1, y0, y1, at + 3, a.C0 + a.C1, b0 + b1);
        WriteLane(x0, x1, y0, y1, at + 4, a.C2, b0);
    }

    /// <summary>Writes the operand pair (x, y) of one F_q2 product to entry <paramref name="k"/> (real and imaginary parts apart).</summary>
    internal static void WriteLane(Span<U256> x0, Span<U256> x1, Span<U256> y0, Span<U256> y1, int k, in Fq2 x, in Fq2 y)
    {
        x0[k] = x.A0.Limbs; x1[k] = x.A1.Limbs; y0[k] = y.A0.Limbs; y1[k] = y.A1.Limbs;
    }
}
