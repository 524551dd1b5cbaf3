using Rollup.Crypto.Bn254.Fields;
using Rollup.Crypto.Polynomials;
using Rollup.Plonk.Protocol;
using Rollup.Plonk.Proving;

namespace Rollup.Plonk.Tests;

/// <summary>The compiled constraint program (<see cref="ConstraintBlockProgram"/> on <see cref="FrBlockMachine"/>)
/// against the tree walk (<see cref="CosetEvaluator"/>, then acc·y + c per constraint) on random values: bit for bit,
/// on AVX-512 and scalar, for block lengths that wrap around the arrays' end (rotations) and one that is not a multiple
/// of eight (the scalar path on an AVX-512 machine).</summary>
public class ConstraintBlockProgramTests
{
    public static TheoryData<string> Circuits => CheckerTests.Circuits;

    [Theory]
    [MemberData(nameof(Circuits))]
    public void The_program_gives_the_tree_walks_values(string circuit)
    {
        var a = CheckerTests.Build(circuit);
        var layout = new ProtocolLayout(a.System, a.K);
        var cs = layout.System;
        int n = layout.Rows;
        var rng = new Random(5);
        Fr[] Random() => Enumerable.Range(0, n).Select(_ => Fr.Random(rng)).ToArray();
        Fr[][] Many(int count) => Enumerable.Range(0, count).Select(_ => Random()).ToArray();
        var polys = new CosetPolys
        {
            Fixed = Many(cs.FixedColumns.Count), Advice = Many(cs.AdviceColumns.Count), Instance = Many(cs.InstanceColumns.Count),
            Sigma = Many(cs.EqualityColumns.Count), PermutationProducts = Many(layout.PermutationChunks),
            Multiplicities = Many(cs.Lookups.Count), LookupSums = Many(cs.Lookups.Count), CosetPoints = Random(), LagrangeFirst = Random(),
        };
        var pc = new ProtocolChallenges(cs);
        var challenges = Enumerable.Range(0, pc.Count).Select(_ => Fr.Random(rng)).ToArray();
        var (y, scale) = (Fr.Random(rng), Fr.Random(rng));
        var constraints = ConstraintList.Build(layout, pc);

        var expected = new Fr[n];
        var evaluator = new CosetEvaluator(polys, challenges, n);
        evaluator.Seek(0, n);
        var values = new Fr[n];
        foreach (var (_, poly) in constraints)
        {
            evaluator.CopyTo(poly.Accept(evaluator), values);
            for (int i = 0; i < n; i++) expected[i] = expected[i] * y + values[i];
        }
        for (int i = 0; i < n; i++) expected[i] *= scale;

        var program = ConstraintBlockProgram.Compile(layout, constraints.Select(c => c.Polynomial).ToList(), challenges, y);
        Assert.True(program.Instructions <= program.TreeOperations);
        var arrays = program.Arrays(polys);
        foreach (bool vectorized in new[] { true, false })
            foreach (int block in new[] { 8, 16, n, 12 })
            {
                var machine = new FrBlockMachine(program.Program, block, vectorized);
                var inputs = new FrBlockInput[program.Program.Inputs];
                var h = new Fr[n];
                for (int start = 0; start < n; start += block)
                {
                    int length = Math.Min(block, n - start);
                    program.Bind(arrays, start, 1, inputs);
                    machine.Run(inputs, length, scale, h.AsSpan(start, length));
                }
                Assert.True(expected.AsSpan().SequenceEqual(h), $"vectorized {vectorized}, block {block}");
            }
        // The prover's entry point (parallel blocks).
        var parallel = new Fr[n];
        CosetQuotient.EvaluateConstraints(polys, program, scale, parallel, blockSize: 8);
        Assert.Equal(expected, parallel);
    }
}
