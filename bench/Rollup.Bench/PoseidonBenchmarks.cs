using BenchmarkDotNet.Attributes;
using Rollup.Crypto.Bn254.Fields;
using Rollup.Crypto.Hashing;

namespace Rollup.Bench;

/// <summary>Poseidon (circomlib's parameters): the Merkle tree's two-to-one hash and hashes of 4 and 16 inputs.
/// Min is shown beside Mean because the 2-core machine is shared and Mean moves with its load.</summary>
[MemoryDiagnoser]
[MinColumn]
public class PoseidonBenchmarks
{
    private Fr _a, _b;
    private Fr[] _four = [], _sixteen = [];

    [GlobalSetup]
    public void Setup()
    {
        var rng = new Random(1);
        _a = Fr.Random(rng);
        _b = Fr.Random(rng);
        _four = Enumerable.Range(0, 4).Select(_ => Fr.Random(rng)).ToArray();
        _sixteen = Enumerable.Range(0, 16).Select(_ => Fr.Random(rng)).ToArray();
        Hash2(); Hash4(); Hash16(); // build the constants outside the measurement
    }

    [Benchmark]
    public Fr Hash2() => Poseidon.Hash2(_a, _b);

    [Benchmark]
    public Fr Hash4() => Poseidon.Hash(_four);

    [Benchmark]
    public Fr Hash16() => Poseidon.Hash(_sixteen);
}

/// <summary>
/// `dotnet run --project bench/Rollup.Bench -c Release -- --poseidon-quick`: the PoseidonBenchmarks cases
/// timed in-process, round-robin, keeping each case's best round by the thread's CPU time (on the shared
/// machine other jobs inflate wall-clock means), with one Fr product timed beside them as the unit, plus the
/// one-time (wall-clock) cost of generating a width's parameters from the Grain LFSR.
/// </summary>
public static class PoseidonQuickTimer
{
    public static void Run(int rounds = 25)
    {
        var sw = System.Diagnostics.Stopwatch.StartNew();
        PoseidonParameters.For(3);
        double firstWidth = sw.Elapsed.TotalMilliseconds;
        sw.Restart();
        for (int t = 2; t <= 17; t++) Poseidon.Permute(new Fr[t]); // parameters and optimized schedules of every width
        double allWidths = sw.Elapsed.TotalMilliseconds;

        var b = new PoseidonBenchmarks();
        b.Setup();
        var f = new Bn254Benchmarks();
        f.Setup();
        (string Name, int Ops, Action Body)[] cases =
        [
            ("Fr mul (reference)", 16 * 2_000, () => { for (int i = 0; i < 2_000; i++) f.FrMul(); }),
            ("Hash2", 2_000, () => { for (int i = 0; i < 2_000; i++) b.Hash2(); }),
            ("Hash, 4 inputs", 1_000, () => { for (int i = 0; i < 1_000; i++) b.Hash4(); }),
            ("Hash, 16 inputs", 200, () => { for (int i = 0; i < 200; i++) b.Hash16(); }),
        ];
        var best = new double[cases.Length];
        Array.Fill(best, double.MaxValue);
        foreach (var c in cases) c.Body();
        for (int r = 0; r < rounds; r++)
            for (int k = 0; k < cases.Length; k++)
            {
                long t0 = ThreadCpuNanoseconds();
                cases[k].Body();
                double ns = (double)(ThreadCpuNanoseconds() - t0) / cases[k].Ops;
                best[k] = Math.Min(best[k], ns);
            }
        Console.WriteLine($"parameters, t = 3 (first use): {firstWidth:F1} ms; the other 15 widths with their schedules: {allWidths:F0} ms");
        Console.WriteLine($"{cases[0].Name,-18} {best[0],9:F1} ns");
        for (int k = 1; k < cases.Length; k++)
            Console.WriteLine($"{cases[k].Name,-18} {best[k] / 1e3,9:F2} µs {1e9 / best[k],10:F0} hashes/s {best[k] / best[0],8:F0} Fr muls");
    }

    // CPU time of the calling thread (Linux clock_gettime(CLOCK_THREAD_CPUTIME_ID)): time the thread spent
    // waiting for a core while other jobs ran does not count, which wall-clock rounds cannot exclude.
    [System.Runtime.InteropServices.StructLayout(System.Runtime.InteropServices.LayoutKind.Sequential)]
    private struct Timespec { public long Seconds; public long Nanoseconds; }

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "clock_gettime")]
    private static extern int ClockGetTime(int clock, out Timespec value);

    private static long ThreadCpuNanoseconds()
    {
        const int clockThreadCpuTime = 3;
        if (ClockGetTime(clockThreadCpuTime, out Timespec ts) != 0) throw new InvalidOperationException("clock_gettime failed");
        return ts.Seconds * 1_000_000_000 + ts.Nanoseconds;
    }
}

