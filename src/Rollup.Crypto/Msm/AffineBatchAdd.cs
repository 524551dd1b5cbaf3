using System.Runtime.CompilerServices;
using Rollup.Crypto.Bn254.Curves;
using Rollup.Crypto.Bn254.Fields;
using B = Rollup.Crypto.Bn254.Fields.BranchFree<Rollup.Crypto.Bn254.Fields.FqModulus>;
using F = Rollup.Crypto.Bn254.Fields.Montgomery<Rollup.Crypto.Bn254.Fields.FqModulus>;

namespace Rollup.Crypto.Msm;

/// <summary>
/// acc[i] += add[i] for many independent pairs of affine points, sharing one field inversion
/// (Montgomery's trick), with every special case: either side infinity, equal points (a doubling)
/// and opposite points (infinity).
/// </summary>
internal static class AffineBatchAdd
{
    private const byte Skip = 0, Add = 1, Doubling = 2;

    /// <param name="acc">Accumulators, updated in place.</param>
    /// <param name="add">Addends, as long as <paramref name="acc"/>.</param>
    /// <param name="scratch">Working space of at least 2·acc.Length values.</param>
    /// <param name="kinds">Working space of at least acc.Length bytes.</param>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void AddAll(Span<G1Affine> acc, ReadOnlySpan<G1Affine> add, Span<U256> scratch, Span<byte> kinds)
    {
        int n = acc.Length;
        Span<U256> prefix = scratch[..n], dens = scratch.Slice(n, n);
        U256 product = F.One;
        for (int i = 0; i < n; i++)
        {
            kinds[i] = Skip;
            ref readonly G1Affine b = ref add[i];
            if (b.IsInfinity) continue;
            ref G1Affine a = ref acc[i];
            if (a.IsInfinity) { a = b; continue; }
            U256 den = B.Sub(b.X.Limbs, a.X.Limbs);
            byte kind = Add;
            if (den.IsZero)
            {
                if (!b.Y.Limbs.Equals(a.Y.Limbs)) { a = default; continue; }   // P + (-P)
                den = F.Double(a.Y.Limbs);
                kind = Doubling;
            }
            kinds[i] = kind;
            prefix[i] = product;
            dens[i] = den;
            product = FqCalls.Mul(product, den);
        }
        U256 inv = F.Inverse(product);
        for (int i = n - 1; i >= 0; i--)
        {
            byte kind = kinds[i];
            if (kind == Skip) continue;
            ref G1Affine a = ref acc[i];
            U256 x1 = a.X.Limbs, y1 = a.Y.Limbs, x2 = add[i].X.Limbs;
            U256 num = kind == Add ? B.Sub(add[i].Y.Limbs, y1) : TangentNumerator(x1);
            U256 denInv = FqCalls.Mul(inv, prefix[i]);
            inv = FqCalls.Mul(inv, dens[i]);
            U256 lambda = FqCalls.Mul(num, denInv);
            U256 x3 = B.Sub(B.Sub(FqCalls.Square(lambda), x1), x2);
            U256 y3 = B.Sub(FqCalls.Mul(lambda, B.Sub(x1, x3)), y1);
            a = new G1Affine(new Fq(x3), new Fq(y3));
        }
    }

    /// <summary>3x², the numerator of the tangent slope; rare, so kept out of the loops.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static U256 TangentNumerator(U256 x)
    {
        U256 xx = FqCalls.Square(x);
        return F.Add(F.Double(xx), xx);
    }
}
