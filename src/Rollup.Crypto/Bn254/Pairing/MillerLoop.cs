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
internal static partial class MillerLoop
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
        public Fq2 YPInFq2, NegXPInFq2;  // yP + 0u, -xP + 0u (the batched addition step's lanes)
        public Fq2 Qx, Qy, NegQy;
        public Fq2 X, Y, Z;               // T, homogeneous projective
    }

    private static readonly Fq2 ThreeB = G2Affine.B + G2Affine.B + G2Affine.B;

    /// <summary>Product over the pairs of their Miller loop values, skipping pairs with a point at infinity.</summary>
    public static Fq12 Run(ReadOnlySpan<G1Affine> ps, ReadOnlySpan<G2Affine> qs) => Run(ps, qs, Fq2Batch.IsVectorized);

    /// <summary><paramref name="batched"/>: the steps through <see cref="DoublingStepBatched"/> and <see cref="AdditionStepBatched"/>
    /// (false is the path without AVX-512; the tests compare the two).</summary>
    internal static Fq12 Run(ReadOnlySpan<G1Affine> ps, ReadOnlySpan<G2Affine> qs, bool batched)
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
            s.YPInFq2 = new Fq2(ps[i].Y, Fq.Zero);
            s.NegXPInFq2 = new Fq2(s.NegXP, Fq.Zero);
            s.Qx = qs[i].X; s.Qy = qs[i].Y; s.NegQy = -qs[i].Y;
            s.X = qs[i].X; s.Y = qs[i].Y; s.Z = Fq2.One;
        }
        if (n == 0) return Fq12.One;
        Span<PairState> active = pairs.AsSpan(0, n);

        Fq12 f = Fq12.One;
        for (int i = LoopNaf.Length - 2; i >= 0; i--)
        {
            bool square = i != LoopNaf.Length - 2;
            if (batched)
            {
                // The squaring of f shares its batch with the first pair's doubling (MillerLoop.Batched.cs).
                for (int k = 0; k < active.Length; k++) DoublingStepBatched(ref active[k], ref f, square && k == 0);
            }
            else
            {
                if (square) f = f.Square();
                for (int k = 0; k < active.Length; k++) DoublingStep(ref active[k], ref f);
            }
            int d = LoopNaf[i];
            if (d == 0) continue;
            for (int k = 0; k < active.Length; k++)
            {
                ref PairState s = ref active[k];
                if (batched) AdditionStepBatched(ref s, s.Qx, d > 0 ? s.Qy : s.NegQy, ref f);
                else AdditionStep(ref s, s.Qx, d > 0 ? s.Qy : s.NegQy, ref f);
            }
        }

        // The two extra lines of the optimal ate pairing: T + π(Q), then + (-π²(Q)).
        Fq2 g12 = Fq12.FrobeniusCoefficient(1, 2), g13 = Fq12.FrobeniusCoefficient(1, 3);
        Fq2 g22 = Fq12.FrobeniusCoefficient(2, 2), negG23 = -Fq12.FrobeniusCoefficient(2, 3);
        for (int k = 0; k < active.Length; k++)
        {
            ref PairState s = ref active[k];
            Fq2 q1x = s.Qx.Conjugate() * g12, q1y = s.Qy.Conjugate() * g13;
            Fq2 q2x = s.Qx * g22, q2y = s.Qy * negG23;
            if (batched)
            {
                AdditionStepBatched(ref s, q1x, q1y, ref f);
                AdditionStepBatched(ref s, q2x, q2y, ref f);
            }
            else
            {
                AdditionStep(ref s, q1x, q1y, ref f);
                AdditionStep(ref s, q2x, q2y, ref f);
            }
        }
        return f;
    }

    /// <summary>T ← 2T and f ← f·l_{T,T}(P), the line evaluated as −H·yP + 3J·xP·w + I·w^3.</summary>
    private static void DoublingStep(ref PairState s, ref Fq12 f)
    {
        DoubleLine(ref s.X, ref s.Y, ref s.Z, out Fq2 h, out Fq2 j, out Fq2 i);
        Fq2 la = h * s.NegYP;
        Fq2 lb = j * s.XP3;
        Fq12.MultiplyByLine(f, la, lb, i, out f);
    }

    /// <summary>T ← T + R and f ← f·l_{T,R}(P), the line evaluated as λ·yP − θ·xP·w + (θ·xR − λ·yR)·w^3.</summary>
    private static void AdditionStep(ref PairState s, in Fq2 xr, in Fq2 yr, ref Fq12 f)
    {
        AddLine(ref s.X, ref s.Y, ref s.Z, xr, yr, out Fq2 lambda, out Fq2 theta, out Fq2 lc);
        Fq2 la = lambda * (-s.NegYP);
        Fq2 lb = theta * s.NegXP;
        Fq12.MultiplyByLine(f, la, lb, lc, out f);
    }

    /// <summary>
    /// T ← 2T, returning the tangent line's coefficients: with B = Y², C = Z², E = 3b'C, F = 3E,
    /// H = 2YZ, J = X², I = E - B the line at P is −H·yP + 3J·xP·w + I·w^3; the point (all
    /// coordinates scaled by 4 to avoid halving) is X3 = 2XY(B - F), Y3 = (B + F)^2 - 12E^2, Z3 = 4BH.
    /// </summary>
    private static void DoubleLine(ref Fq2 x, ref Fq2 y, ref Fq2 z, out Fq2 h, out Fq2 j, out Fq2 i)
    {
        Fq2 b = y.Square();
        Fq2 c = z.Square();
        Fq2 e = ThreeB * c;
        Fq2 ff = e.Double() + e;
        h = (y + z).Square() - b - c;
        j = x.Square();
        i = e - b;

        Fq2 x3 = (x * y).Double() * (b - ff);
        Fq2 e2 = e.Square();
        Fq2 y3 = (b + ff).Square() - (e2.Double().Double().Double() + e2.Double().Double());
        Fq2 z3 = (b * h).Double().Double();
        x = x3; y = y3; z = z3;
    }

    /// <summary>
    /// T ← T + R for an affine twist point R = (xR, yR), returning the chord's coefficients: with
    /// θ = Y - yR·Z and λ = X - xR·Z the line at P is λ·yP - θ·xP·w + (θ·xR - λ·yR)·w^3; the point:
    /// C = θ², D = λ², E = λ³, F = Z·C, G = X·D, H = E + F - 2G, X3 = λH, Y3 = θ(G - H) - Y·E, Z3 = Z·E.
    /// </summary>
    private static void AddLine(ref Fq2 x, ref Fq2 y, ref Fq2 z, in Fq2 xr, in Fq2 yr, out Fq2 lambda, out Fq2 theta, out Fq2 lc)
    {
        theta = y - yr * z;
        lambda = x - xr * z;
        Fq2 c = theta.Square();
        Fq2 d = lambda.Square();
        Fq2 e = lambda * d;
        Fq2 ff = z * c;
        Fq2 g = x * d;
        Fq2 h = e + ff - g.Double();
        Fq2 x3 = lambda * h;
        Fq2 y3 = theta * (g - h) - y * e;
        Fq2 z3 = z * e;
        lc = theta * xr - lambda * yr;
        x = x3; y = y3; z = z3;
    }

    // ---- fixed G2 points (G2Prepared) ----

    /// <summary>
    /// The lines of the loop for Q, in order, each as (B/A, C/A) where the line at P is
    /// A·(−yP) + B·xP·w + C·w^3: doublings give (A, B, C) = (H, 3J, I), additions (−λ, −θ, θxR − λyR).
    /// </summary>
    internal static Fq2[] PrepareLines(in G2Affine q)
    {
        var a = new List<Fq2>(96);
        var bc = new List<Fq2>(192);
        Fq2 x = q.X, y = q.Y, z = Fq2.One, negQy = -q.Y;
        for (int i = LoopNaf.Length - 2; i >= 0; i--)
        {
            DoubleLine(ref x, ref y, ref z, out Fq2 h, out Fq2 j, out Fq2 l);
            a.Add(h); bc.Add(j.Double() + j); bc.Add(l);
            int d = LoopNaf[i];
            if (d == 0) continue;
            Chord(ref x, ref y, ref z, q.X, d > 0 ? q.Y : negQy);
        }
        Fq2 q1x = q.X.Conjugate() * Fq12.FrobeniusCoefficient(1, 2), q1y = q.Y.Conjugate() * Fq12.FrobeniusCoefficient(1, 3);
        Chord(ref x, ref y, ref z, q1x, q1y);
        Fq2 q2x = q.X * Fq12.FrobeniusCoefficient(2, 2), q2y = q.Y * -Fq12.FrobeniusCoefficient(2, 3);
        Chord(ref x, ref y, ref z, q2x, q2y);

        Span<Fq2> inverses = a.ToArray();
        foreach (Fq2 v in inverses)
            if (v.IsZero) throw new InvalidOperationException("degenerate Miller-loop line (not a point of G2)");
        Fq2.BatchInverse(inverses);
        var lines = new Fq2[bc.Count];
        for (int k = 0; k < inverses.Length; k++)
        {
            lines[2 * k] = bc[2 * k] * inverses[k];
            lines[2 * k + 1] = bc[2 * k + 1] * inverses[k];
        }
        return lines;

        void Chord(ref Fq2 x, ref Fq2 y, ref Fq2 z, in Fq2 xr, in Fq2 yr)
        {
            AddLine(ref x, ref y, ref z, xr, yr, out Fq2 lambda, out Fq2 theta, out Fq2 lc);
            a.Add(-lambda); bc.Add(-theta); bc.Add(lc);
        }
    }

    /// <summary>
    /// Product of the Miller loop values for prepared G2 points: per pair and step only the line
    /// evaluation (4 F_q products) and a 10-product sparse multiplication; the squarings of the
    /// accumulator are shared by all pairs.
    /// </summary>
    public static Fq12 RunPrepared(ReadOnlySpan<G1Affine> ps, ReadOnlySpan<G2Prepared> qs)
    {
        if (ps.Length != qs.Length) throw new ArgumentException("as many G1 as G2 points are needed");
        var lines = new Fq2[ps.Length][];
        var xs = new Fq[ps.Length];
        var ys = new Fq[ps.Length];
        int n = 0;
        for (int i = 0; i < ps.Length; i++)
        {
            if (ps[i].IsInfinity || qs[i].IsInfinity) continue;
            if (ps[i].Y.IsZero) throw new ArgumentException("not a point of G1");
            lines[n] = qs[i].Lines;
            xs[n] = ps[i].X;
            ys[n] = -ps[i].Y;
            n++;
        }
        if (n == 0) return Fq12.One;
        // y' = 1/(−yP), x' = xP/(−yP): one inversion for all pairs.
        Fq.BatchInverse(ys.AsSpan(0, n));
        for (int k = 0; k < n; k++) xs[k] *= ys[k];

        Fq12 f = Fq12.One;
        int idx = 0;
        for (int i = LoopNaf.Length - 2; i >= 0; i--)
        {
            if (i != LoopNaf.Length - 2) f = f.Square();
            for (int k = 0; k < n; k++) MultiplyByPreparedLine(ref f, lines[k], idx, xs[k], ys[k]);
            idx += 2;
            if (LoopNaf[i] == 0) continue;
            for (int k = 0; k < n; k++) MultiplyByPreparedLine(ref f, lines[k], idx, xs[k], ys[k]);
            idx += 2;
        }
        for (int extra = 0; extra < 2; extra++)
        {
            for (int k = 0; k < n; k++) MultiplyByPreparedLine(ref f, lines[k], idx, xs[k], ys[k]);
            idx += 2;
        }
        return f;
    }

    private static void MultiplyByPreparedLine(ref Fq12 f, Fq2[] lines, int idx, in Fq x, in Fq y)
    {
        Fq2 b = lines[idx] * x;
        Fq2 c = lines[idx + 1] * y;
        Fq12.MultiplyByNormalizedLine(f, b, c, out f);
    }
}
