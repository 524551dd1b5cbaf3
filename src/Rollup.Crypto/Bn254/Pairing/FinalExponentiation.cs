using Rollup.Crypto.Bn254.Towers;

namespace Rollup.Crypto.Bn254.Pairing;

/// <summary>
/// f^((q^12 - 1)/r), split as (q^6 - 1)(q^2 + 1) · (q^4 - q^2 + 1)/r.
///
/// Easy part: two Frobenius maps, one inversion. It lands in the cyclotomic subgroup, where
/// inversion is conjugation and <see cref="Fq12.CyclotomicSquare"/> applies.
///
/// Hard part (Scott et al., "On the final exponentiation for calculating pairings on ordinary
/// elliptic curves", 2009): (q^4 - q^2 + 1)/r = λ0 + λ1·q + λ2·q^2 + λ3·q^3 with
/// λ3 = 1, λ2 = 6u^2 + 1, λ1 = -36u^3 - 18u^2 - 12u + 1, λ0 = -36u^3 - 30u^2 - 18u - 2.
/// With y0 = f^(q+q^2+q^3), y1 = f^-1, y2 = f^(u^2 q^2), y3 = f^(-uq), y4 = f^(-u-u^2 q),
/// y5 = f^(-u^2), y6 = f^(-u^3-u^3 q), the result is y0·y1^2·y2^6·y3^12·y4^18·y5^30·y6^36, which
/// a short addition chain computes with three exponentiations by u.
/// </summary>
internal static class FinalExponentiation
{
    // u = 0x44E992B44A6909F1 in signed digits from {0, ±1, ±15, ±19}, most significant first: 59 digits, 12 of them
    // non-zero. Chosen by a search over minimal-weight recodings with small digit sets, costing an F_q12 product as
    // ~2.6 cyclotomic squares (1.45 against 0.55 µs measured): with the table f, f^15, f^19 (4 squares, 2 products)
    // an exponentiation is 62 squares and 13 products; the width-4 NAF (table f, f^3, f^5, f^7) needed 62 and 16.
    // Negative digits cost nothing extra: in the cyclotomic subgroup the inverse is the conjugate.
    // The tests check that the digits sum to u.
    internal static readonly sbyte[] UDigits =
    [
        19, 0, 0, -19, 0, 19, 0, 0, 0, 0, 0, 19, 0, 0, 0, 0, 0, 0, 19, 0, 0, 0, 0, 0, -19, 0, 0, 0, 0, 0,
        0, 0, 19, 0, -1, 0, 0, 0, 0, -19, 0, 0, 0, 0, 0, 0, 19, 0, 0, -19, 0, 0, 0, 0, 0, 0, 0, 0, -15,
    ];

    public static Fq12 Apply(in Fq12 f)
    {
        // Easy part: f^(q^6 - 1) then ^(q^2 + 1).
        Fq12 t = f.Conjugate() * f.Inverse();
        t = t.Frobenius(2) * t;
        return HardPart(t);
    }

    internal static Fq12 HardPart(in Fq12 f)
    {
        Fq12 fu = ExpByU(f);
        Fq12 fu2 = ExpByU(fu);
        Fq12 fu3 = ExpByU(fu2);

        Fq12 y0 = f.Frobenius(1) * f.Frobenius(2) * f.Frobenius(3);
        Fq12 y1 = f.Conjugate();
        Fq12 y2 = fu2.Frobenius(2);
        Fq12 y3 = fu.Frobenius(1).Conjugate();
        Fq12 y4 = (fu * fu2.Frobenius(1)).Conjugate();
        Fq12 y5 = fu2.Conjugate();
        Fq12 y6 = (fu3 * fu3.Frobenius(1)).Conjugate();

        Fq12 t0 = y6.CyclotomicSquare() * y4 * y5;  // y6^2 y4 y5
        Fq12 t1 = t0 * y3 * y5;                     // y6^2 y5^2 y4 y3
        t0 *= y2;                                   // y6^2 y5 y4 y2
        t1 = t1.CyclotomicSquare() * t0;            // y6^6 y5^5 y4^3 y3^2 y2
        t1 = t1.CyclotomicSquare();                 // y6^12 y5^10 y4^6 y3^4 y2^2
        t0 = t1 * y1;
        t1 *= y0;
        t0 = t0.CyclotomicSquare();                 // y6^24 y5^20 y4^12 y3^8 y2^4 y1^2
        return t0 * t1;                             // y6^36 y5^30 y4^18 y3^12 y2^6 y1^2 y0
    }

    /// <summary>f^u for f in the cyclotomic subgroup, along <see cref="UDigits"/>.</summary>
    internal static Fq12 ExpByU(in Fq12 f)
    {
        Fq12 f4 = f.CyclotomicSquareTimes(2);
        Fq12 f15 = f4.CyclotomicSquareTimes(2) * f.Conjugate(); // f^16 · f^-1
        Fq12 f19 = f15 * f4;

        // The squares between two products run back to back (CyclotomicSquareTimes keeps the limb form).
        Fq12 r = f19; // the leading digit
        int squares = 0;
        for (int i = 1; i < UDigits.Length; i++)
        {
            squares++;
            if (UDigits[i] == 0) continue;
            r = r.CyclotomicSquareTimes(squares);
            squares = 0;
            switch (UDigits[i])
            {
                case 1: r *= f; break;
                case -1: r *= f.Conjugate(); break;
                case 15: r *= f15; break;
                case -15: r *= f15.Conjugate(); break;
                case 19: r *= f19; break;
                case -19: r *= f19.Conjugate(); break;
                default: throw new InvalidOperationException("digit outside the table");
            }
        }
        return r.CyclotomicSquareTimes(squares);
    }
}
