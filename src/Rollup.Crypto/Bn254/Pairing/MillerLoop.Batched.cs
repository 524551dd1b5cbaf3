using System.Runtime.CompilerServices;
using Rollup.Crypto.Bn254.Curves;
using Rollup.Crypto.Bn254.Fields;
using Rollup.Crypto.Bn254.Towers;

namespace Rollup.Crypto.Bn254.Pairing;

internal static partial class MillerLoop
{
    /// <summary>
    /// The loop's doubling step (optionally preceded by f ← f^2) with its F_q2 products in two eight-lane
    /// batches (<see cref="Fq2Batch"/>): the same arithmetic as <see cref="DoublingStep"/> and
    /// <see cref="DoubleLine"/>, regrouped by dependency so that the point doubling fills the lanes the
    /// F_q12 operations leave free (each batch runs 16 F_q2 products in two groups of eight):
    /// batch 1 = f^2 (12, one fused call: <see cref="Fields.Fq8Math.SquareFq12"/>) + X·Y, Y^2, Z^2, (Y + Z)^2 in its free lanes; batch 2 = f·line (13, one fused call: <see cref="LineProductWithThree"/>) + 2XY·(B − F), B·H, (B + F − σE)(B + F + σE).
    /// X^2 stays scalar for the first pair (the free lanes of the later pairs' first group take it); E = 3b'·Z^2, σE
    /// and the line's two products by F_q values are one eight-lane F_q call (<see cref="ByFqProducts"/>);
    /// (B + F)^2 − 12E^2 is the one product (B + F − σE)(B + F + σE).
    /// </summary>
    private static void DoublingStepBatched(ref PairState s, ref Fq12 f, bool squareFirst)
    {
        Fq2 x = s.X, y = s.Y, z = s.Z;
        Fq2 yz = y + z, xy, b, c, yz2, j;
        if (squareFirst)
        {
            // f^2 in one fused call (Fq8Math.SquareFq12), the point's four products X·Y, Y^2, Z^2, (Y + Z)^2 in its
            // free lanes (first factors in entries 0–3 of e, second factors in 4–7; results in entries 6, 7, 14, 15).
            Span<U256> lanes = stackalloc U256[6 * 8 + 2 * 16];
            Span<U256> aRe = lanes[..8], aIm = lanes.Slice(8, 8), wRe = lanes.Slice(16, 8), wIm = lanes.Slice(24, 8);
            Span<U256> eRe = lanes.Slice(32, 8), eIm = lanes.Slice(40, 8), re = lanes.Slice(48, 16), im = lanes.Slice(64, 16);
            Fq12.WriteSquareInputs(aRe, aIm, wRe, wIm, f);
            eRe[0] = x.A0.Limbs; eIm[0] = x.A1.Limbs; eRe[4] = y.A0.Limbs; eIm[4] = y.A1.Limbs;
            eRe[1] = y.A0.Limbs; eIm[1] = y.A1.Limbs; eRe[5] = y.A0.Limbs; eIm[5] = y.A1.Limbs;
            eRe[2] = z.A0.Limbs; eIm[2] = z.A1.Limbs; eRe[6] = z.A0.Limbs; eIm[6] = z.A1.Limbs;
            eRe[3] = yz.A0.Limbs; eIm[3] = yz.A1.Limbs; eRe[7] = yz.A0.Limbs; eIm[7] = yz.A1.Limbs;
            Fq8Math.SquareFq12(aRe, aIm, wRe, wIm, eRe, eIm, re, im);
            f = Fq12.SquareLanesResult(re, im);
            xy = Fq12.Lane(re, im, 6); b = Fq12.Lane(re, im, 7); c = Fq12.Lane(re, im, 14); yz2 = Fq12.Lane(re, im, 15);
            j = x.Square();
        }
        else
        {
            // (Pairs after the first: X^2 takes a free lane of this group.)
            Span<U256> storage = stackalloc U256[Fq2Batch.StorageFor(5, 0)];
            var first = new Fq2Batch(storage, 5, 0);
            int pxy = first.QueueProduct(x, y), pb = first.QueueProduct(y, y), pc = first.QueueProduct(z, z), ps = first.QueueProduct(yz, yz);
            int pj = first.QueueProduct(x, x);
            first.Run();
            xy = first.Product(pxy); b = first.Product(pb); c = first.Product(pc); yz2 = first.Product(ps); j = first.Product(pj);
        }
        Fq2 xy2 = xy.Double();
        Fq2 h = yz2 - b - c;   // 2YZ
        // E = 3b'·C, σE, and the line's H·(−yP), J·3xP: eight F_q products in one vector call.
        ByFqProducts(c, h, j, s, out Fq2 e, out Fq2 se, out Fq2 la, out Fq2 lb);
        Fq2 ff = e.Double() + e;
        Fq2 i = e - b;

        Fq2 bf = b + ff;
        LineProductWithThree(ref f, la, lb, i, xy2, b - ff, b, h, bf - se, bf + se, out Fq2 px, out Fq2 pz, out Fq2 py);
        s.X = px;                    // 2XY(B − F)
        s.Y = py;                    // (B + F − σE)(B + F + σE) = (B + F)^2 − 12E^2
        s.Z = pz.Double().Double();  // 4BH
    }

    // 3b' = 9/ξ = κ·(9 − u) with κ = 9/82 ∈ F_q; σ = 2√−3·u ∈ F_q2 has σ^2 = 12 (−3 is a square mod q, 3 is not).
    // (Computed from G2Affine.B, not ThreeB: the order of static initializers across partial files is not defined.)
    private static readonly Fq Kappa = ComputeKappa(), SigmaKappa = ComputeSigmaKappa(), NegSigmaKappa = -SigmaKappa;

    private static Fq ComputeKappa()
    {
        Fq2 threeB = G2Affine.B + G2Affine.B + G2Affine.B;
        Fq kappa = -threeB.A1;
        if (kappa.IsZero || threeB.A0 != Fq.FromUInt64(9) * kappa) throw new InvalidOperationException("3b' is not κ(9 − u)");
        return kappa;
    }

    private static Fq ComputeSigmaKappa()
    {
        if (!(-Fq.FromUInt64(3)).TrySqrt(out Fq root)) throw new InvalidOperationException("−3 is not a square");
        return root.Double() * ComputeKappa();
    }

    /// <summary>
    /// The doubling's eight products by F_q values in one eight-lane call (<see cref="Fq8Math.MultiplyFq"/>):
    /// E = 3b'·c and σE without an F_q2 product: 3b' = 9/ξ = κ(9 − u) with κ = 9/82 ∈ F_q, so c' = (9 − u)·c by
    /// additions and E = κ·c'; σE = σκ·c' with σ = t·u (t = 2√−3): σ·(e0 + e1 u) = −t·e1 + t·e0·u. Then
    /// Y3 = (B + F)^2 − 12E^2 = (B + F − σE)(B + F + σE) takes the lane of (B + F)^2. With them the line
    /// coefficients H·(−yP), J·(3xP). As scalar products these were ~11% of the Miller loop (perf, 0.38 µs per doubling).
    /// </summary>
    private static void ByFqProducts(in Fq2 c, in Fq2 h, in Fq2 j, in PairState s, out Fq2 e, out Fq2 se, out Fq2 la, out Fq2 lb)
    {
        Span<U256> lanes = stackalloc U256[16];
        Span<U256> x = lanes[..8], y = lanes[8..];
        U256 c0 = Montgomery<FqModulus>.NineTimesPlus(c.A0.Limbs, c.A1.Limbs);   // 9c0 + c1
        U256 c1 = Montgomery<FqModulus>.NineTimesMinus(c.A1.Limbs, c.A0.Limbs);  // 9c1 − c0
        x[0] = c0; y[0] = Kappa.Limbs; x[1] = c1; y[1] = Kappa.Limbs;
        x[2] = c1; y[2] = NegSigmaKappa.Limbs; x[3] = c0; y[3] = SigmaKappa.Limbs;
        x[4] = h.A0.Limbs; y[4] = s.NegYP.Limbs; x[5] = h.A1.Limbs; y[5] = s.NegYP.Limbs;
        x[6] = j.A0.Limbs; y[6] = s.XP3.Limbs; x[7] = j.A1.Limbs; y[7] = s.XP3.Limbs;
        Fq8Math.MultiplyFq(x, y);
        e = new(new Fq(x[0]), new Fq(x[1]));
        se = new(new Fq(x[2]), new Fq(x[3]));
        la = new(new Fq(x[4]), new Fq(x[5]));
        lb = new(new Fq(x[6]), new Fq(x[7]));
    }

    /// <summary>
    /// f ← f·(a + b·w + c·w^3) in one fused call (<see cref="Fq8Math.MultiplyByLine"/>), with u_k·v_k for three
    /// independent F_q2 products in its free lanes.
    /// </summary>
    private static void LineProductWithThree(ref Fq12 f, in Fq2 a, in Fq2 b, in Fq2 c,
        in Fq2 u0, in Fq2 v0, in Fq2 u1, in Fq2 v1, in Fq2 u2, in Fq2 v2, out Fq2 p0, out Fq2 p1, out Fq2 p2)
    {
        Span<U256> lanes = stackalloc U256[4 * 16];
        Span<U256> x0 = lanes[..16], x1 = lanes.Slice(16, 16), y0 = lanes.Slice(32, 16), y1 = lanes.Slice(48, 16);
        Fq12.WriteLineLanes(x0, x1, y0, y1, f, a, b, c);
        Fq6.WriteLane(x0, x1, y0, y1, 13, u0, v0);
        Fq6.WriteLane(x0, x1, y0, y1, 14, u1, v1);
        Fq6.WriteLane(x0, x1, y0, y1, 15, u2, v2);
        Fq8Math.MultiplyByLine(x0, x1, y0, y1);
        f = Fq12.SquareLanesResult(x0, x1);
        p0 = Fq12.Lane(x0, x1, 13); p1 = Fq12.Lane(x0, x1, 14); p2 = Fq12.Lane(x0, x1, 15);
    }

    /// <summary>
    /// <see cref="AdditionStep"/> with the chord's independent F_q2 products batched: λ·D, Z·C, X·D, θ·xR, λ·yR and
    /// the line's λ·yP, θ·(−xP) in one group; λ·H, θ·(G − H), Z·E in the free lanes of the line product's batch (13 + 3). θ and λ, their
    /// squares and Y·E stay scalar (each is needed before its batch or fills no lane).
    /// Same arithmetic as <see cref="AddLine"/>.
    /// </summary>
    private static void AdditionStepBatched(ref PairState s, in Fq2 xr, in Fq2 yr, ref Fq12 f)
    {
        Span<U256> storage = stackalloc U256[Fq2Batch.StorageFor(7, 0)];
        Fq2 x = s.X, y = s.Y, z = s.Z;
        Fq2 theta = y - yr * z;
        Fq2 lambda = x - xr * z;
        Fq2 c = theta.Square();
        Fq2 d = lambda.Square();

        var first = new Fq2Batch(storage, 7, 0);
        int pe = first.QueueProduct(lambda, d), pf = first.QueueProduct(z, c), pg = first.QueueProduct(x, d);
        int pt = first.QueueProduct(theta, xr), pl = first.QueueProduct(lambda, yr);
        // The line's λ·yP and θ·(−xP) as F_q2 products by (yP + 0u), (−xP + 0u) in two free lanes of the group.
        int pla = first.QueueProduct(lambda, s.YPInFq2), plb = first.QueueProduct(theta, s.NegXPInFq2);
        first.Run();
        Fq2 e = first.Product(pe), ff = first.Product(pf), g = first.Product(pg);
        Fq2 lc = first.Product(pt) - first.Product(pl);
        Fq2 h = e + ff - g.Double();
        Fq2 la = first.Product(pla), lb = first.Product(plb);

        LineProductWithThree(ref f, la, lb, lc, lambda, h, theta, g - h, z, e, out Fq2 px, out Fq2 py, out Fq2 pz);
        s.X = px;              // λH
        s.Y = py - y * e;      // θ(G − H) − Y·E
        s.Z = pz;              // Z·E
    }
}
