namespace Rollup.Crypto.Bls12381.Towers;

public readonly partial struct Fp12
{
    /// <summary>
    /// Granger–Scott squaring, valid only for elements of the cyclotomic subgroup (norm 1 over F_p6
    /// and F_p2, i.e. after the easy part of the final exponentiation); ~3 F_p4 squarings instead of
    /// a full F_p12 squaring.
    /// View f = A + B·w + C·w^2 over F_p4 = F_p2[s]/(s^2 - ξ), s = w^3, w^3 = s; then
    /// f^2 = (3A^2 - 2Ā) + (3sC^2 + 2B̄)·w + (3B^2 - 2C̄)·w^2 with Ā the F_p4 conjugate.
    /// Here A = c0 + c3 s, B = c1 + c4 s, C = c2 + c5 s in the w-power numbering of <see cref="Fp12"/>.
    /// </summary>
    public Fp12 CyclotomicSquare()
    {
        Fp2 a0 = C0.C0, a1 = C1.C1; // A
        Fp2 b0 = C1.C0, b1 = C0.C2; // B
        Fp2 c0 = C0.C1, c1 = C1.C2; // C

        Fp4Square(a0, a1, out Fp2 t0, out Fp2 t1); // A^2
        Fp4Square(c0, c1, out Fp2 t2, out Fp2 t3); // C^2
        Fp4Square(b0, b1, out Fp2 t4, out Fp2 t5); // B^2

        Fp2 na0 = (t0 - a0).Double() + t0;
        Fp2 na1 = (t1 + a1).Double() + t1;
        Fp2 xt3 = t3.MulByXi();                    // s·C^2 = ξ t3 + t2 s
        Fp2 nb0 = (xt3 + b0).Double() + xt3;
        Fp2 nb1 = (t2 - b1).Double() + t2;
        Fp2 nc0 = (t4 - c0).Double() + t4;
        Fp2 nc1 = (t5 + c1).Double() + t5;

        return new Fp12(new Fp6(na0, nc0, nb1), new Fp6(nb0, na1, nc1));
    }

    /// <summary>(x + y s)^2 = (x^2 + ξ y^2) + 2xy s in F_p4, with 2xy = (x+y)^2 - x^2 - y^2.</summary>
    private static void Fp4Square(in Fp2 x, in Fp2 y, out Fp2 r0, out Fp2 r1)
    {
        Fp2 x2 = x.Square(), y2 = y.Square();
        r0 = y2.MulByXi() + x2;
        r1 = (x + y).Square() - x2 - y2;
    }
}
