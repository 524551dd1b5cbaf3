using System.Diagnostics;
using Rollup.Crypto.Bn254.Fields;
using Rollup.Crypto.Msm;
using Rollup.Crypto.Polynomials;

namespace Rollup.Bench;

/// <summary>
/// A plain best-of-N timer for the heavy kernels, for a shared machine where other processes steal
/// the cores: the minimum over rounds is the run that was disturbed least.
/// Usage: <c>timer msm LOG2 CORES ROUNDS</c>, <c>timer ntt LOG2 CORES ROUNDS</c>, <c>timer field</c>, <c>timer plans</c>,
/// <c>timer plonk LOG2 ROUNDS</c>, <c>timer plonk-mem LOG2</c> (see <see cref="PlonkTimer"/>),
/// <c>timer prove-batch transfers|loop|opcodes N [--k K] [--rows-only]</c> (a real node's batch proven, see <see cref="ProveBatchTimer"/>).
/// </summary>
public static unsafe class BestOfTimer
{
    public static void Run(string[] args)
    {
        switch (args[0])
        {
            case "msm":
            {
                int log2 = int.Parse(args[1]), cores = int.Parse(args[2]), rounds = int.Parse(args[3]);
                var sw = Stopwatch.StartNew();
                var bases = BenchInputs.RandomBases(1 << log2, 1);
                var scalars = BenchInputs.RandomScalars(1 << log2, 2);
                Console.WriteLine($"inputs 2^{log2}: {sw.Elapsed.TotalSeconds:F2} s");
                Report($"msm 2^{log2} on {cores} core(s)", rounds, () => Msm.Multiply(bases, scalars, cores));
                break;
            }
            case "msm-small":
            {
                // Scalars below 2^bits (bytes, bits, counters): what committing a witness column in Lagrange form
                // costs, against full-width scalars.
                int log2 = int.Parse(args[1]), bits = int.Parse(args[2]), rounds = int.Parse(args[3]);
                var bases = BenchInputs.RandomBases(1 << log2, 1);
                var rng = new Random(4);
                var scalars = Enumerable.Range(0, 1 << log2).Select(_ => Fr.FromUInt64((ulong)rng.NextInt64() & ((1UL << bits) - 1))).ToArray();
                Report($"msm 2^{log2}, {bits}-bit scalars", rounds, () => Msm.Multiply(bases, scalars));
                var full = BenchInputs.RandomScalars(1 << log2, 2);
                Report($"msm 2^{log2}, full scalars", rounds, () => Msm.Multiply(bases, full));
                break;
            }
            case "ntt":
            case "ntt-vector":
            {
                int log2 = int.Parse(args[1]), cores = int.Parse(args[2]), rounds = int.Parse(args[3]);
                var domain = Domain.OfLog2Size(log2);
                var values = BenchInputs.RandomScalars(domain.Size, 3);
                // Both butterfly paths in one run (AVX-512 first when the CPU has it, then the scalar
                // one), so their ratio is measured under the same load; "ntt-vector" skips the scalar.
                foreach (bool vector in args[0] == "ntt-vector" ? [true] : new[] { true, false })
                {
                    if (vector && !NttKernels.Vectorized) continue;
                    bool saved = NttKernels.Vectorized;
                    NttKernels.Vectorized = vector;
                    string path = vector ? "avx512" : "scalar";
                    Report($"ntt 2^{log2} forward on {cores} core(s), {path}", rounds, () => domain.Ntt(values, cores));
                    Report($"ntt 2^{log2} inverse on {cores} core(s), {path}", rounds, () => domain.InverseNtt(values, cores));
                    Report($"ntt 2^{log2} coset forward on {cores} core(s), {path}", rounds, () => domain.CosetNtt(values, cores));
                    Report($"ntt 2^{log2} forward to bit-reversed on {cores} core(s), {path}", rounds, () => domain.NttToBitReversed(values, cores));
                    NttKernels.Vectorized = saved;
                }
                Report($"bit reversal 2^{log2} on {cores} core(s)", rounds, () => BitReverse(values, log2, cores));
                break;
            }
            case "field":
            {
                var rng = new Random(1);
                Fq a = Fq.Random(rng), b = Fq.Random(rng);
                Fr c = Fr.Random(rng), d = Fr.Random(rng);
                const int N = 1_000_000;
                Report("fq mul x1e6", 5, () => { Fq x = a; for (int i = 0; i < N; i++) Fq.Multiply(x, b, out x); a = x; });
                Report("fr mul x1e6", 5, () => { Fr x = c; for (int i = 0; i < N; i++) Fr.Multiply(x, d, out x); c = x; });
                Fq e = Fq.Random(rng), f = Fq.Random(rng), g = Fq.Random(rng);
                Report("fq mul x4 independent x1e6", 5, () =>
                {
                    Fq x = a, y = e, z = f, w = g;
                    for (int i = 0; i < N / 4; i++)
                    {
                        Fq.Multiply(x, b, out x); Fq.Multiply(y, b, out y);
                        Fq.Multiply(z, b, out z); Fq.Multiply(w, b, out w);
                    }
                    a = x + y + z + w;
                });
                Report("fq inv x1e4", 5, () => { Fq x = a; for (int i = 0; i < 10_000; i++) x = x.Inverse(); a = x; });
                break;
            }
            case "plonk":
            case "plonk-mem":
                PlonkTimer.Run(args);
                break;
            case "prove-batch":
                ProveBatchTimer.Run(args);
                break;
            case "quotient-eval":
                QuotientEvalTimer.Run(args);
                break;
            case "plans":
                foreach (int n in new[] { 1, 2, 4, 8, 16, 32, 64, 128, 256, 1024, 4096, 1 << 14, 1 << 16, 1 << 18, 1 << 20, 1 << 22 })
                    Console.WriteLine($"n = {n}: 1 core {MsmPlan.Choose(n, 1)}; 2 cores {MsmPlan.Choose(n, 2)}");
                break;
            default:
                throw new ArgumentException($"unknown timer '{args[0]}'");
        }
    }

    /// <summary>
    /// Prints best and median wall time, the best CPU time of the process (all threads), and the best
    /// time in units of one F_q product measured just before that round: the other tenants of a
    /// shared machine slow everything down together, so that ratio varies less than the time itself.
    /// </summary>
    private static unsafe void BitReverse(Fr[] values, int log2, int cores)
    {
        fixed (Fr* p = values) BitReversal.Permute((U256*)p, log2, cores);
    }

    private static void Report(string name, int rounds, Action body)
    {
        var first = Stopwatch.StartNew();
        body();                                   // warm-up: JIT tiers, pooled arrays
        double firstMs = first.Elapsed.TotalMilliseconds;
        var wall = new List<double>();
        double bestRatio = double.MaxValue, mulAtBest = 0, bestCpu = double.MaxValue;
        var process = Process.GetCurrentProcess();
        for (int r = 0; r < rounds; r++)
        {
            double mulNs = MulNanoseconds();
            process.Refresh();
            TimeSpan cpu0 = process.TotalProcessorTime;
            var sw = Stopwatch.StartNew();
            body();
            double ms = sw.Elapsed.TotalMilliseconds;
            process.Refresh();
            bestCpu = Math.Min(bestCpu, (process.TotalProcessorTime - cpu0).TotalMilliseconds);
            wall.Add(ms);
            if (ms / mulNs < bestRatio) { bestRatio = ms / mulNs; mulAtBest = mulNs; }
        }
        wall.Sort();
        Console.WriteLine($"{name}: best {wall[0]:F1} ms, median {wall[wall.Count / 2]:F1} ms, first call {firstMs:F0} ms, best CPU {bestCpu:F0} ms; " +
                          $"best {bestRatio:F2} M Fq products (mul then {mulAtBest:F1} ns); " +
                          $"{rounds} rounds ({string.Join(", ", wall.Select(t => t.ToString("F0")))})");
    }

    /// <summary>
    /// Latency of one F_q product right now (best of several short runs): a yardstick for how much
    /// the other tenants of the machine slow it down. Times divided by it compare across runs.
    /// </summary>
    private static double MulNanoseconds()
    {
        var rng = new Random(9);
        Fq a = Fq.Random(rng), b = Fq.Random(rng);
        double best = double.MaxValue;
        for (int r = 0; r < 10; r++)
        {
            var sw = Stopwatch.StartNew();
            for (int i = 0; i < 20_000; i++) Fq.Multiply(a, b, out a);
            best = Math.Min(best, sw.Elapsed.TotalNanoseconds / 20_000);
        }
        if (a.IsZero) Console.Write("");
        return best;
    }
}
