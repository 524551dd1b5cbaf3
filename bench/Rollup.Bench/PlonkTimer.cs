using System.Diagnostics;
using Rollup.Crypto.Bn254.Fields;
using Rollup.Crypto.Kzg;
using Rollup.Plonk.Keys;
using Rollup.Plonk.Proving;
using Rollup.Plonk.Verifying;

namespace Rollup.Bench;

/// <summary>
/// Best-of-N timings of the PLONK prover on <see cref="PlonkBenchCircuit"/>, and its memory in a fresh process.
/// <c>timer plonk LOG2 ROUNDS [--ptau FILE] [--scalar-ntt]</c>: SRS, witness, keygen, prove, verify, proof size, and the prover's
/// stages in the best round. <c>timer plonk-mem LOG2 [--ptau FILE]</c>: one prove in this process, with the peak
/// resident set (VmHWM) reset just before it, so the peak is the prover's and not the key generator's.
/// </summary>
public static class PlonkTimer
{
    private sealed record Setup(PlonkBenchCircuit.Layout Layout, Rollup.Plonk.Circuit.Assignment Assignment, Fr[][] Inputs, Srs Srs);

    private static Setup Prepare(int log2, string? ptau)
    {
        int n = 1 << log2;
        var sw = Stopwatch.StartNew();
        var srs = ptau is null ? Srs.InsecureFromSeed(n, "rollup plonk bench"u8) : PtauFile.Load(ptau, n);
        Console.WriteLine($"srs 2^{log2} ({(ptau is null ? "insecure, from a seed" : ptau)}): {sw.Elapsed.TotalSeconds:F2} s");
        sw.Restart();
        var layout = PlonkBenchCircuit.Configure();
        var a = PlonkBenchCircuit.Assign(layout, log2);
        Console.WriteLine($"witness 2^{log2} rows ({layout.System.AdviceColumns.Count} advice, {layout.System.FixedColumns.Count} fixed, " +
                          $"{layout.System.EqualityColumns.Count} equality columns, {a.Copies.Count:N0} copies, degree {layout.System.Degree}): {sw.Elapsed.TotalSeconds:F2} s");
        return new Setup(layout, a, PlonkBenchCircuit.PublicInputs(layout, a), srs);
    }

    public static void Run(string[] args)
    {
        int log2 = int.Parse(args[1]);
        string? ptau = Option(args, "--ptau");
        // --scalar-ntt: the NTTs and elementwise products without AVX-512, to see what the vector path gives the prover.
        if (args.Contains("--scalar-ntt")) Rollup.Crypto.Polynomials.NttKernels.Vectorized = false;
        Console.WriteLine($"NTT path: {(Rollup.Crypto.Polynomials.NttKernels.Vectorized ? "AVX-512" : "scalar")}");
        Console.WriteLine($"load average {LoadAverage()}; {Environment.ProcessorCount} cores; .NET {Environment.Version}");
        if (args[0] == "plonk-mem") { Memory(log2, ptau); return; }
        int rounds = int.Parse(args[2]);
        var s = Prepare(log2, ptau);

        // Key generation once: it is not what this timer measures, and at 2^18 on a busy machine a second run costs minutes.
        var keygenClock = Stopwatch.StartNew();
        var pk = KeyGenerator.Generate(s.Assignment, s.Srs);
        double keygenMs = keygenClock.Elapsed.TotalMilliseconds;
        Console.WriteLine($"keygen 2^{log2} (once, JIT included, Lagrange basis {(pk.LagrangeBases is null ? "none" : "from the SRS")}): {keygenMs / 1000:F2} s");

        byte[] proof = [];
        ProverStages? bestStages = null;
        double bestMs = double.MaxValue;
        var prove = BestOf(rounds, () =>
        {
            var stages = new ProverStages();
            var sw = Stopwatch.StartNew();
            proof = Prover.Prove(pk, s.Assignment, s.Inputs, stages: stages).ToBytes();
            if (sw.Elapsed.TotalMilliseconds < bestMs) { bestMs = sw.Elapsed.TotalMilliseconds; bestStages = stages; }
        });
        Console.WriteLine($"prove 2^{log2}: {prove}");
        Console.WriteLine($"prove stages (best round): {bestStages}");

        bool ok = false;
        var verify = BestOf(Math.Max(3, rounds), () => ok = Verifier.Verify(pk.Vk, s.Inputs, proof));
        if (!ok) throw new InvalidOperationException("the benchmark proof does not verify");
        Console.WriteLine($"verify 2^{log2}: {verify}");
        Console.WriteLine($"proof size: {proof.Length:N0} bytes");
        Console.WriteLine($"RESULT plonk 2^{log2} prove_best_s={prove.BestMs / 1000:F3} prove_cpu_s={prove.BestCpuMs / 1000:F3} verify_best_ms={verify.BestMs:F1} " +
                          $"keygen_s={keygenMs / 1000:F3} proof_bytes={proof.Length} load={LoadAverage().Replace(' ', '_')}");
    }

    /// <summary>One prove in a process that did nothing heavier before it than key generation. VmHWM is reset (Linux:
    /// writing 5 to /proc/self/clear_refs) after keygen, so the peak reported is the prover's working set: keys,
    /// SRS and witness (the baseline) plus what proving allocates.</summary>
    private static void Memory(int log2, string? ptau)
    {
        var s = Prepare(log2, ptau);
        var pk = KeyGenerator.Generate(s.Assignment, s.Srs);
        Console.WriteLine($"after keygen: VmHWM {Status("VmHWM")} MiB (peak so far, keygen included)");
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        bool reset = TryResetPeak();
        double baseline = Status("VmRSS");
        long allocated0 = GC.GetTotalAllocatedBytes(precise: true);
        var sw = Stopwatch.StartNew();
        var proof = Prover.Prove(pk, s.Assignment, s.Inputs).ToBytes();
        double seconds = sw.Elapsed.TotalSeconds;
        long allocated = GC.GetTotalAllocatedBytes(precise: true) - allocated0;
        double peak = Status("VmHWM");
        var gc = GC.GetGCMemoryInfo(GCKind.Any);
        Console.WriteLine($"prove 2^{log2} (first, JIT included): {seconds:F2} s, {proof.Length:N0}-byte proof");
        Console.WriteLine($"RESULT plonk-mem 2^{log2} baseline_rss_mib={baseline:F0} peak_rss_during_prove_mib={peak:F0} " +
                          $"prove_delta_mib={peak - baseline:F0} allocated_by_prove_mib={allocated / 1048576.0:F0} " +
                          $"gc_heap_after_mib={gc.HeapSizeBytes / 1048576.0:F0} peak_reset={(reset ? "yes" : "no (VmHWM includes keygen)")}");
    }

    private static bool TryResetPeak()
    {
        try { File.WriteAllText("/proc/self/clear_refs", "5"); return true; }
        catch (Exception) { return false; }
    }

    /// <summary>A /proc/self/status field in MiB (the kernel reports kB).</summary>
    private static double Status(string field)
    {
        foreach (var line in File.ReadLines("/proc/self/status"))
            if (line.StartsWith(field + ":", StringComparison.Ordinal))
                return double.Parse(line[(field.Length + 1)..].Trim().Split(' ')[0]) / 1024;
        return double.NaN;
    }

    public static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "?";

    private static string? Option(string[] args, string name)
    {
        int i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }

    public sealed record Timing(double BestMs, double MedianMs, double BestCpuMs, double FirstMs, List<double> All)
    {
        public override string ToString() =>
            $"best {BestMs / 1000:F3} s, median {MedianMs / 1000:F3} s, best CPU {BestCpuMs / 1000:F2} s, first {FirstMs / 1000:F2} s " +
            $"({All.Count} rounds: {string.Join(", ", All.Select(t => (t / 1000).ToString("F2")))} s)";
    }

    /// <summary>A first call (JIT, pools) and then <paramref name="rounds"/> timed ones; wall and process CPU time.</summary>
    public static Timing BestOf(int rounds, Action body)
    {
        var first = Stopwatch.StartNew();
        body();
        double firstMs = first.Elapsed.TotalMilliseconds;
        var wall = new List<double>();
        double bestCpu = double.MaxValue;
        var process = Process.GetCurrentProcess();
        for (int r = 0; r < rounds; r++)
        {
            process.Refresh();
            var cpu0 = process.TotalProcessorTime;
            var sw = Stopwatch.StartNew();
            body();
            wall.Add(sw.Elapsed.TotalMilliseconds);
            process.Refresh();
            bestCpu = Math.Min(bestCpu, (process.TotalProcessorTime - cpu0).TotalMilliseconds);
        }
        var sorted = wall.Order().ToList();
        return new Timing(sorted[0], sorted[sorted.Count / 2], bestCpu, firstMs, wall);
    }
}
