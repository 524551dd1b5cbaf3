using Rollup.Crypto.Bn254.Fields;
using Rollup.Evm.Execution;
using Rollup.Plonk.Circuit;
using Rollup.Plonk.Protocol;
using Rollup.Plonk.Solidity;
using Xunit.Abstractions;

namespace Rollup.L1.Tests.Gas;

/// <summary>The batch circuits' compiled constraints — thousands of constraints, many chunks, values passed from chunk
/// to chunk — run on the EVM chunk after chunk as the verifier runs them, and give the Horner sum of the constraint
/// trees evaluated the C# verifier's way, for leaves at r − 1 (every unreduced sum at its bound) and random leaves.
/// Prints the gas the chunks' code takes (the verifier adds a STATICCALL per chunk).</summary>
public class ConstraintCodeOnEvmTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData("batch")]
    [InlineData("batch+transition")]
    public void The_compiled_constraints_agree_with_the_trees(string name)
    {
        var c = BatchVerifierSizeTests.Get(name);
        var layout = new ProtocolLayout(c.Circuit.System, c.K);
        var pc = new ProtocolChallenges(layout.System);
        var code = ConstraintCode.Build(layout);
        var dag = code.Dag;
        var constraints = ConstraintList.Build(layout, pc).Select(p => p.Polynomial).ToList();
        var rng = new Random(17);
        for (int trial = 0; trial < 2; trial++)
        {
            Fr Leaf() => trial == 0 ? -Fr.One : Fr.Random(rng);
            var evaluations = layout.Queries.Select(_ => Leaf()).ToArray();
            var challenges = Enumerable.Range(0, pc.Count).Select(_ => Leaf()).ToArray();
            Fr x = Leaf(), l0 = Leaf(), y = Leaf();
            var instances = dag.InstanceQueries.Select(_ => Leaf()).ToArray();
            var tree = new TreeEvaluator(layout, evaluations, challenges, x, l0, dag.InstanceQueries, instances);
            var expected = Fr.Zero;
            foreach (var poly in constraints) expected = expected * y + poly.Accept(tree);

            long gas = 0;
            byte[] Run(byte[] chunk, byte[] calldata)
            {
                const long limit = 30_000_000;
                var (result, _) = new CodeRunner().Run(chunk, calldata, limit);
                Assert.True(result.Success, $"a chunk must return: {result.Reason}");
                gas += limit - result.GasLeft;
                return result.Output.ToArray();
            }
            Assert.Equal(expected, code.Run(Run, evaluations, challenges, x, l0, instances, y));
            if (trial == 1)
            {
                var s = code.Stats;
                output.WriteLine($"{c.Name} (2^{c.K}): {constraints.Count:N0} constraints, {s.Operations:N0} operations ({s.LazyAdditions:N0} lazy additions), " +
                    $"{s.Stores:N0} stored, {code.Exports:N0} passed between chunks, {s.ModulusPushes} pushes of r; code {code.CodeBytes:N0} bytes in " +
                    $"{code.Chunks.Count} contracts; {gas:N0} gas in the chunks ({(double)gas / s.Operations:F1} per operation)");
            }
        }
    }

    /// <summary>Evaluates a constraint tree from leaf values, as the C# verifier does.</summary>
    private sealed class TreeEvaluator(ProtocolLayout layout, Fr[] evaluations, Fr[] challenges, Fr x, Fr l0,
        IReadOnlyList<(int Column, int Rotation)> instanceQueries, Fr[] instances) : IProtocolExpressionVisitor<Fr>
    {
        private readonly Dictionary<PolyQuery, int> _index = layout.Queries.Select((q, i) => (q, i)).ToDictionary(p => p.q, p => p.i);
        private Fr Evaluation(PolyQuery q) => evaluations[_index[q]];
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
