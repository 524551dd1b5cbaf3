using Rollup.Proving;
using Rollup.Crypto.Bn254.Fields;
using Rollup.Plonk.Protocol;
using Rollup.Plonk.Proving;

namespace Rollup.Bench;

/// <summary>
/// <c>timer quotient-eval [--k K] [--rounds R] [--block B]</c>: the quotient's constraint evaluation on one coset of 2^K points
/// (default 14) for the batch circuit, random polynomial values and challenges: the tree walk the prover used before
/// (<see cref="CosetEvaluator"/>, every constraint's tree on whole blocks, then acc·y + c) against the compiled
/// program (<see cref="ConstraintBlockProgram"/>) with AVX-512 and scalar, interleaved round by round, CPU time of the
/// process per variant (best of the rounds). Checks the three give the same values.
/// </summary>
public static class QuotientEvalTimer
{
    public static void Run(string[] args)
    {
        int k = Option(args, "--k") is { } s ? int.Parse(s) : 14;
        int rounds = Option(args, "--rounds") is { } r ? int.Parse(r) : 3;
        int block = Option(args, "--block") is { } bs ? int.Parse(bs) : CosetQuotient.ProgramBlock;
        int n = 1 << k;
        var circuit = new BatchCircuit(BatchCircuit.DefaultK).Circuit;
        var layout = new ProtocolLayout(circuit.System, Math.Max(k, 4));
        var cs = layout.System;
        var rng = new Random(1);
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
        var y = Fr.Random(rng);
        var scale = Fr.Random(rng);
        var constraints = ConstraintList.Build(layout, pc);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var program = ConstraintBlockProgram.Compile(layout, constraints.Select(c => c.Polynomial).ToList(), challenges, y);
        Console.WriteLine($"quotient-eval 2^{k}: load {PlonkTimer.LoadAverage()}; {Environment.ProcessorCount} cores; AVX-512 {Fr8Math.IsSupported}; " +
                          $"{constraints.Count} constraints, {program.TreeOperations:N0} tree operations (Horner steps included) -> " +
                          $"{program.Instructions:N0} instructions ({string.Join(", ", program.Program.Instructions.GroupBy(i => i.Op).Select(g => $"{g.Count():N0} {g.Key}"))}), {program.Program.Instructions.Count(i => i.Op == Rollup.Crypto.Polynomials.FrBlockOp.Mul && (i.A.Kind == Rollup.Crypto.Polynomials.FrOperandKind.Constant || i.B.Kind == Rollup.Crypto.Polynomials.FrOperandKind.Constant)):N0} products by a constant, {program.Program.Registers} registers, {program.Program.Inputs} inputs, " +
                          $"{program.Program.Constants.Length} constants; block {block}; compiled in {clock.Elapsed.TotalMilliseconds:F0} ms");

        var variants = new (string Name, Action<Fr[]> Body)[]
        {
            ("tree walk (before)", h => TreeWalk(polys, constraints, challenges, y, scale, h)),
            ("program, AVX-512", h => CosetQuotient.EvaluateConstraints(polys, program, scale, h, block)),
            ("program, scalar", h => Scalar(polys, program, scale, h)),
        };
        var outputs = variants.Select(_ => new Fr[n]).ToArray();
        var best = variants.Select(_ => double.MaxValue).ToArray();
        for (int round = 0; round < rounds; round++)
            for (int v = 0; v < variants.Length; v++)
            {
                var cpu = Environment.CpuUsage.TotalTime;
                var wall = System.Diagnostics.Stopwatch.StartNew();
                variants[v].Body(outputs[v]);
                double c = (Environment.CpuUsage.TotalTime - cpu).TotalSeconds;
                best[v] = Math.Min(best[v], c);
                Console.WriteLine($"  round {round} {variants[v].Name}: CPU {c:F2} s, wall {wall.Elapsed.TotalSeconds:F2} s");
            }
        for (int v = 1; v < variants.Length; v++)
            if (!outputs[v].AsSpan().SequenceEqual(outputs[0])) throw new InvalidOperationException($"{variants[v].Name} differs from the tree walk");
        Console.WriteLine($"RESULT quotient-eval 2^{k} " + string.Join(" ", variants.Select((v, i) => $"{v.Name.Split(' ', ',')[0]}{(i == 2 ? "_scalar" : "")}_cpu_s={best[i]:F2}")) +
                          $" speedup={best[0] / best[1]:F2} load={PlonkTimer.LoadAverage().Replace(' ', '_')} (outputs identical)");
    }

    /// <summary>What CosetQuotient.EvaluateConstraints did before the compiled program (kept here as the baseline).</summary>
    private static void TreeWalk(CosetPolys polys, IReadOnlyList<(string Name, Rollup.Plonk.Circuit.Expression Polynomial)> constraints,
        Fr[] challenges, Fr y, Fr scale, Fr[] h)
    {
        const int Block = 1024;
        int n = h.Length, blockSize = Math.Min(Block, n);
        Parallel.For(0, (n + Block - 1) / Block,
            () => (Evaluator: new CosetEvaluator(polys, challenges, blockSize), Acc: new Fr[blockSize], Values: new Fr[blockSize]),
            (b, _, w) =>
            {
                int start = b * Block, length = Math.Min(Block, n - start);
                var acc = w.Acc.AsSpan(0, length);
                var values = w.Values.AsSpan(0, length);
                acc.Clear();
                w.Evaluator.Seek(start, length);
                foreach (var (_, poly) in constraints)
                {
                    w.Evaluator.CopyTo(poly.Accept(w.Evaluator), values);
                    for (int i = 0; i < length; i++) acc[i] = acc[i] * y + values[i];
                }
                for (int i = 0; i < length; i++) h[start + i] = acc[i] * scale;
                return w;
            },
            _ => { });
    }

    private static void Scalar(CosetPolys polys, ConstraintBlockProgram program, Fr scale, Fr[] h)
    {
        const int Block = CosetQuotient.ProgramBlock;
        var arrays = program.Arrays(polys);
        Parallel.For(0, h.Length / Block,
            () => (Machine: new Rollup.Crypto.Polynomials.FrBlockMachine(program.Program, Block, vectorized: false),
                Inputs: new Rollup.Crypto.Polynomials.FrBlockInput[program.Program.Inputs]),
            (b, _, w) =>
            {
                program.Bind(arrays, b * Block, 1, w.Inputs);
                w.Machine.Run(w.Inputs, Block, scale, h.AsSpan(b * Block, Block));
                return w;
            },
            _ => { });
    }

    private static string? Option(string[] args, string name)
    {
        int i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }
}
