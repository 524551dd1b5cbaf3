using Rollup.Crypto.Bn254.Fields;
using Rollup.Plonk.Circuit;
using Rollup.Plonk.Permutation;

namespace Rollup.Plonk.Protocol;

/// <summary>Every polynomial identity the quotient must divide, in the order their y-powers are assigned: the gates,
/// then the permutation argument, then one logUp identity per lookup. The prover and the verifier both build this list
/// from the layout, so they cannot disagree about what is being proven.</summary>
public static class ConstraintList
{
    public static IReadOnlyList<(string Name, Expression Polynomial)> Build(ProtocolLayout layout, ProtocolChallenges ch)
    {
        var cs = layout.System;
        var list = new List<(string, Expression)>();
        foreach (var gate in cs.Gates)
            foreach (var (name, poly) in gate.Polynomials)
                list.Add((name == gate.Name ? gate.Name : $"{gate.Name}: {name}", poly));

        if (layout.PermutationChunks > 0)
        {
            var beta = ch.Beta.Value;
            var gamma = ch.Gamma.Value;
            var deltas = PermutationLayout.Deltas(cs.EqualityColumns.Count);
            Expression Z(int j, int rotation = 0) => new PolyExpression(new PolyRef(PolyKind.PermutationProduct, j), rotation);
            list.Add(("permutation starts at one", LagrangeFirstExpression.Instance * (1 - Z(0))));
            for (int j = 0; j < layout.PermutationChunks; j++)
            {
                Expression sigmaSide = Z(j + 1 < layout.PermutationChunks ? j + 1 : 0, j + 1 < layout.PermutationChunks ? 0 : 1);
                Expression identitySide = Z(j);
                var chunk = layout.Chunk(j);
                for (int i = chunk.Start.Value; i < chunk.End.Value; i++)
                {
                    var w = cs.EqualityColumns[i].Cur;
                    var sigma = new PolyExpression(new PolyRef(PolyKind.Sigma, i), 0);
                    sigmaSide *= w + beta * sigma + gamma;
                    identitySide *= w + beta * Expression.Constant(deltas[i]) * XExpression.Instance + gamma;
                }
                list.Add(($"permutation chunk {j}", sigmaSide - identitySide));
            }
        }

        for (int l = 0; l < cs.Lookups.Count; l++)
        {
            var lookup = cs.Lookups[l];
            var beta = ch.Beta.Value;
            var theta = ch.Theta.Value;
            var f = lookup.Inputs.Select(i => beta + Compress(i.Values, theta)).ToArray();
            var t = beta + Compress(lookup.Table, theta);
            var phi = new PolyExpression(new PolyRef(PolyKind.LookupSum, l), 0);
            var phiNext = new PolyExpression(new PolyRef(PolyKind.LookupSum, l), 1);
            var m = new PolyExpression(new PolyRef(PolyKind.LookupMultiplicity, l), 0);
            // φ(ωX) − φ(X) = Σ_i q_i/(β + f_i) − m/(β + t), multiplied out by Π(β + f_i)·(β + t).
            Expression allF = Product(f, skip: -1);
            Expression selected = Expression.Constant(0);
            for (int i = 0; i < f.Length; i++) selected += lookup.Inputs[i].Selector * Product(f, skip: i);
            list.Add(($"lookup '{lookup.Name}'", (phiNext - phi) * allF * t - selected * t + m * allF));
        }
        return list;
    }

    /// <summary>The product of the factors, leaving out the one at <paramref name="skip"/> (none if −1).</summary>
    private static Expression Product(Expression[] factors, int skip)
    {
        Expression? acc = null;
        for (int i = 0; i < factors.Length; i++)
            if (i != skip) acc = acc is null ? factors[i] : acc * factors[i];
        return acc ?? Expression.Constant(1);
    }

    /// <summary>((e₀·θ + e₁)·θ + e₂)…: several columns as one value.</summary>
    public static Expression Compress(IReadOnlyList<Expression> parts, Expression theta)
    {
        var acc = parts[0];
        for (int i = 1; i < parts.Count; i++) acc = acc * theta + parts[i];
        return acc;
    }

    /// <summary>The same compression on values.</summary>
    public static Fr Compress(ReadOnlySpan<Fr> parts, Fr theta)
    {
        var acc = parts[0];
        for (int i = 1; i < parts.Length; i++) acc = acc * theta + parts[i];
        return acc;
    }
}
