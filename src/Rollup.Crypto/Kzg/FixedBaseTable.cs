using Rollup.Crypto.Bn254.Curves;
using Rollup.Crypto.Bn254.Fields;

namespace Rollup.Crypto.Kzg;

/// <summary>Many multiples of one point, fast: d·2^(8j)·G for every byte value d and byte position j, so k·G is 32
/// mixed additions (one per byte of k) instead of a double-and-add. Used to build SRS powers.</summary>
internal sealed class FixedBaseTable
{
    private const int Windows = 32; // 256-bit scalars, 8 bits each
    private readonly G1Affine[] _table = new G1Affine[Windows * 256];

    public FixedBaseTable(G1Affine basePoint)
    {
        var jac = new G1Jacobian[Windows * 256];
        var windowBase = basePoint.ToJacobian();
        for (int j = 0; j < Windows; j++)
        {
            jac[j * 256] = G1Jacobian.Infinity;
            for (int d = 1; d < 256; d++) jac[j * 256 + d] = jac[j * 256 + d - 1] + windowBase;
            for (int s = 0; s < 8; s++) windowBase = windowBase.Double();
        }
        G1Jacobian.BatchToAffine(jac, _table);
    }

    public G1Jacobian Multiply(in Fr scalar)
    {
        Span<ulong> limbs = stackalloc ulong[4];
        scalar.ToLittleEndianLimbs(limbs);
        var acc = G1Jacobian.Infinity;
        for (int j = 0; j < Windows; j++)
        {
            int d = (int)(limbs[j >> 3] >> ((j & 7) * 8)) & 0xff;
            if (d != 0) acc = acc.AddMixed(_table[j * 256 + d]);
        }
        return acc;
    }
}
