using Rollup.Crypto.Bn254.Fields;
using Rollup.Evm.Execution;
using Rollup.Plonk.Circuit;
using Rollup.Plonk.Protocol;
using Rollup.Plonk.Solidity;
using Xunit.Abstractions;

namespace Rollup.Plonk.Tests;

/// <summary>The interpreted verifier's compiled constraints compute what the constraint trees compute: for every
/// example circuit and random values of every leaf, the merged DAG's roots equal the trees' values constraint by
/// constraint, and the code chunks, run on the EVM one after the other as the verifier runs them, give the same
/// Horner sum in y as evaluating the trees (the C# verifier's way). Leaves at r − 1 push every unreduced sum to its
/// bound; tiny chunks make values cross from chunk to chunk.</summary>
public class ConstraintCodeTests(ITestOutputHelper output)
{
    [Theory]
    [MemberData(nameof(ProverTests.Circuits), MemberType = typeof(ProverTests))]
    public void The_code_evaluates_the_constraints_as_the_trees_do(string circuit)
    {
        var (a, _) = CheckerTests.BuildWithSynthesizer(circuit);
        var layout = new ProtocolLayout(a.System, 4);
        var pc = new ProtocolChallenges(a.System);
        var dag = ConstraintDag.Build(layout);
        var code = new ConstraintCode(dag, layout.Queries.Count, pc.Count);
        // One constraint per chunk: every value computed for an earlier constraint comes from an earlier chunk.
        var tiny = new ConstraintCode(dag, layout.Queries.Count, pc.Count, chunkBudget: 1);
        Assert.Equal(dag.Roots.Count, tiny.Chunks.Count);
        var rng = new Random(circuit.GetHashCode() & 0xffff);
        var constraints = ConstraintList.Build(layout, pc).Select(c => c.Polynomial).ToList();
        long gas = 0;
        for (int trial = 0; trial < 5; trial++)
        {
            // Trial 0: every leaf r − 1, the largest value (each lazy sum at its bound); then random values.
            var minusOne = -Fr.One;
            Fr Leaf() => trial == 0 ? minusOne : Fr.Random(rng);
            var evaluations = layout.Queries.Select(_ => Leaf()).ToArray();
            var challenges = Enumerable.Range(0, pc.Count).Select(_ => Leaf()).ToArray();
            Fr x = Leaf(), l0 = Leaf(), y = Leaf();
            var instances = dag.InstanceQueries.Select(_ => Leaf()).ToArray();
            var tree = new TreeEvaluator(layout, evaluations, challenges, x, l0, dag.InstanceQueries, instances);

            var values = dag.Evaluate(evaluations, challenges, x, l0, instances);
            var expected = Fr.Zero;
            for (int c = 0; c < constraints.Count; c++)
            {
                var value = constraints[c].Accept(tree);
                Assert.Equal(value, values[dag.Roots[c]]);
                expected = expected * y + value;
            }
            Assert.Equal(expected, code.Run((chunk, data) => RunOnEvm(chunk, data, ref gas), evaluations, challenges, x, l0, instances, y));
            long ignored = 0;
            Assert.Equal(expected, tiny.Run((chunk, data) => RunOnEvm(chunk, data, ref ignored), evaluations, challenges, x, l0, instances, y));
            // A changed leaf changes the sum (the code reads what it should, not a stale value).
            if (layout.Queries.Count > 0 && trial == 1)
            {
                evaluations[0] += Fr.One;
                var changed = Fr.Zero;
                foreach (var poly in constraints) changed = changed * y + poly.Accept(new TreeEvaluator(layout, evaluations, challenges, x, l0, dag.InstanceQueries, instances));
                Assert.NotEqual(expected, changed);
                Assert.Equal(changed, code.Run((chunk, data) => RunOnEvm(chunk, data, ref ignored), evaluations, challenges, x, l0, instances, y));
                Assert.Equal(changed, tiny.Run((chunk, data) => RunOnEvm(chunk, data, ref ignored), evaluations, challenges, x, l0, instances, y));
            }
        }
        var s = code.Stats;
        output.WriteLine($"{circuit}: {constraints.Count} constraints, {dag.TreeOperations} tree operations, {dag.DagOperations} after merging; " +
            $"code {code.CodeBytes} bytes in {code.Chunks.Count} chunk(s), {s.LazyAdditions} lazy additions, {s.Stores} stores, " +
            $"{s.ModulusPushes} pushes of r; {gas / 5:N0} gas per run on the EVM; tiny chunks: {tiny.Chunks.Count}, {tiny.Exports} values passed on");
    }

    [Fact]
    public void Repeated_subexpressions_are_computed_once()
    {
        var cs = new ConstraintSystem();
        var q = cs.Selector("q");
        var f = cs.Advice("f");
        var g = cs.Advice("g");
        // The same product written out three times, as separate objects, in two orders.
        cs.Gate("one", ("a", q.Cur * f.Cur * (g.Cur - 1)), ("b", q.Cur * f.Cur * (g.Cur - 2)));
        cs.Gate("two", ("c", f.Cur * q.Cur * (g.Cur - 1)));
        var layout = new ProtocolLayout(cs, 3);
        var dag = ConstraintDag.Build(layout);
        // Trees: (q·f)·(g + −1) is 3 operations, (q·f)·(g + −2) 3, (f·q)·(g + −1) 3. Merged: q·f, g − 1, g − 2 and two
        // products; the third constraint is the first one again.
        Assert.Equal(9, dag.TreeOperations);
        Assert.Equal(5, dag.DagOperations);
        Assert.Equal(dag.Roots[0], dag.Roots[2]);
    }

    private static byte[] RunOnEvm(byte[] chunk, byte[] calldata, ref long gas)
    {
        const long limit = 30_000_000;
        var (result, _) = new CodeRunner().Run(chunk, calldata, limit);
        Assert.True(result.Success, $"a chunk must return: {result.Reason}");
        gas += limit - result.GasLeft;
        return result.Output.ToArray();
    }

    /// <summary>Evaluates a constraint tree from leaf values, as the C# verifier does.</summary>
    private sealed class TreeEvaluator(ProtocolLayout layout, Fr[] evaluations, Fr[] challenges, Fr x, Fr l0,
        IReadOnlyList<(int Column, int Rotation)> instanceQueries, Fr[] instances) : IProtocolExpressionVisitor<Fr>
    {
        private Fr Evaluation(PolyQuery q) => evaluations[layout.Queries.ToList().IndexOf(q)];
        public Fr Constant(Fr value) => value;
        public Fr Challenge(Challenge c) => challenges[c.Index];
        public Fr Sum(Expression a, Expression b) => a.Accept(this) + b.Accept(this);
        public Fr Product(Expression a, Expression b) => a.Accept(this) * b.Accept(this);
        public Fr Negated(Expression a) => -a.Accept(this);
        public Fr Scaled(Expression a, Fr k) => a.Accept(this) * k;
        public Fr X() => x;
        public Fr LagrangeFirst() => l0;
        public Fr Poly(PolyRef poly, int rotation) => Evaluation(new PolyQuery(poly, rotation));
        public Fr Query(ColumnQuery q) => q.Column.Kind switch
        {
            ColumnKind.Fixed => Evaluation(new PolyQuery(new PolyRef(PolyKind.Fixed, q.Column.Index), q.Rotation)),
            ColumnKind.Advice => Evaluation(new PolyQuery(new PolyRef(PolyKind.Advice, q.Column.Index), q.Rotation)),
            _ => instances[instanceQueries.ToList().IndexOf((q.Column.Index, q.Rotation))],
        };
    }
}
