using System.Numerics;
using Rollup.Plonk.Circuit;

namespace Rollup.Circuits.Evm.Math;

/// <summary>Products of multi-limb integers, regrouped into 128-bit chunks so that a chain of carries
/// (<see cref="CarryChain"/>) can compare them with other integers.
/// <para>A word splits into 64-bit limbs x = Σ x_i·2^(64i) (each limb recombined from 8 byte cells, so below 2^64).
/// The product x·y = Σ_k t_k·2^(64k) with column sums t_k = Σ_{i+j=k} x_i·y_j; chunk c of 128 bits is
/// t_(2c) + t_(2c+1)·2^64. With at most 8 products per column, a chunk is below 8·2^128·2^64 = 2^195, far below the
/// field's 2^253, so equations on chunks never wrap. Each chunk is a sum of degree-2 products: no extra cells.</para>
/// The witness twins (BigInteger) mirror the expressions one for one, so carries come from the same arithmetic.</summary>
public static class WideProduct
{
    public static readonly BigInteger TwoTo64 = BigInteger.One << 64;
    public static readonly BigInteger TwoTo128 = BigInteger.One << 128;

    /// <summary>The 64-bit limbs of a run of byte cells (8 bytes per limb, least significant first).</summary>
    public static Expression[] Limbs64(IReadOnlyList<CellRef> bytes) =>
        Enumerable.Range(0, bytes.Count / 8).Select(i => ByteCells.Compose(bytes, 8 * i, 8)).ToArray();

    public static BigInteger[] Limbs64(BigInteger value, int limbs) =>
        Enumerable.Range(0, limbs).Select(i => (value >> (64 * i)) & (TwoTo64 - 1)).ToArray();

    /// <summary>The first <paramref name="chunks"/> 128-bit chunks of x·y. Columns beyond them are dropped: the caller
    /// either works modulo 2^(128·chunks) or proves those columns zero (<see cref="ProductsFrom(Expression[], Expression[], int)"/>).</summary>
    public static Expression[] Chunks(Expression[] x, Expression[] y, int chunks)
    {
        var result = new Expression[chunks];
        var twoTo64 = Expression.Constant(Rollup.Crypto.Bn254.Fields.Fr.FromBigInteger(TwoTo64));
        for (int c = 0; c < chunks; c++)
        {
            Expression acc = Expression.Constant(0);
            foreach (var (i, j) in Pairs(x.Length, y.Length, 2 * c)) acc += x[i] * y[j];
            foreach (var (i, j) in Pairs(x.Length, y.Length, 2 * c + 1)) acc += x[i] * y[j] * twoTo64;
            result[c] = acc;
        }
        return result;
    }

    public static BigInteger[] Chunks(BigInteger[] x, BigInteger[] y, int chunks)
    {
        var result = new BigInteger[chunks];
        for (int c = 0; c < chunks; c++)
        {
            BigInteger acc = 0;
            foreach (var (i, j) in Pairs(x.Length, y.Length, 2 * c)) acc += x[i] * y[j];
            foreach (var (i, j) in Pairs(x.Length, y.Length, 2 * c + 1)) acc += x[i] * y[j] * TwoTo64;
            result[c] = acc;
        }
        return result;
    }

    /// <summary>Σ x_i·y_j over i + j ≥ <paramref name="column"/>, unweighted. Every term is a product of two limbs,
    /// 0 ≤ term &lt; 2^128, and there are fewer than 2^7 of them, so the sum is below the field modulus: it is zero in
    /// the field only if every term is zero, i.e. x·y has nothing at or above 2^(64·column).</summary>
    public static Expression ProductsFrom(Expression[] x, Expression[] y, int column)
    {
        Expression acc = Expression.Constant(0);
        for (int i = 0; i < x.Length; i++)
            for (int j = 0; j < y.Length; j++)
                if (i + j >= column) acc += x[i] * y[j];
        return acc;
    }

    private static IEnumerable<(int I, int J)> Pairs(int nx, int ny, int column)
    {
        for (int i = 0; i < nx; i++)
        {
            int j = column - i;
            if (j >= 0 && j < ny) yield return (i, j);
        }
    }
}
