using System.Diagnostics;
using Rollup.Crypto.Bn254.Fields;
using Rollup.Crypto.Msm;

namespace Rollup.Bench;

/// <summary>
/// A plain best-of-N timer for the heavy kernels, for a shared machine where other processes steal
/// the cores: the minimum over rounds is the run that was disturbed least.
/// Usage: <c>timer msm LOG2 CORES ROUNDS</c> or <c>timer ntt LOG2 ROUNDS</c>.
/// </summary>
public static class BestOfTimer
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
                var bases = BenchInputs.RandomBases(1 << 16, 1);
                Console.WriteLine(MsmPlan.Choose(1 << 16, 1) + " " + MsmPlan.Choose(1 << 16, 2) + " " + MsmPlan.Choose(1 << 20, 2));
                break;
            }
            default:
                throw new ArgumentException($"unknown timer '{args[0]}'");
        }
    }

    /// <summary>
    /// Prints best and median wall time, and the best process CPU time: on a shared machine the CPU
    /// time of a single-threaded run hardly depends on how often the scheduler parks the thread.
    /// </summary>
    private static void Report(string name, int rounds, Action body)
    {
        body();                                   // warm-up: JIT tiers, pooled arrays
        var wall = new List<double>();
        var cpu = new List<double>();
        var process = Process.GetCurrentProcess();
        for (int r = 0; r < rounds; r++)
        {
            process.Refresh();
            TimeSpan cpu0 = process.TotalProcessorTime;
            var sw = Stopwatch.StartNew();
            body();
            wall.Add(sw.Elapsed.TotalMilliseconds);
            process.Refresh();
            cpu.Add((process.TotalProcessorTime - cpu0).TotalMilliseconds);
        }
        wall.Sort();
        cpu.Sort();
        double mulNs = MulNanoseconds();
        Console.WriteLine($"{name}: best {wall[0]:F1} ms, median {wall[wall.Count / 2]:F1} ms wall; best {cpu[0]:F0} ms CPU; " +
                          $"{rounds} rounds ({string.Join(", ", wall.Select(t => t.ToString("F0")))}); " +
                          $"Fq mul {mulNs:F1} ns now, best = {wall[0] * 1e6 / mulNs / 1e6:F2} M products");
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
        for (int r = 0; r < 20; r++)
        {
            var sw = Stopwatch.StartNew();
            for (int i = 0; i < 100_000; i++) Fq.Multiply(a, b, out a);
            best = Math.Min(best, sw.Elapsed.TotalNanoseconds / 100_000);
        }
        if (a.IsZero) Console.Write("");
        return best;
    }
}
