using System.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;
using Rollup.Circuits.Witness;
using Rollup.Proving;
using Rollup.Sequencer.Batches;
using Rollup.Sequencer.Chain;
using Rollup.Sequencer.State;
using Rollup.Sequencer.Storage;

namespace Rollup.Bench;

/// <summary>
/// <c>timer prove-batch KIND N [--k K] [--rows-only] [--keys-only] [--keep]</c>: one batch proven end to end with the real parts. A throwaway
/// RocksDB node seals ONE batch holding the workload (<see cref="BenchWorkload"/>: <c>transfers N</c>, <c>loop N</c>, <c>opcodes N</c>),
/// is closed, and the batch is proven from its data directory as <c>rollup prove --batch 1</c> does (BatchProver:
/// re-execution with the zk tracer, witness built and checked, fixed columns checked against the key, PLONK proof,
/// verification in C#). K is the smallest the batch fits (the batch circuit's own rule), unless given. --rows-only stops
/// after counting rows (seconds, no keys): for sizing a workload. --keys-only stops after key generation (its time and
/// peak resident set): for checking that keygen alone fits the memory budget at a K too slow to prove here.
/// One run, not best-of: at 2^14+ a proof takes minutes on 2 cores, and the first proof of a process is what a
/// `rollup prove` pays. Prints steps, rows per region and per execution state, key generation, re-execution, witness,
/// prove (wall and process CPU, PLONK stages), verify, proof size and the peak resident set (VmHWM).
/// </summary>
public static class ProveBatchTimer
{
    public static void Run(string[] args)
    {
        string kind = args[1];
        int n = int.Parse(args[2]);
        int? forcedK = Option(args, "--k") is { } k ? int.Parse(k) : null;
        Console.WriteLine($"prove-batch {kind} {n}: load average {PlonkTimer.LoadAverage()}; {Environment.ProcessorCount} cores ({CpuModel()}); .NET {Environment.Version}");

        string dir = Path.Combine(Path.GetTempPath(), "rollup-provebench-" + Guid.NewGuid().ToString("n")[..12]);
        try
        {
            var workload = BenchWorkload.Of(kind, n);
            Console.WriteLine($"workload: {workload.Description}");
            var clock = Stopwatch.StartNew();
            var sealedBatch = BenchNode.SealOneBatch(dir, workload);
            Console.WriteLine($"node: batch {sealedBatch.Number} sealed (blocks {sealedBatch.FirstBlock}..{sealedBatch.LastBlock}, {sealedBatch.TransactionCount} txs, " +
                              $"{sealedBatch.DataSize} data bytes) in {clock.Elapsed.TotalSeconds:F2} s; data dir {dir}");
            Prove(dir, sealedBatch.Number, forcedK, $"{kind} {n}", args.Contains("--rows-only"), args.Contains("--keys-only"));
        }
        finally
        {
            if (args.Contains("--keep")) Console.WriteLine($"kept {dir}");
            else try { Directory.Delete(dir, recursive: true); } catch (IOException) { }
        }
    }

    /// <summary>The proving half: opens the stopped node's database the way ProveCommand does.</summary>
    private static void Prove(string dir, ulong batchNumber, int? forcedK, string label, bool rowsOnly, bool keysOnly)
    {
        using var db = Database.Open(Path.Combine(dir, "chain"), syncWrites: false);
        var chain = new ChainStore(db);
        if (!chain.Open()) throw new InvalidOperationException("the chain database is empty");
        var state = new PoseidonStateStore(db);
        state.Open(chain.Head!.Number);
        var batch = new BatchStore(db).Get(batchNumber) ?? throw new InvalidOperationException($"batch {batchNumber} is not sealed");

        // Rows first (an extra re-execution, not timed as the prover's): they choose K, and the key depends on K.
        var trace = BatchTrace.Run(chain, state, BenchNode.ChainId, batch);
        var rows = BatchRows.Of(new BatchCircuit(BatchCircuit.DefaultK), trace, batch, BenchNode.ChainId);
        int minimumK = new BatchCircuit(BatchCircuit.DefaultK).Circuit.MinimumK(new Rollup.Circuits.SuperWitness([], new Dictionary<Rollup.Crypto.Bn254.Fields.Fr, byte[]>()));
        int k = forcedK ?? Math.Max(rows.K, minimumK);
        Console.WriteLine($"batch: {trace.Txs.Count} txs, {rows.Steps.Count} EVM steps, {rows.Accesses} reads and writes; needs 2^{rows.K} rows, proving on 2^{k}");
        foreach (var (region, count) in rows.Regions)
            Console.WriteLine($"  {region,-40} {count,8:N0} rows ({100.0 * count / (1 << k):F1}% of 2^{k})");
        Console.WriteLine("steps per execution state:");
        rows.PrintPerState(Console.Out);
        Console.WriteLine("transactions:");
        rows.PrintPerTransaction(Console.Out);
        var transition = TransitionRows.Of(db, batch, EvmWitnessBuilder.AccessesOf(rows.Steps));
        int withTransition = 4;
        while ((1 << withTransition) < Math.Max(transition.Total, rows.Regions.Max(r => r.Rows))) withTransition++;
        Console.WriteLine($"state transition (NOT in the batch circuit yet; counted, not proven): {transition}; " +
                          $"with it the batch would need 2^{withTransition} rows (SuperCircuit.MinimumK: the transition has columns of its own, so its rows count beside the EVM's, not on top)");

        if (rowsOnly) return;

        var marks = new List<(string Stage, TimeSpan Wall, TimeSpan Cpu)>();
        var wall = Stopwatch.StartNew();
        // Peak resident set per stage: read at each mark and reset (Linux), so each figure is that stage's own peak;
        // the prove call's peak is the largest of them.
        var stagePeaks = new List<(string Stage, double MiB)>();
        bool resetWorks = false;
        double StagePeak()
        {
            double peak = Status("VmHWM");
            resetWorks = TryResetPeak();
            return peak;
        }
        void Mark(string stage)
        {
            marks.Add((stage, wall.Elapsed, Environment.CpuUsage.TotalTime));
            if (marks.Count > 1) stagePeaks.Add((marks[^2].Stage, StagePeak()));
        }
        var options = new ProverOptions { K = k, Srs = SrsSource.Dev, KeyDirectory = null };
        var prover = new BatchProver(chain, state, BenchNode.ChainId, options, NullLogger.Instance) { Progress = Mark, StageMemoryProbe = StagePeak };

        Mark("keys");
        _ = prover.Key;                   // SRS from the dev seed and keys for 2^k rows, as `rollup prove` does first
        Mark("keys done");
        double keygenPeak = stagePeaks.Single(p => p.Stage == "keys").MiB;
        Console.WriteLine($"circuit: {Shape(prover.Key.Vk.Layout)}");
        if (keysOnly)
        {
            Console.WriteLine($"RESULT keygen 2^{k} keygen_s={(marks[1].Wall - marks[0].Wall).TotalSeconds:F2} " +
                              $"keygen_cpu_s={(marks[1].Cpu - marks[0].Cpu).TotalSeconds:F2} keygen_peak_rss_mib={keygenPeak:F0} load={PlonkTimer.LoadAverage().Replace(' ', '_')}");
            return;
        }
        // Reset the peak (Linux: 5 > clear_refs), so the second figure is the proof's own working set.
        bool reset = TryResetPeak();
        stagePeaks.Clear();
        var proof = prover.Prove(batch);
        Mark("done");
        double provePeak = Math.Max(stagePeaks.Where(p => p.Stage != "keys").Select(p => p.MiB).DefaultIfEmpty(0).Max(),
            prover.LastStages!.Stages.Select(s => s.MemoryMiB).Max());
        reset &= resetWorks;

        TimeSpan Wall(string from, string to) => marks.First(m => m.Stage == to).Wall - marks.First(m => m.Stage == from).Wall;
        TimeSpan Cpu(string from, string to) => marks.First(m => m.Stage == to).Cpu - marks.First(m => m.Stage == from).Cpu;
        string Line(string from, string to) => $"{Wall(from, to).TotalSeconds:F2} s (CPU {Cpu(from, to).TotalSeconds:F2} s)";
        Console.WriteLine($"keygen 2^{k} (SRS from the dev seed included, JIT included): {Line("keys", "keys done")}");
        Console.WriteLine($"re-execute: {Line("re-executing", "building and checking the witness")}");
        Console.WriteLine($"witness build + constraint check + fixed-column check: {Line("building and checking the witness", "proving")}");
        Console.WriteLine($"prove (PLONK): {Line("proving", "verifying")}");
        Console.WriteLine($"prove stages: {prover.LastStages}");
        Console.WriteLine($"peak RSS per stage of the prove call: {string.Join("; ", stagePeaks.Where(p => p.Stage != "keys").Select(p => $"{p.Stage} {p.MiB:F0} MiB"))} " +
                          "(\"proving\" here is only what follows the last PLONK stage; the stages above have their own)");
        Console.WriteLine($"verify (C#): {Line("verifying", "done")}: OK (BatchProver throws on a proof that does not verify)");
        Console.WriteLine($"whole prove call (re-execute .. verify): {Line("re-executing", "done")}");
        Console.WriteLine($"proof: {proof.Proof.Length:N0} bytes");
        Console.WriteLine($"peak RSS: {keygenPeak:F0} MiB up to the end of keygen; {provePeak:F0} MiB " +
                          (reset ? "during the prove call (peak reset after keygen)" : "for the whole process (peak reset not allowed)"));
        Console.WriteLine($"RESULT prove-batch {label} txs={trace.Txs.Count} steps={rows.Steps.Count} rw={rows.Accesses} k={k} " +
                          $"keygen_s={Wall("keys", "keys done").TotalSeconds:F2} witness_s={Wall("building and checking the witness", "proving").TotalSeconds:F2} " +
                          $"prove_s={Wall("proving", "verifying").TotalSeconds:F2} prove_cpu_s={Cpu("proving", "verifying").TotalSeconds:F2} " +
                          $"verify_s={Wall("verifying", "done").TotalSeconds:F2} proof_bytes={proof.Proof.Length} verified=yes " +
                          $"peak_rss_mib={Math.Max(keygenPeak, provePeak):F0} prove_peak_rss_mib={(reset ? $"{provePeak:F0}" : "n/a")} transition_rows={transition.Total} " +
                          $"load={PlonkTimer.LoadAverage().Replace(' ', '_')}");
    }

    /// <summary>The column counts the prover's memory scales with (each is one n-value polynomial or more).</summary>
    internal static string Shape(Rollup.Plonk.Protocol.ProtocolLayout layout)
    {
        var cs = layout.System;
        return $"{cs.AdviceColumns.Count} advice, {cs.FixedColumns.Count} fixed, {cs.InstanceColumns.Count} instance, " +
               $"{cs.EqualityColumns.Count} equality columns in {layout.PermutationChunks} permutation chunks, {cs.Lookups.Count} lookups " +
               $"({cs.Lookups.Sum(l => l.Inputs.Count)} inputs, {cs.Lookups.Select(l => string.Join(";", l.Table.Select(Rollup.Plonk.Circuit.ExpressionCodec.Write))).Distinct().Count()} distinct tables), " +
               $"{cs.Gates.Sum(g => g.Polynomials.Count)} gate polynomials, degree {layout.Degree} (extended domain 2^{layout.ExtendedLog}·n, " +
               $"{layout.QuotientPieces} quotient pieces)";
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

    private static string CpuModel() =>
        File.Exists("/proc/cpuinfo") ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name"))?.Split(':', 2)[1].Trim() ?? "?" : "?";

    private static string? Option(string[] args, string name)
    {
        int i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }
}
