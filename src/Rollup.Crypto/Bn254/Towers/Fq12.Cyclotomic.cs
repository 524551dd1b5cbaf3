namespace Rollup.Crypto.Bn254.Towers;

public readonly partial struct Fq12
{
    /// <summary>
    /// Granger–Scott squaring, valid only for elements of the cyclotomic subgroup (norm 1 over F_q6
    /// and F_q2, i.e. after the easy part of the final exponentiation); ~3 F_q4 squarings instead of
    /// a full F_q12 squaring.
    /// View f = A + B·w + C·w^2 over F_q4 = F_q2[s]/(s^2 - ξ), s = w^3, w^3 = s; then
    /// f^2 = (3A^2 - 2Ā) + (3sC^2 + 2B̄)·w + (3B^2 - 2C̄)·w^2 with Ā the F_q4 conjugate.
    /// Here A = c0 + c3 s, B = c1 + c4 s, C = c2 + c5 s in the w-power numbering of <see cref="Fq12"/>.
    /// </summary>
    public Fq12 CyclotomicSquare() => Fq2Batch.IsVectorized ? CyclotomicSquareBatched() : CyclotomicSquareScalar();

    /// <summary>
    /// x^(2^count) by <paramref name="count"/> cyclotomic squares (same subgroup condition as
    /// <see cref="CyclotomicSquare"/>). On AVX-512 the squares run back to back in the vector kernel's limb form
    /// (<see cref="Fields.Fq8Math.CyclotomicSquares"/>); the same values as squaring one at a time.
    /// </summary>
    public Fq12 CyclotomicSquareTimes(int count)
    {
        if (count < 0) throw new ArgumentOutOfRangeException(nameof(count));
        if (count == 0) return this;
        if (!Fq2Batch.IsVectorized)
        {
            Fq12 r = this;
            for (int i = 0; i < count; i++) r = r.CyclotomicSquareScalar();
            return r;
        }
        return CyclotomicSquaresBatched(count);
    }

    /// <summary>The one-product-at-a-time form of <see cref="CyclotomicSquare"/> (no AVX-512; the tests' reference).</summary>
    internal Fq12 CyclotomicSquareScalar()
    {
        Fq2 a0 = C0.C0, a1 = C1.C1; // A
        Fq2 b0 = C1.C0, b1 = C0.C2; // B
        Fq2 c0 = C0.C1, c1 = C1.C2; // C

        Fq4Square(a0, a1, out Fq2 t0, out Fq2 t1); // A^2
        Fq4Square(c0, c1, out Fq2 t2, out Fq2 t3); // C^2
        Fq4Square(b0, b1, out Fq2 t4, out Fq2 t5); // B^2

        // 3t ∓ 2x with a single reduction each (Fq2.ThreeTimes...).
        Fq2 na0 = Fq2.ThreeTimesMinusTwice(t0, a0);
        Fq2 na1 = Fq2.ThreeTimesPlusTwice(t1, a1);
        Fq2 xt3 = t3.MulByXi();                    // s·C^2 = ξ t3 + t2 s
        Fq2 nb0 = Fq2.ThreeTimesPlusTwice(xt3, b0);
        Fq2 nb1 = Fq2.ThreeTimesMinusTwice(t2, b1);
        Fq2 nc0 = Fq2.ThreeTimesMinusTwice(t4, c0);
        Fq2 nc1 = Fq2.ThreeTimesPlusTwice(t5, c1);

        return new Fq12(new Fq6(na0, nc0, nb1), new Fq6(nb0, na1, nc1));
    }

    /// <summary>(x + y s)^2 = (x^2 + ξ y^2) + 2xy s in F_q4, with 2xy = (x+y)^2 - x^2 - y^2.</summary>
    private static void Fq4Square(in Fq2 x, in Fq2 y, out Fq2 r0, out Fq2 r1)
    {
        Fq2 x2 = x.Square(), y2 = y.Square();
        r0 = y2.MulByXi() + x2;
        r1 = (x + y).Square() - x2 - y2;
    }
}
