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
    /// batch 1 = f^2 (12, one fused call: <see cref="Fields.Fq8Math.SquareFq12"/>) + X·Y, Y^2, Z^2, (Y + Z)^2 in its free lanes; batch 2 = f·line (13) + 2XY·(B − F), B·H, (B + F)^2.
    /// X^2, E = 3b'·Z^2 and E^2 stay scalar (the batches are full).
    /// </summary>
    private static void DoublingStepBatched(ref PairState s, ref Fq12 f, bool squareFirst)
    {
        Span<U256> storage = stackalloc U256[Fq2Batch.StorageFor(16, 0)];
        Fq2 x = s.X, y = s.Y, z = s.Z;
        Fq2 yz = y + z, xy, b, c, yz2;
        if (squareFirst)
        {
            // f^2 in one fused call (Fq8Math.SquareFq12), the point's four products in its free entries 6, 7, 14, 15.
            Span<U256> lanes = stackalloc U256[4 * 16];
            Span<U256> x0 = lanes[..16], x1 = lanes.Slice(16, 16), y0 = lanes.Slice(32, 16), y1 = lanes.Slice(48, 16);
            Fq12.WriteSquareLanes(x0, x1, y0, y1, f);
            Fq6.WriteLane(x0, x1, y0, y1, 6, x, y);
            Fq6.WriteLane(x0, x1, y0, y1, 7, y, y);
            Fq6.WriteLane(x0, x1, y0, y1, 14, z, z);
            Fq6.WriteLane(x0, x1, y0, y1, 15, yz, yz);
            Fq8Math.SquareFq12(x0, x1, y0, y1);
            f = Fq12.SquareLanesResult(x0, x1);
            xy = Fq12.Lane(x0, x1, 6); b = Fq12.Lane(x0, x1, 7); c = Fq12.Lane(x0, x1, 14); yz2 = Fq12.Lane(x0, x1, 15);
        }
        else
        {
            var first = new Fq2Batch(storage, 16, 0);
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

        var second = new Fq2Batch(storage, 16, 0);
        int line = Fq12.QueueLineProduct(ref second, f, la, lb, i);
        Fq2 bf = b + ff;
        int px = second.QueueProduct(xy2, b - ff), pz = second.QueueProduct(b, h), py = second.QueueProduct(bf, bf);
        second.Run();
        f = Fq12.LineProductResult(second, line);
        Fq2 e2 = e.Square();
        s.X = second.Product(px);                                                    // 2XY(B − F)
        s.Y = second.Product(py) - (e2.Double().Double().Double() + e2.Double().Double()); // (B + F)^2 − 12E^2
        s.Z = second.Product(pz).Double().Double();                                  // 4BH
    }

    /// <summary>
    /// <see cref="AdditionStep"/> with the chord's independent F_q2 products batched: λ·D, Z·C, X·D, θ·xR, λ·yR in
    /// one group; λ·H, θ·(G − H), Z·E in the free lanes of the line product's batch (13 + 3). θ and λ, their
    /// squares and Y·E stay scalar (each is needed before its batch or fills no lane).
    /// Same arithmetic as <see cref="AddLine"/>.
    /// </summary>
    private static void AdditionStepBatched(ref PairState s, in Fq2 xr, in Fq2 yr, ref Fq12 f)
    {
        Span<U256> storage = stackalloc U256[Fq2Batch.StorageFor(16, 0)];
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

        // The first batch's results are all read: the second reuses its storage.
        var second = new Fq2Batch(storage, 16, 0);
        int line = Fq12.QueueLineProduct(ref second, f, la, lb, lc);
        int px = second.QueueProduct(lambda, h), py = second.QueueProduct(theta, g - h), pz = second.QueueProduct(z, e);
        second.Run();
        f = Fq12.LineProductResult(second, line);
        s.X = second.Product(px);              // λH
        s.Y = second.Product(py) - y * e;      // θ(G − H) − Y·E
        s.Z = second.Product(pz);              // Z·E
    }
}
