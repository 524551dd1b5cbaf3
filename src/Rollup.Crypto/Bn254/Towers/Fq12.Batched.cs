using Rollup.Crypto.Bn254.Fields;

namespace Rollup.Crypto.Bn254.Towers;

/// <summary>
/// The F_q12 operations on AVX-512, each one fused eight-lane kernel call (<see cref="Fq8Math"/>) from operands to
/// result: same formulas as the scalar versions, same results (the tests compare them).
/// </summary>
public readonly partial struct Fq12
{
    /// <summary>
    /// Karatsuba over F_q6: 18 F_q2 products in 3 groups of eight (one F_q6 product per group), with the Karatsuba
    /// sums, the recombinations and the reduction in the same vector call (<see cref="Fq8Math.MultiplyFq12"/>).
    /// </summary>
    private static void MultiplyBatched(in Fq12 a, in Fq12 b, out Fq12 r)
    {
        Span<U256> storage = stackalloc U256[4 * 8];
        Span<U256> aRe = storage[..8], aIm = storage.Slice(8, 8), bRe = storage.Slice(16, 8), bIm = storage.Slice(24, 8);
        WriteCoefficients(aRe, aIm, a);
        WriteCoefficients(bRe, bIm, b);
        Fq8Math.MultiplyFq12(aRe, aIm, bRe, bIm, aRe, aIm);
        r = SquareLanesResult(aRe, aIm);
    }

    /// <summary>a's six F_q2 coefficients (C0's three, then C1's) as real and imaginary parts in entries 0–5.</summary>
    private static void WriteCoefficients(Span<U256> re, Span<U256> im, in Fq12 a)
    {
        re[0] = a.C0.C0.A0.Limbs; im[0] = a.C0.C0.A1.Limbs; re[1] = a.C0.C1.A0.Limbs; im[1] = a.C0.C1.A1.Limbs;
        re[2] = a.C0.C2.A0.Limbs; im[2] = a.C0.C2.A1.Limbs; re[3] = a.C1.C0.A0.Limbs; im[3] = a.C1.C0.A1.Limbs;
        re[4] = a.C1.C1.A0.Limbs; im[4] = a.C1.C1.A1.Limbs; re[5] = a.C1.C2.A0.Limbs; im[5] = a.C1.C2.A1.Limbs;
    }

    /// <summary>
    /// Granger–Scott squaring (see <see cref="CyclotomicSquareScalar"/>) with each F_q4 square
    /// (x + y s)^2 = (x^2 + ξ y^2) + 2xy s formed from x^2, y^2 and (x + y)^2 (2xy = (x + y)^2 − x^2 − y^2):
    /// nine F_q2 squares, eight in one eight-lane group and the ninth scalar (a second group, or a group
    /// of products for the three xy, costs more than one scalar square). The eight squares and the six
    /// output combinations 3A^2 − 2Ā etc. are one vector call (<see cref="Fq8Math.CyclotomicSquare"/>).
    /// </summary>
    private Fq12 CyclotomicSquareBatched()
    {
        Fq2 a0 = C0.C0, a1 = C1.C1; // A
        Fq2 b0 = C1.C0, b1 = C0.C2; // B
        Fq2 c0 = C0.C1, c1 = C1.C2; // C

        // Lane layout of Fq8Math.CyclotomicSquare: a0, a1, a0 + a1, b0, b1, b0 + b1, c0, c1.
        Span<U256> re = stackalloc U256[8], im = stackalloc U256[8];
        Fq2 sa = a0 + a1, sb = b0 + b1;
        re[0] = a0.A0.Limbs; im[0] = a0.A1.Limbs; re[1] = a1.A0.Limbs; im[1] = a1.A1.Limbs;
        re[2] = sa.A0.Limbs; im[2] = sa.A1.Limbs; re[3] = b0.A0.Limbs; im[3] = b0.A1.Limbs;
        re[4] = b1.A0.Limbs; im[4] = b1.A1.Limbs; re[5] = sb.A0.Limbs; im[5] = sb.A1.Limbs;
        re[6] = c0.A0.Limbs; im[6] = c0.A1.Limbs; re[7] = c1.A0.Limbs; im[7] = c1.A1.Limbs;
        Fq2 sc = (c0 + c1).Square();
        Fq8Math.CyclotomicSquare(re, im, sc.A0.Limbs, sc.A1.Limbs);

        // Output lanes: na0, nc0, nb1, na1, nc1, nb0.
        return new Fq12(new Fq6(Lane(re, im, 0), Lane(re, im, 1), Lane(re, im, 2)),
            new Fq6(Lane(re, im, 5), Lane(re, im, 3), Lane(re, im, 4)));
    }

    /// <summary><paramref name="count"/> cyclotomic squares in the kernel's limb form (<see cref="Fq8Math.CyclotomicSquares"/>).</summary>
    private Fq12 CyclotomicSquaresBatched(int count)
    {
        // The kernel's output layout: a0, c0, b1, a1, c1, b0 = C0.C0, C0.C1, C0.C2, C1.C1, C1.C2, C1.C0.
        Span<U256> re = stackalloc U256[8], im = stackalloc U256[8];
        re[0] = C0.C0.A0.Limbs; im[0] = C0.C0.A1.Limbs; re[1] = C0.C1.A0.Limbs; im[1] = C0.C1.A1.Limbs;
        re[2] = C0.C2.A0.Limbs; im[2] = C0.C2.A1.Limbs; re[3] = C1.C1.A0.Limbs; im[3] = C1.C1.A1.Limbs;
        re[4] = C1.C2.A0.Limbs; im[4] = C1.C2.A1.Limbs; re[5] = C1.C0.A0.Limbs; im[5] = C1.C0.A1.Limbs;
        Fq8Math.CyclotomicSquares(re, im, count);
        return new Fq12(new Fq6(Lane(re, im, 0), Lane(re, im, 1), Lane(re, im, 2)),
            new Fq6(Lane(re, im, 5), Lane(re, im, 3), Lane(re, im, 4)));
    }

    /// <summary>
    /// Complex squaring (see <see cref="SquareScalar"/>): 12 F_q2 products in 2 groups of eight, with the Karatsuba sums,
    /// the recombination and the reduction in the same vector call (<see cref="Fq8Math.SquareFq12"/>; its four extra
    /// products get zeros here).
    /// </summary>
    private static void SquareBatched(in Fq12 a, out Fq12 r)
    {
        Span<U256> storage = stackalloc U256[6 * 8 + 2 * 16];
        Span<U256> aRe = storage[..8], aIm = storage.Slice(8, 8), wRe = storage.Slice(16, 8), wIm = storage.Slice(24, 8);
        Span<U256> eRe = storage.Slice(32, 8), eIm = storage.Slice(40, 8), re = storage.Slice(48, 16), im = storage.Slice(64, 16);
        WriteSquareInputs(aRe, aIm, wRe, wIm, a);
        eRe.Clear(); eIm.Clear();
        Fq8Math.SquareFq12(aRe, aIm, wRe, wIm, eRe, eIm, re, im);
        r = SquareLanesResult(re, im);
    }

    /// <summary>
    /// The inputs of <see cref="Fq8Math.SquareFq12"/> that come from a: its six coefficients, and a0 + v·a1 (the one
    /// operand the kernel does not form itself: v·a1 needs a ξ-multiplication).
    /// </summary>
    internal static void WriteSquareInputs(Span<U256> aRe, Span<U256> aIm, Span<U256> wRe, Span<U256> wIm, in Fq12 a)
    {
        WriteCoefficients(aRe, aIm, a);
        Fq6 w = Fq6.PlusVTimes(a.C0, a.C1);
        wRe[0] = w.C0.A0.Limbs; wIm[0] = w.C0.A1.Limbs; wRe[1] = w.C1.A0.Limbs; wIm[1] = w.C1.A1.Limbs;
        wRe[2] = w.C2.A0.Limbs; wIm[2] = w.C2.A1.Limbs;
    }

    /// <summary>The F_q12 result of <see cref="Fq8Math.SquareFq12"/> or <see cref="Fq8Math.MultiplyByLine"/> (entries 0–5).</summary>
    internal static Fq12 SquareLanesResult(ReadOnlySpan<U256> x0, ReadOnlySpan<U256> x1) =>
        new(new Fq6(Lane(x0, x1, 0), Lane(x0, x1, 1), Lane(x0, x1, 2)), new Fq6(Lane(x0, x1, 3), Lane(x0, x1, 4), Lane(x0, x1, 5)));

    /// <summary>Entry k of a fused kernel's output spans as an F_q2 value.</summary>
    internal static Fq2 Lane(ReadOnlySpan<U256> re, ReadOnlySpan<U256> im, int k) => new(new Fq(re[k]), new Fq(im[k]));

    /// <summary>
    /// Sparse product with a line (see <see cref="MultiplyByLineScalar"/>): 13 F_q2 products in 2 groups, recombined and
    /// reduced in the same vector call (<see cref="Fq8Math.MultiplyByLine"/>; its three free lanes get zeros here).
    /// </summary>
    private static void MultiplyByLineBatched(in Fq12 f, in Fq2 a, in Fq2 b, in Fq2 c, out Fq12 r)
    {
        Span<U256> storage = stackalloc U256[4 * 16];
        Span<U256> x0 = storage[..16], x1 = storage.Slice(16, 16), y0 = storage.Slice(32, 16), y1 = storage.Slice(48, 16);
        WriteLineLanes(x0, x1, y0, y1, f, a, b, c);
        for (int k = 13; k < 16; k++) Fq6.WriteLane(x0, x1, y0, y1, k, Fq2.Zero, Fq2.Zero);
        Fq8Math.MultiplyByLine(x0, x1, y0, y1);
        r = SquareLanesResult(x0, x1);
    }

    /// <summary>
    /// Writes the operands of f·(a + b·w + c·w^3) in <see cref="Fq8Math.MultiplyByLine"/>'s layout: f1·(b + c·v) at
    /// entry 0, f0·a at 5, (f0 + f1)·((a + b) + c·v) at 8 (entries 13–15 are left to the caller).
    /// </summary>
    internal static void WriteLineLanes(Span<U256> x0, Span<U256> x1, Span<U256> y0, Span<U256> y1, in Fq12 f, in Fq2 a, in Fq2 b, in Fq2 c)
    {
        Fq6.WriteMulBy01Lanes(x0, x1, y0, y1, 0, f.C1, b, c);
        Fq6.WriteLane(x0, x1, y0, y1, 5, f.C0.C0, a);
        Fq6.WriteLane(x0, x1, y0, y1, 6, f.C0.C1, a);
        Fq6.WriteLane(x0, x1, y0, y1, 7, f.C0.C2, a);
        Fq6.WriteMulBy01Lanes(x0, x1, y0, y1, 8, f.C0 + f.C1, a + b, c);
    }

    /// <summary>
    /// Product with a normalized line (see <see cref="MultiplyByNormalizedLineScalar"/>): 10 F_q2 products and the six
    /// coefficients of f (as products by one) in 2 groups, recombined and reduced in one call
    /// (<see cref="Fq8Math.MultiplyByNormalizedLine"/>).
    /// </summary>
    private static void MultiplyByNormalizedLineBatched(in Fq12 f, in Fq2 b, in Fq2 c, out Fq12 r)
    {
        Span<U256> storage = stackalloc U256[4 * 16];
        Span<U256> x0 = storage[..16], x1 = storage.Slice(16, 16), y0 = storage.Slice(32, 16), y1 = storage.Slice(48, 16);
        Fq6.WriteMulBy01Lanes(x0, x1, y0, y1, 0, f.C0, b, c);
        Fq6.WriteLane(x0, x1, y0, y1, 5, f.C1.C0, Fq2.One);
        Fq6.WriteLane(x0, x1, y0, y1, 6, f.C1.C1, Fq2.One);
        Fq6.WriteLane(x0, x1, y0, y1, 7, f.C1.C2, Fq2.One);
        Fq6.WriteMulBy01Lanes(x0, x1, y0, y1, 8, f.C1, b, c);
        Fq6.WriteLane(x0, x1, y0, y1, 13, f.C0.C0, Fq2.One);
        Fq6.WriteLane(x0, x1, y0, y1, 14, f.C0.C1, Fq2.One);
        Fq6.WriteLane(x0, x1, y0, y1, 15, f.C0.C2, Fq2.One);
        Fq8Math.MultiplyByNormalizedLine(x0, x1, y0, y1);
        r = SquareLanesResult(x0, x1);
    }

}
