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
/// finding out why.</summary>
public static class Prover
{
    public static Proof Prove(ProvingKey pk, Assignment a, IReadOnlyList<Fr[]> publicInputs, IPhaseSynthesizer? synthesizer = null,
        ProverStages? stages = null)
    {
        var vk = pk.Vk;
        var layout = vk.Layout;
        var cs = layout.System;
        int n = layout.Rows, log2n = layout.K, extLog = log2n + layout.ExtendedLog;
        var shift = ProvingKey.CosetShift;
        var bases = pk.Srs.G1Powers.AsMemory(0, n);
        if (a.System != cs || a.K != layout.K) throw new ArgumentException("the assignment is not for this proving key's circuit");
        CheckPublicInputs(a, publicInputs);

        var t = new KeccakTranscript(vk.Digest);
        TranscriptSteps.AbsorbPublicInputs(t, publicInputs);
        var pc = new ProtocolChallenges(cs);
        var challenges = new Fr[pc.Count];
        var coeffs = new Dictionary<PolyRef, Fr[]>();

        G1Affine Commit(Fr[] c) => PolyOps.Msm(bases.Span, c).ToAffine();
        // A column known by its values on H: committed from the values in the Lagrange basis when the key has one (the
        // same point; witness values are often short scalars, which the MSM turns into fewer windows).
        var lagrange = pk.LagrangeBases;
        G1Affine CommitValues(Fr[] values, Fr[] c) => lagrange is null ? Commit(c) : PolyOps.Msm(lagrange, values).ToAffine();

        // Advice, phase by phase; challenges drawn after each phase.
        var adviceCommitments = new List<G1Affine>();
        for (int phase = 0; phase < cs.Phases; phase++)
        {
            if (phase > 0) synthesizer?.Synthesize(phase, challenges, a);
            foreach (var column in layout.AdviceCommitOrder.Where(c => c.Phase == phase))
            {
                var values = a.Values(column);
                var c = KeyGenerator.Coefficients(values, log2n);
                coeffs[new PolyRef(PolyKind.Advice, column.Index)] = c;
                var commitment = CommitValues(values, c);
                adviceCommitments.Add(commitment);
                t.Absorb(commitment);
            }
            foreach (var ch in cs.Challenges.Where(c => c.AfterPhase == phase)) challenges[ch.Index] = t.Challenge();
        }
        foreach (var ch in cs.Challenges.Where(c => c.AfterPhase >= cs.Phases)) challenges[ch.Index] = t.Challenge();
        stages?.Mark("advice");

        // Lookups: multiplicities, after θ.
        var theta = challenges[pc.Theta.Index] = t.Challenge();
        var rows = new RowEvaluator(a, challenges);
        var lookupData = cs.Lookups.Select(l => LookupValues(l, a, rows, theta)).ToArray();
        var multiplicityCommitments = new G1Affine[cs.Lookups.Count];
        for (int l = 0; l < cs.Lookups.Count; l++)
        {
            var c = KeyGenerator.Coefficients(lookupData[l].M, log2n);
            coeffs[new PolyRef(PolyKind.LookupMultiplicity, l)] = c;
            t.Absorb(multiplicityCommitments[l] = CommitValues(lookupData[l].M, c));
        }
        stages?.Mark("lookup multiplicities");

        // Permutation products and lookup running sums, after β and γ.
        var beta = challenges[pc.Beta.Index] = t.Challenge();
        var gamma = challenges[pc.Gamma.Index] = t.Challenge();
        var products = PermutationProducts(pk, a, beta, gamma);
        var productCommitments = new G1Affine[products.Length];
        for (int j = 0; j < products.Length; j++)
        {
            var c = KeyGenerator.Coefficients(products[j], log2n);
            coeffs[new PolyRef(PolyKind.PermutationProduct, j)] = c;
            t.Absorb(productCommitments[j] = Commit(c));
        }
        stages?.Mark("permutation products");
        var sumCommitments = new G1Affine[cs.Lookups.Count];
        for (int l = 0; l < cs.Lookups.Count; l++)
        {
            var c = KeyGenerator.Coefficients(LookupSum(lookupData[l], beta), log2n);
            coeffs[new PolyRef(PolyKind.LookupSum, l)] = c;
            t.Absorb(sumCommitments[l] = Commit(c));
        }
        stages?.Mark("lookup sums");

        // The quotient, after y.
        var y = t.Challenge();
        var quotient = Quotient(pk, a, publicInputs, coeffs, challenges, pc, y, stages);
        var quotientCommitments = new G1Affine[quotient.Length];
        for (int i = 0; i < quotient.Length; i++)
        {
            coeffs[new PolyRef(PolyKind.Quotient, i)] = quotient[i];
            t.Absorb(quotientCommitments[i] = Commit(quotient[i]));
        }
        stages?.Mark("quotient commitments");

        // Evaluations at x·ω^r, after x.
        var x = t.Challenge();
        foreach (var (poly, index) in new[] { (PolyKind.Fixed, pk.FixedCoefficients), (PolyKind.Sigma, pk.SigmaCoefficients) })
            for (int i = 0; i < index.Length; i++) coeffs[new PolyRef(poly, i)] = index[i];
        var omega = Fr.RootOfUnity(log2n);
        var evaluations = new Fr[layout.Queries.Count];
        for (int q = 0; q < layout.Queries.Count; q++)
        {
            var query = layout.Queries[q];
            evaluations[q] = PolyOps.EvaluateAt(coeffs[query.Poly], x * Power(omega, query.Rotation));
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
            var polys = layout.Queries.Where(q => q.Rotation == rotation).Select(q => coeffs[q.Poly]).ToList();
            t.Absorb(openings[r] = KzgScheme.OpenBatch(srs, polys, x * Power(omega, rotation), v));
        }
        stages?.Mark("openings");

        return new Proof
        {
            Advice = [.. adviceCommitments], Multiplicities = multiplicityCommitments, PermutationProducts = productCommitments,
            LookupSums = sumCommitments, Quotient = quotientCommitments, Evaluations = evaluations, Openings = openings,
        };
    }

    internal static Fr Power(Fr omega, int rotation) =>
        rotation >= 0 ? omega.Pow((ulong)rotation) : omega.Inverse().Pow((ulong)(-rotation));

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

    /// <summary>h = Σ y^(C−1−i)·c_i / (Xⁿ − 1), computed on the extended coset and split into n-coefficient pieces.</summary>
    private static Fr[][] Quotient(ProvingKey pk, Assignment a, IReadOnlyList<Fr[]> publicInputs, Dictionary<PolyRef, Fr[]> coeffs,
        Fr[] challenges, ProtocolChallenges pc, Fr y, ProverStages? stages)
    {
        var layout = pk.Vk.Layout;
        var cs = layout.System;
        int n = layout.Rows, extLog = layout.K + layout.ExtendedLog, bigN = 1 << extLog;
        var shift = ProvingKey.CosetShift;
        Fr[] Ext(PolyRef p) => KeyGenerator.Extend(coeffs[p], extLog, shift);

        var instanceExt = publicInputs.Select(values =>
        {
            var full = new Fr[n];
            values.CopyTo(full, 0);
            return KeyGenerator.Extend(KeyGenerator.Coefficients(full, layout.K), extLog, shift);
        }).ToArray();

        var polys = new ExtendedPolys
        {
            Fixed = pk.FixedExtended,
            Advice = cs.AdviceColumns.Select(c => Ext(new PolyRef(PolyKind.Advice, c.Index))).ToArray(),
            Instance = instanceExt,
            Sigma = pk.SigmaExtended,
            PermutationProducts = Enumerable.Range(0, layout.PermutationChunks).Select(j => Ext(new PolyRef(PolyKind.PermutationProduct, j))).ToArray(),
            Multiplicities = Enumerable.Range(0, cs.Lookups.Count).Select(l => Ext(new PolyRef(PolyKind.LookupMultiplicity, l))).ToArray(),
            LookupSums = Enumerable.Range(0, cs.Lookups.Count).Select(l => Ext(new PolyRef(PolyKind.LookupSum, l))).ToArray(),
            CosetPoints = pk.CosetPoints,
            LagrangeFirst = pk.LagrangeFirstExtended,
            RotationStride = bigN / n,
        };

        stages?.Mark("quotient: extend to coset");
        var constraints = ConstraintList.Build(layout, pc);
        var h = new Fr[bigN];
        const int Block = 1024;
        int period = pk.VanishingInverse.Length, blockSize = Math.Min(Block, bigN);
        // One evaluator and accumulator per worker thread, reused for all of its blocks.
        Parallel.For(0, (bigN + Block - 1) / Block,
            () => (Evaluator: new ExtendedEvaluator(polys, challenges, blockSize), Acc: new Fr[blockSize], Values: new Fr[blockSize]),
            (b, _, w) =>
            {
                int start = b * Block, length = Math.Min(Block, bigN - start);
                var acc = w.Acc.AsSpan(0, length);
                var values = w.Values.AsSpan(0, length);
                acc.Clear();
                w.Evaluator.Seek(start, length);
                foreach (var (_, poly) in constraints)
                {
                    w.Evaluator.CopyTo(poly.Accept(w.Evaluator), values);
                    for (int i = 0; i < length; i++) acc[i] = acc[i] * y + values[i];
                }
                for (int i = 0; i < length; i++) h[start + i] = acc[i] * pk.VanishingInverse[(start + i) % period];
                return w;
            },
            _ => { });
        stages?.Mark("quotient: evaluate constraints");
        PolyOps.InterpolateFromCoset(h, extLog, shift);
        stages?.Mark("quotient: interpolate");
        return Enumerable.Range(0, layout.QuotientPieces).Select(i => h.AsSpan(i * n, n).ToArray()).ToArray();
    }
}
