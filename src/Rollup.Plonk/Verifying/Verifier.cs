using Rollup.Crypto.Bn254.Curves;
using Rollup.Crypto.Bn254.Fields;
using Rollup.Plonk.Circuit;
using Rollup.Plonk.Keys;
using Rollup.Plonk.Kzg;
using Rollup.Plonk.Protocol;
using Rollup.Plonk.Transcript;

namespace Rollup.Plonk.Verifying;

/// <summary>Checks a proof: replays the transcript, recomputes every constraint at x from the claimed evaluations (and
/// the public inputs it evaluates itself), checks the quotient identity, and checks all openings with one pairing
/// product.</summary>
public static class Verifier
{
    public static bool Verify(VerifyingKey vk, IReadOnlyList<Fr[]> publicInputs, ReadOnlySpan<byte> proofBytes) =>
        Proof.TryFromBytes(proofBytes, vk.Layout, out var proof) && Verify(vk, publicInputs, proof!);

    public static bool Verify(VerifyingKey vk, IReadOnlyList<Fr[]> publicInputs, Proof proof)
    {
        var layout = vk.Layout;
        var cs = layout.System;
        int n = layout.Rows;
        if (publicInputs.Count != cs.InstanceColumns.Count || publicInputs.Any(p => p.Length > n)) return false;

        var t = new KeccakTranscript(vk.Digest);
        TranscriptSteps.AbsorbPublicInputs(t, publicInputs);
        var pc = new ProtocolChallenges(cs);
        var challenges = new Fr[pc.Count];
        int advice = 0;
        var adviceByColumn = new G1Affine[cs.AdviceColumns.Count];
        for (int phase = 0; phase < cs.Phases; phase++)
        {
            foreach (var column in layout.AdviceCommitOrder.Where(c => c.Phase == phase))
            {
                adviceByColumn[column.Index] = proof.Advice[advice++];
                t.Absorb(adviceByColumn[column.Index]);
            }
            foreach (var ch in cs.Challenges.Where(c => c.AfterPhase == phase)) challenges[ch.Index] = t.Challenge();
        }
        foreach (var ch in cs.Challenges.Where(c => c.AfterPhase >= cs.Phases)) challenges[ch.Index] = t.Challenge();
        challenges[pc.Theta.Index] = t.Challenge();
        foreach (var c in proof.Multiplicities) t.Absorb(c);
        challenges[pc.Beta.Index] = t.Challenge();
        challenges[pc.Gamma.Index] = t.Challenge();
        foreach (var c in proof.PermutationProducts) t.Absorb(c);
        foreach (var c in proof.LookupSums) t.Absorb(c);
        var y = t.Challenge();
        foreach (var c in proof.Quotient) t.Absorb(c);
        var x = t.Challenge();
        foreach (var e in proof.Evaluations) t.Absorb(e);
        var v = t.Challenge();
        foreach (var w in proof.Openings) t.Absorb(w);
        var u = t.Challenge();

        // The quotient identity at x.
        var omega = Fr.RootOfUnity(layout.K);
        var xn = x.Pow((ulong)n);
        var vanishing = xn - Fr.One;
        if (vanishing.IsZero) return false; // x on the domain: a negligible event, refuse rather than divide by zero
        var evals = new Dictionary<PolyQuery, Fr>();
        for (int q = 0; q < layout.Queries.Count; q++) evals[layout.Queries[q]] = proof.Evaluations[q];
        var point = new PointEvaluator(evals, challenges, x, omega, n, publicInputs, vanishing);

        var numerator = Fr.Zero;
        foreach (var (_, poly) in ConstraintList.Build(layout, pc)) numerator = numerator * y + poly.Accept(point);
        var h = Fr.Zero;
        for (int i = layout.QuotientPieces - 1; i >= 0; i--) h = h * xn + evals[new PolyQuery(new PolyRef(PolyKind.Quotient, i), 0)];
        if (numerator != h * vanishing) return false;

        // All openings with one pairing product.
        G1Affine Commitment(PolyRef p) => p.Kind switch
        {
            PolyKind.Fixed => vk.FixedCommitments[p.Index],
            PolyKind.Advice => adviceByColumn[p.Index],
            PolyKind.Sigma => vk.SigmaCommitments[p.Index],
            PolyKind.PermutationProduct => proof.PermutationProducts[p.Index],
            PolyKind.LookupMultiplicity => proof.Multiplicities[p.Index],
            PolyKind.LookupSum => proof.LookupSums[p.Index],
            PolyKind.Quotient => proof.Quotient[p.Index],
            _ => throw new InvalidOperationException($"{p} is not committed"),
        };
        var openings = new List<PointOpening>();
        for (int r = 0; r < layout.Rotations.Count; r++)
        {
            int rotation = layout.Rotations[r];
            var queries = Enumerable.Range(0, layout.Queries.Count).Where(q => layout.Queries[q].Rotation == rotation).ToList();
            openings.Add(new PointOpening(x * Proving.Prover.Power(omega, rotation),
                queries.Select(q => Commitment(layout.Queries[q].Poly)).ToList(),
                queries.Select(q => proof.Evaluations[q]).ToList(), v, proof.Openings[r]));
        }
        return KzgScheme.VerifyMultiPoint(vk.G2, vk.TauG2, openings, u);
    }

    /// <summary>Evaluates constraints at x from the proof's evaluations; public inputs are evaluated here.</summary>
    private sealed class PointEvaluator(Dictionary<PolyQuery, Fr> evals, Fr[] challenges, Fr x, Fr omega, int n,
        IReadOnlyList<Fr[]> publicInputs, Fr vanishing) : IProtocolExpressionVisitor<Fr>
    {
        private readonly Fr _nInverse = Fr.FromUInt64((ulong)n).Inverse();

        public Fr Constant(Fr value) => value;
        public Fr Challenge(Challenge c) => challenges[c.Index];
        public Fr Sum(Expression a, Expression b) => a.Accept(this) + b.Accept(this);
        public Fr Product(Expression a, Expression b) => a.Accept(this) * b.Accept(this);
        public Fr Negated(Expression a) => -a.Accept(this);
        public Fr Scaled(Expression a, Fr k) => a.Accept(this) * k;
        public Fr X() => x;
        public Fr LagrangeFirst() => vanishing * _nInverse * (x - Fr.One).Inverse();

        public Fr Query(ColumnQuery q) => q.Column.Kind switch
        {
            ColumnKind.Fixed => evals[new PolyQuery(new PolyRef(PolyKind.Fixed, q.Column.Index), q.Rotation)],
            ColumnKind.Advice => evals[new PolyQuery(new PolyRef(PolyKind.Advice, q.Column.Index), q.Rotation)],
            _ => Instance(q.Column.Index, q.Rotation),
        };

        public Fr Poly(PolyRef poly, int rotation) => evals[new PolyQuery(poly, rotation)];

        /// <summary>I(z) = Σ_j inst_j·L_j(z) with L_j(z) = ω^j·(zⁿ − 1) / (n·(z − ω^j)), at z = x·ω^rotation.</summary>
        private Fr Instance(int column, int rotation)
        {
            var z = x * Proving.Prover.Power(omega, rotation);
            var zn = z.Pow((ulong)n) - Fr.One;
            var values = publicInputs[column];
            var sum = Fr.Zero;
            var w = Fr.One;
            for (int j = 0; j < values.Length; j++, w *= omega)
                if (!values[j].IsZero) sum += values[j] * w * (z - w).Inverse();
            return sum * zn * _nInverse;
        }
    }
}
