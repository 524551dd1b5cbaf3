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
/// exponentiation sends to 1), is a + b·xP·v + c·yP·v·w with a, b, c ∈ F_p2 depending on T and Q
/// only, the shape <see cref="Fp12.MultiplyByLine"/> multiplies in sparsely. Lines are also scaled
/// by F_p2 factors to avoid inversions. Since a, b, c do not depend on P, the T arithmetic runs once
/// per G2 point (<see cref="ComputeLines"/>, kept in <see cref="G2Prepared"/>) and the loop proper
/// only evaluates lines and accumulates f.
/// </summary>
internal static class MillerLoop
{
    private const int TopBit = 63; // of |x|; T starts as Q there

    /// <summary>Lines per G2 point: one doubling per bit below the top, one addition per further set bit.</summary>
    internal static readonly int LineCount = TopBit + System.Numerics.BitOperations.PopCount(Bls12381Parameters.AbsX) - 1;

    private static readonly Fp2 ThreeB = G2Affine.B + G2Affine.B + G2Affine.B;

    /// <summary>Product over the pairs of their Miller loop values, skipping pairs with a point at infinity.</summary>
    public static Fp12 Run(ReadOnlySpan<G1Affine> ps, ReadOnlySpan<G2Prepared> qs)
    {
        if (ps.Length != qs.Length) throw new ArgumentException("as many G1 as G2 points are needed");
        var xs = new Fp[ps.Length];
        var ys = new Fp[ps.Length];
        var lines = new LineCoefficients[ps.Length][];
        int n = 0;
        for (int i = 0; i < ps.Length; i++)
        {
            if (ps[i].IsInfinity || qs[i].IsInfinity) continue;
            xs[n] = ps[i].X; ys[n] = ps[i].Y; lines[n] = qs[i].Lines;
            n++;
        }
        if (n == 0) return Fp12.One;

        Fp12 f = Fp12.One;
        int line = 0;
        for (int bit = TopBit - 1; bit >= 0; bit--)
        {
            if (bit != TopBit - 1) f = f.Square();
            for (int k = 0; k < n; k++) Evaluate(lines[k][line], xs[k], ys[k], ref f);
            line++;
            if (((Bls12381Parameters.AbsX >> bit) & 1) == 0) continue;
            for (int k = 0; k < n; k++) Evaluate(lines[k][line], xs[k], ys[k], ref f);
            line++;
        }
        return f.Conjugate(); // x < 0
    }

    private static void Evaluate(in LineCoefficients l, in Fp xP, in Fp yP, ref Fp12 f) =>
        Fp12.MultiplyByLine(f, l.A, l.B * xP, l.C * yP, out f);

    /// <summary>The lines of the loop for one G2 point (not infinity), in the order the loop uses them.</summary>
    internal static LineCoefficients[] ComputeLines(in G2Affine q)
    {
        var lines = new LineCoefficients[LineCount];
        Fp2 x = q.X, y = q.Y, z = Fp2.One;
        int line = 0;
        for (int bit = TopBit - 1; bit >= 0; bit--)
        {
            lines[line++] = DoublingStep(ref x, ref y, ref z);
            if (((Bls12381Parameters.AbsX >> bit) & 1) != 0) lines[line++] = AdditionStep(ref x, ref y, ref z, q.X, q.Y);
        }
        return lines;
    }

    /// <summary>
    /// T ← 2T, returning l_{T,T}. With B = Y², C = Z², E = 3b'C, F = 3E, H = 2YZ, J = X²:
    /// line·(2YZ)·(-1) = (E - B) + 3J·xP·v - H·yP·v·w (the constant term uses Y²Z = X³ + b'Z³);
    /// point (all coordinates scaled by 4 to avoid halving): X3 = 2XY(B - F), Y3 = (B + F)^2 - 12E^2, Z3 = 4BH.
    /// </summary>
    private static LineCoefficients DoublingStep(ref Fp2 x, ref Fp2 y, ref Fp2 z)
    {
        Fp2 b = y.Square();
        Fp2 c = z.Square();
        Fp2 e = ThreeB * c;
        Fp2 ff = e.Double() + e;
        Fp2 h = (y + z).Square() - b - c;
        Fp2 j = x.Square();
        var l = new LineCoefficients(e - b, j.Double() + j, -h);

        Fp2 x3 = (x * y).Double() * (b - ff);
        Fp2 e2 = e.Square();
        Fp2 y3 = (b + ff).Square() - (e2.Double().Double().Double() + e2.Double().Double());
        Fp2 z3 = (b * h).Double().Double();
        x = x3; y = y3; z = z3;
        return l;
    }

    /// <summary>
    /// T ← T + Q for the affine Q = (xQ, yQ), returning l_{T,Q}. With θ = Y - yQ·Z and λ = X - xQ·Z
    /// (slope θ/λ): line·λ = (θ·xQ - λ·yQ) - θ·xP·v + λ·yP·v·w;
    /// point: C = θ², D = λ², E = λ³, F = Z·C, G = X·D, H = E + F - 2G, X3 = λH, Y3 = θ(G - H) - Y·E, Z3 = Z·E.
    /// </summary>
    private static LineCoefficients AdditionStep(ref Fp2 x, ref Fp2 y, ref Fp2 z, in Fp2 xq, in Fp2 yq)
    {
        Fp2 theta = y - yq * z;
        Fp2 lambda = x - xq * z;
        Fp2 c = theta.Square();
        Fp2 d = lambda.Square();
        Fp2 e = lambda * d;
        Fp2 ff = z * c;
        Fp2 g = x * d;
        Fp2 h = e + ff - g.Double();
        var l = new LineCoefficients(theta * xq - lambda * yq, -theta, lambda);

        Fp2 x3 = lambda * h;
        Fp2 y3 = theta * (g - h) - y * e;
        Fp2 z3 = z * e;
        x = x3; y = y3; z = z3;
        return l;
    }
}
