using Rollup.Crypto.Bn254.Fields;
using Rollup.Crypto.Kzg;
using Rollup.Crypto.Polynomials;
using Rollup.Plonk.Circuit;
using Rollup.Plonk.Keys;
using Rollup.Plonk.Protocol;
using Rollup.Plonk.Proving;

namespace Rollup.Plonk.Tests;

/// <summary>The coset-by-coset quotient (what the prover computes) against two references on random polynomials, so
/// every point of the extended coset carries a non-zero, unrelated value: (1) the whole-coset computation the prover
/// used before (every polynomial extended to all N points at once, rotations r·N/n apart there), compared coefficient
/// by coefficient; (2) at sampled points of the extended coset, h(z)·(zⁿ − 1) against the constraints evaluated
/// point by point with each polynomial evaluated by Horner's rule (no coset transform, no block evaluator).</summary>
public class CosetQuotientTests
{
    public static TheoryData<string> Circuits => CheckerTests.Circuits;

    [Theory]
    [MemberData(nameof(Circuits))]
    public void The_coset_by_coset_quotient_is_the_whole_coset_one(string circuit)
    {
        var (layout, polys, challenges, pc, y) = RandomInstance(circuit, seed: 11);
        // A zero polynomial (an unwritten column) is skipped by the coset transforms: it must still count as zero.
        Array.Clear(polys.Advice[0]);
        var before = polys.All.Select(p => (Fr[])p.Clone()).ToArray();

        var h = CosetQuotient.Compute(layout, polys, challenges, pc, y).SelectMany(piece => piece).ToArray();

        Assert.Equal(WholeCosetQuotient(layout, polys, challenges, pc, y), h);
        // The arrays were transformed in place and must hold their coefficients again.
        Assert.Equal(before, polys.All.ToArray());
    }

    [Theory]
    [MemberData(nameof(Circuits))]
    public void The_quotient_times_the_vanishing_polynomial_is_the_constraints_at_coset_points(string circuit)
    {
        var (layout, polys, challenges, pc, y) = RandomInstance(circuit, seed: 12);
        var h = CosetQuotient.Compute(layout, polys, challenges, pc, y).SelectMany(piece => piece).ToArray();

        int n = layout.Rows, extLog = layout.K + layout.ExtendedLog;
        var constraints = ConstraintList.Build(layout, pc);
        var rng = new Random(3);
        // The first and last points of each coset and random ones: point k of the extended coset is g·ω_N^k.
        var indices = Enumerable.Range(0, 1 << layout.ExtendedLog).SelectMany(j => new[] { j, j + ((n - 1) << layout.ExtendedLog) })
            .Concat(Enumerable.Range(0, 8).Select(_ => rng.Next(n << layout.ExtendedLog)));
        foreach (int k in indices)
        {
            var z = ProvingKey.CosetShift * Fr.RootOfUnity(extLog).Pow((ulong)k);
            var point = new PointEvaluator(polys, challenges, z, layout.K);
            var numerator = Fr.Zero;
            foreach (var (_, poly) in constraints) numerator = numerator * y + poly.Accept(point);
            Assert.Equal(numerator, Polynomial.Evaluate(h, z) * (z.Pow((ulong)n) - Fr.One));
        }
    }

    /// <summary>A circuit's layout with random coefficients for every polynomial the constraints read, random
    /// challenges and a random y.</summary>
    private static (ProtocolLayout, CosetPolys, Fr[], ProtocolChallenges, Fr) RandomInstance(string circuit, int seed)
    {
        var a = CheckerTests.Build(circuit);
        var cs = a.System;
        var layout = new ProtocolLayout(cs, a.K);
        var rng = new Random(seed);
        Fr[] Random() => Enumerable.Range(0, layout.Rows).Select(_ => Fr.Random(rng)).ToArray();
        Fr[][] Many(int count) => Enumerable.Range(0, count).Select(_ => Random()).ToArray();
        var polys = new CosetPolys
        {
            Fixed = Many(cs.FixedColumns.Count), Advice = Many(cs.AdviceColumns.Count), Instance = Many(cs.InstanceColumns.Count),
            Sigma = Many(cs.EqualityColumns.Count), PermutationProducts = Many(layout.PermutationChunks),
            Multiplicities = Many(cs.Lookups.Count), LookupSums = Many(cs.Lookups.Count),
        };
        var pc = new ProtocolChallenges(cs);
        var challenges = Enumerable.Range(0, pc.Count).Select(_ => Fr.Random(rng)).ToArray();
        return (layout, polys, challenges, pc, Fr.Random(rng));
    }

    /// <summary>The prover's quotient before it went coset by coset: all polynomials on the N-point coset at once.</summary>
    private static Fr[] WholeCosetQuotient(ProtocolLayout layout, CosetPolys coefficients, Fr[] challenges, ProtocolChallenges pc, Fr y)
    {
        int n = layout.Rows, extLog = layout.K + layout.ExtendedLog, bigN = 1 << extLog;
        var shift = ProvingKey.CosetShift;
        Fr[] Extend(Fr[] c) => KeyGenerator.Extend(c, extLog, shift);
        Fr[][] ExtendAll(Fr[][] cs) => cs.Select(Extend).ToArray();
        var points = new Fr[bigN];
        points[0] = shift;
        for (int i = 1; i < bigN; i++) points[i] = points[i - 1] * Fr.RootOfUnity(extLog);
        var lagrangeFirst = Enumerable.Repeat(Fr.FromUInt64((ulong)n).Inverse(), n).ToArray();
        var polys = new CosetPolys
        {
            Fixed = ExtendAll(coefficients.Fixed), Advice = ExtendAll(coefficients.Advice), Instance = ExtendAll(coefficients.Instance),
            Sigma = ExtendAll(coefficients.Sigma), PermutationProducts = ExtendAll(coefficients.PermutationProducts),
            Multiplicities = ExtendAll(coefficients.Multiplicities), LookupSums = ExtendAll(coefficients.LookupSums),
            CosetPoints = points, LagrangeFirst = Extend(lagrangeFirst), RotationStride = bigN / n,
        };
        var evaluator = new CosetEvaluator(polys, challenges, bigN);
        evaluator.Seek(0, bigN);
        var h = new Fr[bigN];
        var values = new Fr[bigN];
        foreach (var (_, poly) in ConstraintList.Build(layout, pc))
        {
            evaluator.CopyTo(poly.Accept(evaluator), values);
            for (int i = 0; i < bigN; i++) h[i] = h[i] * y + values[i];
        }
        for (int i = 0; i < bigN; i++) h[i] *= (points[i].Pow((ulong)n) - Fr.One).Inverse();
        PolyOps.InterpolateFromCoset(h, extLog, shift);
        return h;
    }

    /// <summary>The constraints at one point z, every polynomial evaluated at z·ω^r by Horner's rule.</summary>
    private sealed class PointEvaluator(CosetPolys coefficients, Fr[] challenges, Fr z, int log2n) : IProtocolExpressionVisitor<Fr>
    {
        private Fr At(Fr[] c, int rotation) => Polynomial.Evaluate(c, z * Prover.Power(Fr.RootOfUnity(log2n), rotation));

        public Fr Constant(Fr value) => value;
        public Fr Query(ColumnQuery q) => At(coefficients.Column(q.Column), q.Rotation);
        public Fr Challenge(Challenge c) => challenges[c.Index];
        public Fr Sum(Expression a, Expression b) => a.Accept(this) + b.Accept(this);
        public Fr Product(Expression a, Expression b) => a.Accept(this) * b.Accept(this);
        public Fr Negated(Expression a) => -a.Accept(this);
        public Fr Scaled(Expression a, Fr k) => a.Accept(this) * k;
        public Fr Poly(PolyRef poly, int rotation) => At(coefficients.Get(poly), rotation);
        public Fr X() => z;

        /// <summary>L₀(z) = (zⁿ − 1)/(n·(z − 1)).</summary>
        public Fr LagrangeFirst()
        {
            ulong n = 1UL << log2n;
            return (z.Pow(n) - Fr.One) * (Fr.FromUInt64(n) * (z - Fr.One)).Inverse();
        }
    }
}
