using Rollup.Crypto.Bls12381.Curves;
using Rollup.Crypto.Bls12381.Fields;
using Rollup.Crypto.Bls12381.Towers;

namespace Rollup.Crypto.Bls12381.Pairing;

/// <summary>
/// Miller loop of the optimal ate pairing on BLS12-381: f_{x,Q}(P) with the curve parameter
/// x = -0xd201000000010000. Its absolute value has six set bits, so the loop is 63 doublings and
/// 5 additions; the sign is applied at the end by conjugation (f^(p^6) = f^-1 up to factors the
/// final exponentiation removes).
///
/// The running point T is kept in homogeneous projective coordinates on the twist (x = X/Z, y = Y/Z).
/// The twist is of M-type: ψ(x, y) = (x/w^2, y/w^3) maps it to E(F_p12). A line through twist
/// points, evaluated at P = (xP, yP) and multiplied by w^3 (which lies in F_p4, a subfield the final
/// exponentiation sends to 1), is a + b·v + c·v·w with a, b, c ∈ F_p2, the shape
/// <see cref="Fp12.MultiplyByLine"/> multiplies in sparsely. Lines are also scaled by F_p2 factors
/// to avoid inversions.
/// </summary>
internal static class MillerLoop
{
    /// <summary>Per-pair state: the G1 point pre-scaled for the line formulas, Q and the running T.</summary>
    private struct PairState
    {
        public Fp YP, NegYP, XP3, NegXP;  // yP, -yP, 3·xP, -xP
        public Fp2 Qx, Qy;
        public Fp2 X, Y, Z;                // T, homogeneous projective
    }

    private static readonly Fp2 ThreeB = G2Affine.B + G2Affine.B + G2Affine.B;

    /// <summary>Product over the pairs of their Miller loop values, skipping pairs with a point at infinity.</summary>
    public static Fp12 Run(ReadOnlySpan<G1Affine> ps, ReadOnlySpan<G2Affine> qs)
    {
        if (ps.Length != qs.Length) throw new ArgumentException("as many G1 as G2 points are needed");
        var pairs = new PairState[ps.Length];
        int n = 0;
        for (int i = 0; i < ps.Length; i++)
        {
            if (ps[i].IsInfinity || qs[i].IsInfinity) continue;
            ref PairState s = ref pairs[n++];
            s.YP = ps[i].Y;
            s.NegYP = -ps[i].Y;
            s.NegXP = -ps[i].X;
            s.XP3 = ps[i].X.Double() + ps[i].X;
            s.Qx = qs[i].X; s.Qy = qs[i].Y;
            s.X = qs[i].X; s.Y = qs[i].Y; s.Z = Fp2.One;
        }
        if (n == 0) return Fp12.One;
        Span<PairState> active = pairs.AsSpan(0, n);

        Fp12 f = Fp12.One;
        for (int bit = 62; bit >= 0; bit--)
        {
            if (bit != 62) f = f.Square();
            for (int k = 0; k < active.Length; k++) DoublingStep(ref active[k], ref f);
            if (((Bls12381Parameters.AbsX >> bit) & 1) == 0) continue;
            for (int k = 0; k < active.Length; k++) AdditionStep(ref active[k], ref f);
        }
        return f.Conjugate(); // x < 0
    }

    /// <summary>
    /// T ← 2T and f ← f·l_{T,T}(P). With B = Y², C = Z², E = 3b'C, F = 3E, H = 2YZ, J = X²:
    /// line·(2YZ)·(-1) = (E - B) + 3J·xP·v - H·yP·v·w (the constant term uses Y²Z = X³ + b'Z³);
    /// point (all coordinates scaled by 4 to avoid halving): X3 = 2XY(B - F), Y3 = (B + F)^2 - 12E^2, Z3 = 4BH.
    /// </summary>
    private static void DoublingStep(ref PairState s, ref Fp12 f)
    {
        Fp2 b = s.Y.Square();
        Fp2 c = s.Z.Square();
        Fp2 e = ThreeB * c;
        Fp2 ff = e.Double() + e;
        Fp2 h = (s.Y + s.Z).Square() - b - c;
        Fp2 j = s.X.Square();

        Fp2 la = e - b;
        Fp2 lb = j * s.XP3;
        Fp2 lc = h * s.NegYP;

        Fp2 x3 = (s.X * s.Y).Double() * (b - ff);
        Fp2 e2 = e.Square();
        Fp2 y3 = (b + ff).Square() - (e2.Double().Double().Double() + e2.Double().Double());
        Fp2 z3 = (b * h).Double().Double();
        s.X = x3; s.Y = y3; s.Z = z3;

        Fp12.MultiplyByLine(f, la, lb, lc, out f);
    }

    /// <summary>
    /// T ← T + Q and f ← f·l_{T,Q}(P). With θ = Y - yQ·Z and λ = X - xQ·Z (slope θ/λ):
    /// line·λ = (θ·xQ - λ·yQ) - θ·xP·v + λ·yP·v·w;
    /// point: C = θ², D = λ², E = λ³, F = Z·C, G = X·D, H = E + F - 2G, X3 = λH, Y3 = θ(G - H) - Y·E, Z3 = Z·E.
    /// </summary>
    private static void AdditionStep(ref PairState s, ref Fp12 f)
    {
        Fp2 theta = s.Y - s.Qy * s.Z;
        Fp2 lambda = s.X - s.Qx * s.Z;
        Fp2 c = theta.Square();
        Fp2 d = lambda.Square();
        Fp2 e = lambda * d;
        Fp2 ff = s.Z * c;
        Fp2 g = s.X * d;
        Fp2 h = e + ff - g.Double();
        Fp2 x3 = lambda * h;
        Fp2 y3 = theta * (g - h) - s.Y * e;
        Fp2 z3 = s.Z * e;

        Fp2 la = theta * s.Qx - lambda * s.Qy;
        Fp2 lb = theta * s.NegXP;
        Fp2 lc = lambda * s.YP;
        s.X = x3; s.Y = y3; s.Z = z3;

        Fp12.MultiplyByLine(f, la, lb, lc, out f);
    }
}
