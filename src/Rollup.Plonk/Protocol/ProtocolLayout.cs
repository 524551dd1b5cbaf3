using Rollup.Plonk.Circuit;

namespace Rollup.Plonk.Protocol;

/// <summary>Everything about a circuit's proof that follows from its constraint system alone: how the equality columns
/// are chunked for the permutation argument, how many quotient pieces there are, and which polynomials are opened at
/// which rotations, in the one order the prover writes evaluations and the verifier (C# and Solidity) reads them.</summary>
public sealed class ProtocolLayout
{
    public ConstraintSystem System { get; }
    public int K { get; }
    public int Rows => 1 << K;
    /// <summary>The constraint degree the quotient is built for.</summary>
    public int Degree { get; }
    /// <summary>Equality columns per permutation chunk: Degree − 1, so each chunk's constraint has degree Degree.</summary>
    public int ChunkSize { get; }
    public int PermutationChunks { get; }
    /// <summary>Quotient pieces of n coefficients each: Degree − 1.</summary>
    public int QuotientPieces { get; }
    /// <summary>log2 of the extended evaluation domain's size over n (the quotient is computed there).</summary>
    public int ExtendedLog { get; }

    /// <summary>Every evaluation in the proof, in order.</summary>
    public IReadOnlyList<PolyQuery> Queries { get; }

    /// <summary>The distinct rotations opened, sorted; each is one opening point x·ω^r.</summary>
    public IReadOnlyList<int> Rotations { get; }

    public ProtocolLayout(ConstraintSystem cs, int k)
    {
        System = cs;
        K = k;
        Degree = cs.Degree;
        ChunkSize = Degree - 1;
        int equality = cs.EqualityColumns.Count;
        PermutationChunks = equality == 0 ? 0 : (equality + ChunkSize - 1) / ChunkSize;
        QuotientPieces = Degree - 1;
        ExtendedLog = 0;
        while ((1 << ExtendedLog) < Degree) ExtendedLog++;

        var queries = new List<PolyQuery>();
        void Add(PolyRef p, int rotation) { var q = new PolyQuery(p, rotation); if (!queries.Contains(q)) queries.Add(q); }

        // Circuit columns at the rotations the gates and lookups use (instance columns are evaluated by the
        // verifier itself, so they are not opened).
        var columnQueries = cs.Gates.SelectMany(g => g.Polynomials.SelectMany(p => p.Polynomial.Queries()))
            .Concat(cs.Lookups.SelectMany(l => l.Expressions.SelectMany(e => e.Queries())))
            .Select(q => (q.Column, q.Rotation))
            .Concat(cs.EqualityColumns.Select(c => (c, 0)))
            .Distinct()
            .OrderBy(q => q.Item1.Kind).ThenBy(q => q.Item1.Index).ThenBy(q => q.Item2);
        foreach (var (column, rotation) in columnQueries)
            if (column.Kind != ColumnKind.Instance)
                Add(new PolyRef(column.Kind == ColumnKind.Fixed ? PolyKind.Fixed : PolyKind.Advice, column.Index), rotation);

        for (int i = 0; i < equality; i++) Add(new PolyRef(PolyKind.Sigma, i), 0);
        for (int j = 0; j < PermutationChunks; j++) Add(new PolyRef(PolyKind.PermutationProduct, j), 0);
        if (PermutationChunks > 0) Add(new PolyRef(PolyKind.PermutationProduct, 0), 1);
        for (int l = 0; l < cs.Lookups.Count; l++)
        {
            Add(new PolyRef(PolyKind.LookupMultiplicity, l), 0);
            Add(new PolyRef(PolyKind.LookupSum, l), 0);
            Add(new PolyRef(PolyKind.LookupSum, l), 1);
        }
        for (int i = 0; i < QuotientPieces; i++) Add(new PolyRef(PolyKind.Quotient, i), 0);

        Queries = queries;
        Rotations = queries.Select(q => q.Rotation).Distinct().Order().ToList();
    }

    /// <summary>Advice columns in commitment order: by phase, then by column index.</summary>
    public IReadOnlyList<Column> AdviceCommitOrder => System.AdviceColumns.OrderBy(c => c.Phase).ThenBy(c => c.Index).ToList();

    /// <summary>Which equality columns (by position in <see cref="ConstraintSystem.EqualityColumns"/>) chunk j covers.</summary>
    public Range Chunk(int j) => new(j * ChunkSize, Math.Min((j + 1) * ChunkSize, System.EqualityColumns.Count));
}
