using Rollup.Crypto.Bn254.Curves;
using Rollup.Crypto.Bn254.Fields;
using Rollup.Plonk.Checking;
using Rollup.Plonk.Circuit;
using Rollup.Plonk.Keys;
using Rollup.Plonk.Kzg;
using Rollup.Plonk.Protocol;
using Rollup.Plonk.Transcript;

namespace Rollup.Plonk.Proving;

/// <summary>Fills in advice of later phases once the challenges they depend on are known.</summary>
public interface IPhaseSynthesizer
{
    /// <summary>Assigns the advice columns of <paramref name="phase"/> (≥ 1); <paramref name="challenges"/> holds the
    /// values of every circuit challenge drawn so far (by <see cref="Challenge.Index"/>).</summary>
    void Synthesize(int phase, IReadOnlyList<Fr> challenges, Assignment assignment);
}

/// <summary>Makes a proof for an assignment. It never refuses a witness: a witness that breaks a constraint yields a
/// proof the verifier rejects (that is how soundness is tested end to end); the constraint checker is the tool for
/// finding out why. (It does refuse an assignment whose fixed columns are not the key's: that is another circuit.)
/// <para>Memory: the prover keeps one copy of each polynomial. The assignment's advice, instance and fixed columns
/// are used in place (interpolated to coefficients for the quotient and the openings, given their values back before
/// Prove returns: see <see cref="BorrowedColumns"/>), so the assignment must not be read by another thread meanwhile;
/// the quotient is evaluated one coset of n points at a time (<see cref="CosetQuotient"/>).</para></summary>
public static class Prover
{
    public static Proof Prove(ProvingKey pk, Assignment a, IReadOnlyList<Fr[]> publicInputs, IPhaseSynthesizer? synthesizer = null,
        ProverStages? stages = null)
    {
        var vk = pk.Vk;
        var layout = vk.Layout;
        var cs = layout.System;
        int n = layout.Rows, log2n = layout.K;
        var bases = pk.Srs.G1Powers.AsMemory(0, n);
        if (a.System != cs || a.K != layout.K) throw new ArgumentException("the assignment is not for this proving key's circuit");
        CheckPublicInputs(a, publicInputs);
        CheckFixedColumns(pk, a);

        var t = new KeccakTranscript(vk.Digest);
        TranscriptSteps.AbsorbPublicInputs(t, publicInputs);
        var pc = new ProtocolChallenges(cs);
        var challenges = new Fr[pc.Count];

        G1Affine Commit(Fr[] c) => PolyOps.Msm(bases.Span, c).ToAffine();
        // A column known by its values on H: committed from the values in the Lagrange basis when the key has one (the
        // same point; witness values are often short scalars, which the MSM turns into fewer windows).
        var lagrange = pk.LagrangeBases;
        G1Affine CommitValues(Fr[] values) =>
            lagrange is null ? Commit(KeyGenerator.Coefficients(values, log2n)) : PolyOps.Msm(lagrange, values).ToAffine();
        // The prover's own polynomials are kept as coefficients from their commitment on (in place: no second copy).
        G1Affine CommitAndInterpolate(Fr[] values)
        {
            // An unused lookup's: zero values are zero coefficients; left untouched (see BorrowedColumns.Take).
            if (BorrowedColumns.IsZero(values)) return Commit(values);
            if (lagrange is null) { PolyOps.Interpolate(values, log2n); return Commit(values); }
            var commitment = PolyOps.Msm(lagrange, values).ToAffine();
            PolyOps.Interpolate(values, log2n);
            return commitment;
        }

        // Advice, phase by phase; challenges drawn after each phase. The values stay in the assignment (no copy).
        var adviceCommitments = new List<G1Affine>();
        for (int phase = 0; phase < cs.Phases; phase++)
        {
            if (phase > 0) synthesizer?.Synthesize(phase, challenges, a);
            foreach (var column in layout.AdviceCommitOrder.Where(c => c.Phase == phase))
            {
                var commitment = CommitValues(a.Values(column));
                adviceCommitments.Add(commitment);
                t.Absorb(commitment);
            }
            foreach (var ch in cs.Challenges.Where(c => c.AfterPhase == phase)) challenges[ch.Index] = t.Challenge();
        }
        foreach (var ch in cs.Challenges.Where(c => c.AfterPhase >= cs.Phases)) challenges[ch.Index] = t.Challenge();
        ReleaseGarbage();
        stages?.Mark("advice");

        // Lookups: multiplicities, after θ. Each lookup's rows (k selectors and inputs of n values) are made, used and
        // dropped one lookup at a time, and made again for the running sum below: keeping them for all lookups was
        // (2k + 2)·n values per lookup.
        var theta = challenges[pc.Theta.Index] = t.Challenge();
        var rows = new RowEvaluator(a, challenges);
        var multiplicities = new Fr[cs.Lookups.Count][];
        var multiplicityCommitments = new G1Affine[cs.Lookups.Count];
        for (int l = 0; l < cs.Lookups.Count; l++)
        {
            multiplicities[l] = LookupValues(cs.Lookups[l], a, rows, theta).M;
            t.Absorb(multiplicityCommitments[l] = CommitAndInterpolate(multiplicities[l]));
            ReleaseGarbage();
        }
        stages?.Mark("lookup multiplicities");

        // Permutation products and lookup running sums, after β and γ.
        var beta = challenges[pc.Beta.Index] = t.Challenge();
        var gamma = challenges[pc.Gamma.Index] = t.Challenge();
        var products = PermutationProducts(pk, a, beta, gamma);
        var productCommitments = new G1Affine[products.Length];
        for (int j = 0; j < products.Length; j++)
        {
            PolyOps.Interpolate(products[j], log2n);
            t.Absorb(productCommitments[j] = Commit(products[j]));
        }
        stages?.Mark("permutation products");
        var sums = new Fr[cs.Lookups.Count][];
        var sumCommitments = new G1Affine[cs.Lookups.Count];
        for (int l = 0; l < cs.Lookups.Count; l++)
        {
            sums[l] = LookupSum(LookupValues(cs.Lookups[l], a, rows, theta), beta);
            PolyOps.Interpolate(sums[l], log2n);
            t.Absorb(sumCommitments[l] = Commit(sums[l]));
            ReleaseGarbage();
        }
        stages?.Mark("lookup sums");

        // From here on the assignment's advice, instance and fixed columns serve as the coefficient arrays
        // (interpolated in place); they hold their values again when Prove returns.
        using var borrowed = new BorrowedColumns(log2n);
        var polys = new CosetPolys
        {
            Fixed = cs.FixedColumns.Select(c => borrowed.Take(a.Values(c))).ToArray(),
            Advice = cs.AdviceColumns.Select(c => borrowed.Take(a.Values(c))).ToArray(),
            Instance = cs.InstanceColumns.Select(c => borrowed.Take(a.Values(c))).ToArray(),
            Sigma = pk.SigmaValues.Select(v => KeyGenerator.Coefficients(v, log2n)).ToArray(),
            PermutationProducts = products, Multiplicities = multiplicities, LookupSums = sums,
        };
        stages?.Mark("interpolate columns");

        // The quotient, after y.
        var y = t.Challenge();
        // h's pieces of n coefficients; those past QuotientPieces are zero for a valid witness and dropped.
        var quotient = CosetQuotient.Compute(layout, polys, challenges, pc, y, stages)[..layout.QuotientPieces];
        var quotientCommitments = new G1Affine[quotient.Length];
        for (int i = 0; i < quotient.Length; i++) t.Absorb(quotientCommitments[i] = Commit(quotient[i]));
        stages?.Mark("quotient commitments");

        // Evaluations at x·ω^r, after x.
        var x = t.Challenge();
        Fr[] Coefficients(PolyRef p) => p.Kind == PolyKind.Quotient ? quotient[p.Index] : polys.Get(p);
        var omega = Fr.RootOfUnity(log2n);
        var evaluations = new Fr[layout.Queries.Count];
        for (int q = 0; q < layout.Queries.Count; q++)
        {
            var query = layout.Queries[q];
            evaluations[q] = PolyOps.EvaluateAt(Coefficients(query.Poly), x * Power(omega, query.Rotation));
            t.Absorb(evaluations[q]);
        }
        stages?.Mark("evaluations");

        // One KZG opening per point, each batching its polynomials with powers of v.
        var v = t.Challenge();
        var srs = pk.Srs.Truncate(n);
        var openings = new G1Affine[layout.Rotations.Count];
        for (int r = 0; r < layout.Rotations.Count; r++)
        {
            int rotation = layout.Rotations[r];
            var opened = layout.Queries.Where(q => q.Rotation == rotation).Select(q => Coefficients(q.Poly)).ToList();
            t.Absorb(openings[r] = KzgScheme.OpenBatch(srs, opened, x * Power(omega, rotation), v));
            ReleaseGarbage();
        }
        stages?.Mark("openings");

        return new Proof
        {
            Advice = [.. adviceCommitments], Multiplicities = multiplicityCommitments, PermutationProducts = productCommitments,
            LookupSums = sumCommitments, Quotient = quotientCommitments, Evaluations = evaluations, Openings = openings,
        };
    }

    /// <summary>A full blocking collection, so the next stage reuses the last one's dropped arrays instead of growing
    /// the heap. Each lookup's rows, inverses and running values are (4k + 5)·n field elements (k inputs), a gigabyte
    /// or more at 2^20 rows, and all of them garbage once its multiplicities or running sum are made; the GC's own
    /// budget let several lookups' worth pile up (at 2^16 the heap grew by twice the live data during the running
    /// sums). The heap is mostly large arrays of field elements, which hold no references, so a collection takes
    /// milliseconds.</summary>
    private static void ReleaseGarbage() => GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: false);

    internal static Fr Power(Fr omega, int rotation) =>
        rotation >= 0 ? omega.Pow((ulong)rotation) : omega.Inverse().Pow((ulong)(-rotation));

    /// <summary>The fixed columns are the circuit's, not the witness: an assignment whose fixed columns are not the
    /// key's is for another circuit (or a circuit bug made them depend on the witness), and is refused by name.</summary>
    private static void CheckFixedColumns(ProvingKey pk, Assignment a)
    {
        var columns = a.System.FixedColumns;
        for (int i = 0; i < columns.Count; i++)
            if (!pk.IsFixedColumn(i, a.Values(columns[i])))
                throw new ArgumentException($"fixed column {columns[i].Name} is not the proving key's: the assignment is not for this key's circuit");
    }

    private static void CheckPublicInputs(Assignment a, IReadOnlyList<Fr[]> publicInputs)
    {
        var columns = a.System.InstanceColumns;
        if (publicInputs.Count != columns.Count)
            throw new ArgumentException($"{publicInputs.Count} public input columns for {columns.Count} instance columns");
        for (int c = 0; c < columns.Count; c++)
        {
            var values = a.Values(columns[c]);
            if (publicInputs[c].Length > a.Rows) throw new ArgumentException($"too many public inputs for {columns[c]}");
            for (int r = 0; r < a.Rows; r++)
                if (values[r] != (r < publicInputs[c].Length ? publicInputs[c][r] : Fr.Zero))
                    throw new ArgumentException($"{columns[c]} row {r} differs from the public inputs");
        }
    }

    private sealed record LookupRows(Fr[][] Selectors, Fr[][] Inputs, Fr[] Table, Fr[] M);

    /// <summary>Each input's selector and compressed value per row, the compressed table, and the multiplicities: each
    /// selected input counts (with its selector's weight) against the first table row holding its value.</summary>
    private static LookupRows LookupValues(Lookup lookup, Assignment a, RowEvaluator rows, Fr theta)
    {
        int n = a.Rows, k = lookup.Inputs.Count;
        var q = Enumerable.Range(0, k).Select(_ => new Fr[n]).ToArray();
        var f = Enumerable.Range(0, k).Select(_ => new Fr[n]).ToArray();
        var tv = new Fr[n];
        var parts = new Fr[lookup.Table.Count];
        for (int r = 0; r < n; r++)
        {
            rows.Row = r;
            for (int i = 0; i < k; i++)
            {
                var input = lookup.Inputs[i];
                q[i][r] = rows.Evaluate(input.Selector);
                for (int j = 0; j < parts.Length; j++) parts[j] = rows.Evaluate(input.Values[j]);
                f[i][r] = ConstraintList.Compress(parts, theta);
            }
            for (int j = 0; j < parts.Length; j++) parts[j] = rows.Evaluate(lookup.Table[j]);
            tv[r] = ConstraintList.Compress(parts, theta);
        }
        var firstRow = new Dictionary<Fr, int>();
        for (int r = 0; r < n; r++) firstRow.TryAdd(tv[r], r);
        var m = new Fr[n];
        for (int i = 0; i < k; i++)
            for (int r = 0; r < n; r++)
                if (!q[i][r].IsZero && firstRow.TryGetValue(f[i][r], out int at)) m[at] += q[i][r];
        return new LookupRows(q, f, tv, m);
    }

    /// <summary>φ(ω^0) = 0, φ(ω^(r+1)) = φ(ω^r) + Σ_i q_i,r/(β + f_i,r) − m_r/(β + t_r).</summary>
    private static Fr[] LookupSum(LookupRows l, Fr beta)
    {
        int n = l.Table.Length, k = l.Inputs.Length;
        var inverses = new Fr[(k + 1) * n];
        for (int i = 0; i < k; i++)
            for (int r = 0; r < n; r++) inverses[i * n + r] = beta + l.Inputs[i][r];
        for (int r = 0; r < n; r++) inverses[k * n + r] = beta + l.Table[r];
        Fr.BatchInverse(inverses);
        var phi = new Fr[n];
        var acc = Fr.Zero;
        for (int r = 0; r < n; r++)
        {
            phi[r] = acc;
            for (int i = 0; i < k; i++) acc += l.Selectors[i][r] * inverses[i * n + r];
            acc -= l.M[r] * inverses[k * n + r];
        }
        return phi;
    }

    /// <summary>The partial products of the grand product, chunk by chunk within each row (see ConstraintList).</summary>
    private static Fr[][] PermutationProducts(ProvingKey pk, Assignment a, Fr beta, Fr gamma)
    {
        var layout = pk.Vk.Layout;
        var columns = layout.System.EqualityColumns;
        int n = layout.Rows, m = layout.PermutationChunks, e = columns.Count;
        if (m == 0) return [];
        var deltas = Permutation.PermutationLayout.Deltas(e);
        var omega = Fr.RootOfUnity(layout.K);
        var values = columns.Select(c => a.Values(c)).ToArray();

        // ratio[i][r] = (w + β·δ^i·ω^r + γ) / (w + β·σ_i(ω^r) + γ)
        var denominators = new Fr[e * n];
        var numerators = new Fr[e * n];
        var point = Fr.One;
        for (int r = 0; r < n; r++, point *= omega)
            for (int i = 0; i < e; i++)
            {
                var w = values[i][r];
                numerators[i * n + r] = w + beta * deltas[i] * point + gamma;
                denominators[i * n + r] = w + beta * pk.SigmaValues[i][r] + gamma;
            }
        Fr.BatchInverse(denominators);

        var z = Enumerable.Range(0, m).Select(_ => new Fr[n]).ToArray();
        var running = Fr.One;
        for (int r = 0; r < n; r++)
        {
            for (int j = 0; j < m; j++)
            {
                z[j][r] = running;
                var chunk = layout.Chunk(j);
                for (int i = chunk.Start.Value; i < chunk.End.Value; i++)
                    running *= numerators[i * n + r] * denominators[i * n + r];
            }
        }
        return z;
    }
}
