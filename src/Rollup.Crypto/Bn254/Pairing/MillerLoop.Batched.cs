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
    /// batch 1 = f^2 (12, one fused call: <see cref="Fields.Fq8Math.SquareFq12"/>) + X·Y, Y^2, Z^2, (Y + Z)^2 in its free lanes; batch 2 = f·line (13, one fused call: <see cref="LineProductWithThree"/>) + 2XY·(B − F), B·H, (B + F)^2.
    /// X^2, E = 3b'·Z^2 and E^2 stay scalar (the batches are full).
    /// </summary>
    private static void DoublingStepBatched(ref PairState s, ref Fq12 f, bool squareFirst)
    {
        Fq2 x = s.X, y = s.Y, z = s.Z;
        Fq2 yz = y + z, xy, b, c, yz2;
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
        }
        else
        {
            Span<U256> storage = stackalloc U256[Fq2Batch.StorageFor(4, 0)];
            var first = new Fq2Batch(storage, 4, 0);
            int pxy = first.QueueProduct(x, y), pb = first.QueueProduct(y, y), pc = first.QueueProduct(z, z), ps = first.QueueProduct(yz, yz);
            first.Run();
            xy = first.Product(pxy); b = first.Product(pb); c = first.Product(pc); yz2 = first.Product(ps);
        }
        Fq2 xy2 = xy.Double();
        Fq2 h = yz2 - b - c;   // 2YZ
        Fq2 j = x.Square();
        Fq2 e = ThreeB * c;
        Fq2 ff = e.Double() + e;
        Fq2 i = e - b;
        Fq2 la = h * s.NegYP, lb = j * s.XP3;

        Fq2 bf = b + ff;
        LineProductWithThree(ref f, la, lb, i, xy2, b - ff, b, h, bf, bf, out Fq2 px, out Fq2 pz, out Fq2 py);
        Fq2 e2 = e.Square();
        s.X = px;                                                    // 2XY(B − F)
        s.Y = py - (e2.Double().Double().Double() + e2.Double().Double()); // (B + F)^2 − 12E^2
        s.Z = pz.Double().Double();                                  // 4BH
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
    /// <see cref="AdditionStep"/> with the chord's independent F_q2 products batched: λ·D, Z·C, X·D, θ·xR, λ·yR in
    /// one group; λ·H, θ·(G − H), Z·E in the free lanes of the line product's batch (13 + 3). θ and λ, their
    /// squares and Y·E stay scalar (each is needed before its batch or fills no lane).
    /// Same arithmetic as <see cref="AddLine"/>.
    /// </summary>
    private static void AdditionStepBatched(ref PairState s, in Fq2 xr, in Fq2 yr, ref Fq12 f)
    {
        Span<U256> storage = stackalloc U256[Fq2Batch.StorageFor(5, 0)];
        Fq2 x = s.X, y = s.Y, z = s.Z;
        Fq2 theta = y - yr * z;
        Fq2 lambda = x - xr * z;
        Fq2 c = theta.Square();
        Fq2 d = lambda.Square();

        var first = new Fq2Batch(storage, 5, 0);
        int pe = first.QueueProduct(lambda, d), pf = first.QueueProduct(z, c), pg = first.QueueProduct(x, d);
        int pt = first.QueueProduct(theta, xr), pl = first.QueueProduct(lambda, yr);
        first.Run();
        Fq2 e = first.Product(pe), ff = first.Product(pf), g = first.Product(pg);
        Fq2 lc = first.Product(pt) - first.Product(pl);
        Fq2 h = e + ff - g.Double();
        Fq2 la = lambda * (-s.NegYP), lb = theta * s.NegXP;

        LineProductWithThree(ref f, la, lb, lc, lambda, h, theta, g - h, z, e, out Fq2 px, out Fq2 py, out Fq2 pz);
        s.X = px;              // λH
        s.Y = py - y * e;      // θ(G − H) − Y·E
        s.Z = pz;              // Z·E
    }
}
