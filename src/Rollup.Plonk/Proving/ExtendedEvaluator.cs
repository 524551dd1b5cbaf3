using Rollup.Crypto.Bn254.Fields;
using Rollup.Plonk.Circuit;
using Rollup.Plonk.Protocol;

namespace Rollup.Plonk.Proving;

/// <summary>Evaluates constraint expressions over a block of the extended coset, node by node over whole arrays
/// (column at a time: no per-point tree walk). A rotation by r rows reads r·(N/n) points further on.</summary>
internal sealed class ExtendedEvaluator(ExtendedPolys polys, Fr[] challenges, int start, int length) : IProtocolExpressionVisitor<Fr[]>
{
    private Fr[] Gather(Fr[] source, int rotation)
    {
        var r = new Fr[length];
        int mask = source.Length - 1;
        int offset = rotation * polys.RotationStride;
        for (int i = 0; i < length; i++) r[i] = source[(start + i + offset) & mask];
        return r;
    }

    private Fr[] Fill(Fr value)
    {
        var r = new Fr[length];
        Array.Fill(r, value);
        return r;
    }

    public Fr[] Constant(Fr value) => Fill(value);
    public Fr[] Query(ColumnQuery q) => Gather(polys.Column(q.Column), q.Rotation);
    public Fr[] Challenge(Challenge c) => Fill(challenges[c.Index]);
    public Fr[] Poly(PolyRef poly, int rotation) => Gather(polys.Get(poly), rotation);
    public Fr[] X() => Gather(polys.CosetPoints, 0);
    public Fr[] LagrangeFirst() => Gather(polys.LagrangeFirst, 0);

    public Fr[] Sum(Expression a, Expression b)
    {
        var x = a.Accept(this);
        var y = b.Accept(this);
        for (int i = 0; i < length; i++) x[i] += y[i];
        return x;
    }

    public Fr[] Product(Expression a, Expression b)
    {
        var x = a.Accept(this);
        var y = b.Accept(this);
        for (int i = 0; i < length; i++) x[i] *= y[i];
        return x;
    }

    public Fr[] Negated(Expression a)
    {
        var x = a.Accept(this);
        for (int i = 0; i < length; i++) x[i] = -x[i];
        return x;
    }

    public Fr[] Scaled(Expression a, Fr k)
    {
        var x = a.Accept(this);
        for (int i = 0; i < length; i++) x[i] *= k;
        return x;
    }
}

/// <summary>All polynomials' evaluations on the extended coset, by reference.</summary>
internal sealed class ExtendedPolys
{
    public required Fr[][] Fixed { get; init; }
    public required Fr[][] Advice { get; init; }
    public required Fr[][] Instance { get; init; }
    public required Fr[][] Sigma { get; init; }
    public required Fr[][] PermutationProducts { get; init; }
    public required Fr[][] Multiplicities { get; init; }
    public required Fr[][] LookupSums { get; init; }
    public required Fr[] CosetPoints { get; init; }
    public required Fr[] LagrangeFirst { get; init; }
    /// <summary>N/n: how far one row's rotation moves on the extended coset.</summary>
    public required int RotationStride { get; init; }

    public Fr[] Column(Column c) => c.Kind switch
    {
        ColumnKind.Fixed => Fixed[c.Index],
        ColumnKind.Advice => Advice[c.Index],
        _ => Instance[c.Index],
    };

    public Fr[] Get(PolyRef p) => p.Kind switch
    {
        PolyKind.Fixed => Fixed[p.Index],
        PolyKind.Advice => Advice[p.Index],
        PolyKind.Instance => Instance[p.Index],
        PolyKind.Sigma => Sigma[p.Index],
        PolyKind.PermutationProduct => PermutationProducts[p.Index],
        PolyKind.LookupMultiplicity => Multiplicities[p.Index],
        PolyKind.LookupSum => LookupSums[p.Index],
        _ => throw new ArgumentException($"{p} has no extended evaluations"),
    };
}
