using System.Diagnostics;
using Rollup.Crypto.Bn254.Curves;
using Rollup.Crypto.Bn254.Fields;
using Rollup.Crypto.Bn254.Pairing;

namespace Rollup.Bench;

/// <summary>
/// `dotnet run --project bench/Rollup.Bench -c Release -- --bn254-quick`: the Bn254Benchmarks cases
/// timed in-process, round-robin, keeping each case's best round. On the shared 2-core machine other
/// jobs inflate BenchmarkDotNet's means; the best round approximates the unloaded figure.
/// </summary>
public static class Bn254QuickTimer
{
    public static void Run(int rounds = 25)
    {
        var b = new Bn254Benchmarks();
        b.Setup();
        (string Name, int Ops, Action Body)[] cases =
        [
            ("Fr mul", 16 * 20_000, () => { for (int i = 0; i < 20_000; i++) b.FrMul(); }),
            ("Fq mul", 16 * 20_000, () => { for (int i = 0; i < 20_000; i++) b.FqMul(); }),
            ("Fq inverse", 2_000, () => { for (int i = 0; i < 2_000; i++) b.FqInverse(); }),
            ("G1 add", 20_000, () => { for (int i = 0; i < 20_000; i++) b.G1Add(); }),
            ("G1 double", 20_000, () => { for (int i = 0; i < 20_000; i++) b.G1Double(); }),
            ("G1 scalar mul", 40, () => { for (int i = 0; i < 40; i++) b.G1ScalarMul(); }),
            ("pairing", 10, () => { for (int i = 0; i < 10; i++) b.Pairing(); }),
            ("2-pair PairingCheck", 10, () => { for (int i = 0; i < 10; i++) b.PairingCheck2(); }),
            ("pairing (G2Prepared)", 10, () => { for (int i = 0; i < 10; i++) b.PairingPrepared(); }),
            ("2-pair check (prepared)", 10, () => { for (int i = 0; i < 10; i++) b.PairingCheck2Prepared(); }),
        ];
        var best = new double[cases.Length];
        Array.Fill(best, double.MaxValue);
        foreach (var c in cases) c.Body(); // warm-up and tiering
        for (int r = 0; r < rounds; r++)
            for (int k = 0; k < cases.Length; k++)
            {
                long t0 = Stopwatch.GetTimestamp();
                cases[k].Body();
                double ns = Stopwatch.GetElapsedTime(t0).TotalNanoseconds / cases[k].Ops;
                best[k] = Math.Min(best[k], ns);
            }
        for (int k = 0; k < cases.Length; k++)
            Console.WriteLine($"{cases[k].Name,-22} {Format(best[k]),12}");
    }

    private static string Format(double ns) =>
        ns >= 1e6 ? $"{ns / 1e6:F3} ms" : ns >= 1e3 ? $"{ns / 1e3:F1} µs" : $"{ns:F1} ns";
}
