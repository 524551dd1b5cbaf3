using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Org.BouncyCastle.Crypto.Digests;
using Rollup.Core.Crypto;

namespace Rollup.Bench;

/// <summary>
/// Best-of-N Keccak-256 timings, beside BenchmarkDotNet's KeccakBenchmarks (which takes minutes and whose
/// means a shared 2-core machine inflates). Each round is short and timed in the thread's CPU time, and the
/// best round is kept: the one least disturbed by other jobs. "chain" feeds each digest back as the next
/// 32-byte input (latency, as the EVM's h = keccak256(h) loop sees it); the others hash the same input
/// repeatedly (throughput). BouncyCastle's KeccakDigest is timed beside ours as a yardstick under the same load.
/// Run: <c>dotnet run -c Release --project bench/Rollup.Bench -- --keccak-quick [rounds]</c>.
/// </summary>
public static class KeccakQuickTimer
{
    public static void Run(int rounds = 200)
    {
        var rng = new Random(42);
        byte[] b32 = new byte[32], b64 = new byte[64], b1k = new byte[1024];
        rng.NextBytes(b32); rng.NextBytes(b64); rng.NextBytes(b1k);
        byte[] digest = new byte[32];
        var bouncy = new KeccakDigest(256);
        (string Name, int Ops, Action Body)[] cases =
        [
            ("32 B chain", 2_000, () => Chain(digest, 2_000)),
            ("32 B", 2_000, () => Repeat(b32, digest, 2_000)),
            ("64 B", 2_000, () => Repeat(b64, digest, 2_000)),
            ("1 KiB", 300, () => Repeat(b1k, digest, 300)),
            ("32 B BouncyCastle", 2_000, () => { for (int i = 0; i < 2_000; i++) { bouncy.BlockUpdate(b32); bouncy.DoFinal(digest); } }),
            ("1 KiB BouncyCastle", 300, () => { for (int i = 0; i < 300; i++) { bouncy.BlockUpdate(b1k); bouncy.DoFinal(digest); } }),
        ];
        // Warm up past tier-0 and on-stack replacement (the JIT recompiles hot methods after ~30 calls and a delay).
        for (int w = 0; w < 40; w++) foreach (var c in cases) c.Body();
        Thread.Sleep(200);
        for (int w = 0; w < 10; w++) foreach (var c in cases) c.Body();

        var best = new double[cases.Length];
        Array.Fill(best, double.MaxValue);
        for (int r = 0; r < rounds; r++)
            for (int k = 0; k < cases.Length; k++)
            {
                long t0 = ThreadCpuNanoseconds();
                cases[k].Body();
                best[k] = Math.Min(best[k], (double)(ThreadCpuNanoseconds() - t0) / cases[k].Ops);
            }
        for (int k = 0; k < cases.Length; k++) Console.WriteLine($"{cases[k].Name,-20} {best[k],9:F1} ns");
    }

    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    private static void Chain(byte[] h, int n)
    {
        for (int i = 0; i < n; i++) Keccak256.Hash(h, h);
    }

    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    private static void Repeat(byte[] data, byte[] digest, int n)
    {
        for (int i = 0; i < n; i++) Keccak256.Hash(data, digest);
    }

    // CPU time of the calling thread (Linux CLOCK_THREAD_CPUTIME_ID): time spent waiting for a core while
    // other jobs ran does not count, which wall-clock rounds cannot exclude.
    [StructLayout(LayoutKind.Sequential)]
    private struct Timespec { public long Seconds; public long Nanoseconds; }

    [DllImport("libc", EntryPoint = "clock_gettime")]
    private static extern int ClockGetTime(int clock, out Timespec value);

    private static long ThreadCpuNanoseconds()
    {
        const int clockThreadCpuTime = 3;
        if (ClockGetTime(clockThreadCpuTime, out Timespec ts) != 0) throw new InvalidOperationException("clock_gettime failed");
        return ts.Seconds * 1_000_000_000 + ts.Nanoseconds;
    }
}
