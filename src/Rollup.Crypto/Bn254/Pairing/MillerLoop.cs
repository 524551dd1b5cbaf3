using Rollup.Crypto.Bn254.Curves;
using Rollup.Crypto.Bn254.Fields;
using Rollup.Crypto.Bn254.Towers;

namespace Rollup.Crypto.Bn254.Pairing;

/// <summary>
/// Miller loop of the optimal ate pairing on BN254: f_{6u+2,Q}(P) · l_{T,π(Q)}(P) · l_{T',-π²(Q)}(P).
///
/// The running point T is kept in homogeneous projective coordinates on the twist (x = X/Z, y = Y/Z).
/// With the untwisting map (x, y) ↦ (x·w^2, y·w^3), a line through twist points evaluated at
/// P = (xP, yP) ∈ E(F_q) has the shape a + b·w + c·w^3 (a, b, c ∈ F_q2), which
/// <see cref="Fq12.MultiplyByLine"/> multiplies in sparsely. Lines are scaled by F_q2 factors to
/// avoid inversions; the final exponentiation removes such factors (x^(q^6-1) = 1 on F_q6).
/// Formulas: Costello–Lange–Naehrig (doubling) and Aranha et al. 2010 (mixed addition), D-type twist.
/// </summary>
internal static class MillerLoop
{
    // 6u+2 is 65 bits; its NAF (digits -1, 0, 1) needs fewer additions than its binary form.
    private static readonly sbyte[] LoopNaf = ComputeLoopNaf();

    private static sbyte[] ComputeLoopNaf()
    {
        UInt128 loop = 6 * (UInt128)Bn254Parameters.U + 2;
        ReadOnlySpan<ulong> limbs = [(ulong)loop, (ulong)(loop >> 64)];
        Span<sbyte> digits = stackalloc sbyte[129];
        int len = Wnaf.Compute(limbs, 2, digits);
        return digits[..len].ToArray();
    }

    /// <summary>Per-pair state: the G1 point pre-scaled for the line formulas, Q and the running T.</summary>
    private struct PairState
    {
        public Fq NegYP, XP3, NegXP;     // -yP, 3·xP, -xP
        public Fq2 Qx, Qy, NegQy;
        public Fq2 X, Y, Z;               // T, homogeneous projective
    }

    private static readonly Fq2 ThreeB = G2Affine.B + G2Affine.B + G2Affine.B;

    /// <summary>Product over the pairs of their Miller loop values, skipping pairs with a point at infinity.</summary>
    public static Fq12 Run(ReadOnlySpan<G1Affine> ps, ReadOnlySpan<G2Affine> qs)
    {
        if (ps.Length != qs.Length) throw new ArgumentException("as many G1 as G2 points are needed");
        var pairs = new PairState[ps.Length];
        int n = 0;
        for (int i = 0; i < ps.Length; i++)
        {
            if (ps[i].IsInfinity || qs[i].IsInfinity) continue;
            ref PairState s = ref pairs[n++];
            s.NegYP = -ps[i].Y;
            s.NegXP = -ps[i].X;
            s.XP3 = ps[i].X.Double() + ps[i].X;
            s.Qx = qs[i].X; s.Qy = qs[i].Y; s.NegQy = -qs[i].Y;
            s.X = qs[i].X; s.Y = qs[i].Y; s.Z = Fq2.One;
        }
        if (n == 0) return Fq12.One;
        Span<PairState> active = pairs.AsSpan(0, n);

        Fq12 f = Fq12.One;
        for (int i = LoopNaf.Length - 2; i >= 0; i--)
        {
            if (i != LoopNaf.Length - 2) f = f.Square();
            for (int k = 0; k < active.Length; k++) DoublingStep(ref active[k], ref f);
            int d = LoopNaf[i];
            if (d == 0) continue;
            for (int k = 0; k < active.Length; k++)
            {
                ref PairState s = ref active[k];
                AdditionStep(ref s, s.Qx, d > 0 ? s.Qy : s.NegQy, ref f);
            }
        }

        // The two extra lines of the optimal ate pairing: T + π(Q), then + (-π²(Q)).
        Fq2 g12 = Fq12.FrobeniusCoefficient(1, 2), g13 = Fq12.FrobeniusCoefficient(1, 3);
        Fq2 g22 = Fq12.FrobeniusCoefficient(2, 2), negG23 = -Fq12.FrobeniusCoefficient(2, 3);
        for (int k = 0; k < active.Length; k++)
        {
            ref PairState s = ref active[k];
            Fq2 q1x = s.Qx.Conjugate() * g12, q1y = s.Qy.Conjugate() * g13;
            AdditionStep(ref s, q1x, q1y, ref f);
            Fq2 q2x = s.Qx * g22, q2y = s.Qy * negG23;
            AdditionStep(ref s, q2x, q2y, ref f);
        }
        return f;
    }

    /// <summary>
    /// T ← 2T and f ← f·l_{T,T}(P). With B = Y², C = Z², E = 3b'C, F = 3E, H = 2YZ, J = X², I = E - B:
    /// line = -H·yP + 3J·xP·w + I·w^3; point (all coordinates scaled by 4 to avoid halving):
    /// X3 = 2XY(B - F), Y3 = (B + F)^2 - 12E^2, Z3 = 4BH.
    /// </summary>
    private static void DoublingStep(ref PairState s, ref Fq12 f)
    {
        Fq2 b = s.Y.Square();
        Fq2 c = s.Z.Square();
        Fq2 e = ThreeB * c;
        Fq2 ff = e.Double() + e;
        Fq2 h = (s.Y + s.Z).Square() - b - c;
        Fq2 j = s.X.Square();
        Fq2 i = e - b;

        Fq2 la = h * s.NegYP;
        Fq2 lb = j * s.XP3;

        Fq2 x3 = (s.X * s.Y).Double() * (b - ff);
        Fq2 e2 = e.Square();
        Fq2 y3 = (b + ff).Square() - (e2.Double().Double().Double() + e2.Double().Double());
        Fq2 z3 = (b * h).Double().Double();
        s.X = x3; s.Y = y3; s.Z = z3;

        Fq12.MultiplyByLine(f, la, lb, i, out f);
    }

    /// <summary>
    /// T ← T + R for an affine twist point R = (xR, yR), and f ← f·l_{T,R}(P). With θ = Y - yR·Z and
    /// λ = X - xR·Z: line = λ·yP - θ·xP·w + (θ·xR - λ·yR)·w^3;
    /// point: C = θ², D = λ², E = λ³, F = Z·C, G = X·D, H = E + F - 2G, X3 = λH, Y3 = θ(G - H) - Y·E, Z3 = Z·E.
    /// </summary>
    private static void AdditionStep(ref PairState s, in Fq2 xr, in Fq2 yr, ref Fq12 f)
    {
        Fq2 theta = s.Y - yr * s.Z;
        Fq2 lambda = s.X - xr * s.Z;
        Fq2 c = theta.Square();
        Fq2 d = lambda.Square();
        Fq2 e = lambda * d;
        Fq2 ff = s.Z * c;
        Fq2 g = s.X * d;
        Fq2 h = e + ff - g.Double();
        Fq2 x3 = lambda * h;
        Fq2 y3 = theta * (g - h) - s.Y * e;
        Fq2 z3 = s.Z * e;

        Fq2 la = lambda * (-s.NegYP);
        Fq2 lb = theta * s.NegXP;
        Fq2 lc = theta * xr - lambda * yr;
        s.X = x3; s.Y = y3; s.Z = z3;

        Fq12.MultiplyByLine(f, la, lb, lc, out f);
    }
}
