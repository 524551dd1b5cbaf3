using Rollup.Crypto.Bn254.Curves;
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
    // Width-4 NAF of u (digits 0, ±1, ±3, ±5, ±7): 14 non-zero digits instead of 24 in the plain
    // NAF; in the cyclotomic subgroup a negative digit costs only a conjugation.
    private const int Window = 4;
    private static readonly sbyte[] UNaf = ComputeUNaf();

    private static sbyte[] ComputeUNaf()
    {
        Span<sbyte> digits = stackalloc sbyte[66];
        int len = Wnaf.Compute([Bn254Parameters.U], Window, digits);
        return digits[..len].ToArray();
    }

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

    /// <summary>f^u for f in the cyclotomic subgroup.</summary>
    internal static Fq12 ExpByU(in Fq12 f)
    {
        Span<Fq12> odd = stackalloc Fq12[1 << (Window - 2)]; // f, f^3, f^5, f^7
        odd[0] = f;
        Fq12 f2 = f.CyclotomicSquare();
        for (int i = 1; i < odd.Length; i++) odd[i] = odd[i - 1] * f2;

        int top = UNaf.Length - 1;
        Fq12 r = odd[UNaf[top] >> 1]; // the leading digit of a positive number's NAF is positive
        for (int i = top - 1; i >= 0; i--)
        {
            r = r.CyclotomicSquare();
            int d = UNaf[i];
            if (d > 0) r *= odd[d >> 1];
            else if (d < 0) r *= odd[(-d) >> 1].Conjugate();
        }
        return r;
    }
}
