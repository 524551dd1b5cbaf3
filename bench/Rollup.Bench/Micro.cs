using System.Diagnostics;
using System.Runtime.CompilerServices;
using Rollup.Crypto.Bn254.Curves;
using Rollup.Crypto.Bn254.Fields;
using Rollup.Crypto.Bn254.Pairing;
using Rollup.Crypto.Bn254.Towers;

namespace Rollup.Bench;

/// <summary>
/// A tiny harness for the BN254 arithmetic, beside BenchmarkDotNet: on a shared 2-core machine the
/// BenchmarkDotNet mean is inflated by whatever else runs, while the best of N rounds is close to
/// what the code costs when it gets the core. Each case is a dependent chain (every result feeds the
/// next operation) on fixed inputs, so it measures latency, which is what a Miller loop sees.
/// The chain loops are compiled fully optimised at once (AggressiveOptimization) so that a long
/// loop is never measured in its on-stack-replacement version; the code under test tiers up normally.
/// Rounds are short (about a millisecond) so that some of them fall in a quiet time slice.
/// Run: <c>dotnet run -c Release --project bench/Rollup.Bench -- --bn254-micro [rounds] [filter]</c>.
/// </summary>
public static class Micro
{
    private sealed record Case(string Name, long OpsPerRound, Func<long, object> Body);

    public static void Run(string[] args)
    {
        int rounds = args.Length > 0 ? int.Parse(args[0]) : 60;
        string? filter = args.Length > 1 ? args[1] : null;

        var rng = new Random(1);
        Fq fa = Fq.Random(rng), fb = Fq.Random(rng);
        Fr ra = Fr.Random(rng), rb = Fr.Random(rng);
        Fq2 x2 = Fq2.Random(rng), y2 = Fq2.Random(rng);
        Fq12 x12 = Fq12.Random(rng), y12 = Fq12.Random(rng);
        G1Affine p = (G1Jacobian.Generator * Fr.Random(rng)).ToAffine();
        G2Affine q = (G2Jacobian.Generator * Fr.Random(rng)).ToAffine();
        Fq12 cyc = Bn254Pairing.Pair(p, q); // an element of the cyclotomic subgroup
        G1Affine[] ps = [p, p.Negate()];
        G2Affine[] qs = [q, q];
        var prepared = G2Prepared.FromAffine(q);
        G2Prepared[] preparedPair = [prepared, prepared];
        Fq12 ml = Bn254Pairing.MillerLoopProduct([p], [q]);

        CheckVariants(rng);
        Case[] cases =
        [
            new("variant A mulx-high + imul", 50_000, n => VariantChain(MulVariants.MulHighPlusImul, fa, fb, n)),
            new("variant B BigMul(out)", 50_000, n => VariantChain(MulVariants.MulBigMulOut, fa, fb, n)),
            new("variant C UInt128", 50_000, n => VariantChain(MulVariants.MulUInt128, fa, fb, n)),
            new("variant D carry-select", 50_000, n => VariantChain(MulVariants.MulCarrySelect, fa, fb, n)),
            new("variant E one slot, b_i in rdx", 50_000, n => VariantChain(MulVariants.MulOneSlot, fa, fb, n)),
            new("variant F SOS (Product+Redc)", 50_000, n => VariantChain(MulVariants.MulSos, fa, fb, n)),
            new("Fq.Multiply", 50_000, n => FqMulChain(fa, fb, n)),
            new("Fq.Multiply x4 (throughput)", 50_000, n => FqMulChain4(fa, fb, n)),
            new("Fq.Square", 50_000, n => FqSqChain(fa, n)),
            new("Fq *", 50_000, n => FqOpChain(fa, fb, n)),
            new("Fr.Multiply", 50_000, n => FrMulChain(ra, rb, n)),
            new("Fq.Add", 200_000, n => FqAddChain(fa, fb, n)),
            new("Fq2 *", 10_000, n => Fq2MulChain(x2, y2, n)),
            new("Fq2.Square", 10_000, n => Fq2SqChain(x2, n)),
            new("Fq12 *", 500, n => Fq12MulChain(x12, y12, n)),
            new("Fq2 * batched (per product)", 24 * 100, n => Fq2BatchChain(fa, fb, n)),
            new("Fq12.Square", 500, n => Fq12SqChain(x12, n)),
            new("Fq12.CyclotomicSquare", 1_000, n => CycSqChain(cyc, n)),
            new("Fq12.CyclotomicSquareTimes(6)", 200, n => CycSqRunChain(cyc, n)),
            new("Fq.Inverse", 1_000, n => FqInvChain(fa, n)),
            new("MillerLoop (1 pair)", 2, n => Loop(n, () => Bn254Pairing.MillerLoopProduct([p], [q]))),
            new("FinalExponentiation", 2, n => Loop(n, () => Bn254Pairing.FinalExponentiate(ml))),
            new("Pair", 2, n => Loop(n, () => Bn254Pairing.Pair(p, q))),
            new("G2 prepare lines", 2, n => Loop(n, () => MillerLoop.PrepareLines(q))),
            new("Pair (G2Prepared)", 2, n => Loop(n, () => Bn254Pairing.Pair(p, prepared))),
            new("MillerLoop (G2Prepared)", 2, n => Loop(n, () => Bn254Pairing.MillerLoopProductPrepared([p], [prepared]))),
            new("PairingCheck (2 prepared)", 2, n => Loop(n, () => Bn254Pairing.PairingCheckPrepared(ps, preparedPair))),
            new("PairingCheck (2 pairs)", 2, n => Loop(n, () => Bn254Pairing.PairingCheck(ps, qs))),
        ];

        cases = filter == null ? cases : cases.Where(c => c.Name.Contains(filter, StringComparison.OrdinalIgnoreCase)).ToArray();
        // Warm up through tier-1 (the JIT recompiles hot methods after ~30 calls and a short delay).
        for (int w = 0; w < 40; w++) foreach (var c in cases) c.Body(c.OpsPerRound);
        Thread.Sleep(200);
        for (int w = 0; w < 10; w++) foreach (var c in cases) c.Body(c.OpsPerRound);

        // Round-robin: every case sees the same stretches of load, so their ratios are comparable
        // even when the absolute figures drift.
        var best = new double[cases.Length];
        var sum = new double[cases.Length];
        Array.Fill(best, double.MaxValue);
        for (int r = 0; r < rounds; r++)
            for (int k = 0; k < cases.Length; k++)
            {
                long t0 = Stopwatch.GetTimestamp();
                cases[k].Body(cases[k].OpsPerRound);
                double ns = Stopwatch.GetElapsedTime(t0).TotalNanoseconds / cases[k].OpsPerRound;
                best[k] = Math.Min(best[k], ns);
                sum[k] += ns;
            }
        Console.WriteLine($"best of {rounds} round-robin rounds; ns per operation; {Environment.ProcessorCount} cores; {System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription}");
        for (int k = 0; k < cases.Length; k++)
            Console.WriteLine($"{cases[k].Name,-30} best {Format(best[k]),12}   mean {Format(sum[k] / rounds),12}");
    }

    private static string Format(double ns) => ns >= 10_000 ? $"{ns / 1000:F1} µs" : $"{ns:F2} ns";

    private static object Loop(long n, Func<object> f)
    {
        object r = null!;
        for (long i = 0; i < n; i++) r = f();
        return r;
    }

    private delegate U256 MulFn(in U256 a, in U256 b);

    private static void CheckVariants(Random rng)
    {
        MulFn[] variants = [MulVariants.MulHighPlusImul, MulVariants.MulBigMulOut, MulVariants.MulUInt128, MulVariants.MulCarrySelect, MulVariants.MulOneSlot, MulVariants.MulSos];
        for (int i = 0; i < 10_000; i++)
        {
            Fq a = i == 0 ? -Fq.One : Fq.Random(rng), b = i == 0 ? -Fq.One : Fq.Random(rng);
            Fq want = a * b;
            foreach (var v in variants)
                if (!new Fq(v(a.Limbs, b.Limbs)).Equals(want)) throw new InvalidOperationException($"{v.Method.Name} is wrong");
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    private static object VariantChain(MulFn f, Fq a, Fq b, long n)
    {
        // Through a delegate: the variants are NoInlining, so the call is there either way.
        U256 x = a.Limbs, y = b.Limbs;
        for (long i = 0; i < n; i++) x = f(x, y);
        return x;
    }

    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    private static object FqMulChain(Fq a, Fq b, long n)
    {
        for (long i = 0; i < n; i++) Fq.Multiply(a, b, out a);
        return a;
    }

    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    private static object FqMulChain4(Fq a, Fq b, long n)
    {
        Fq c = b, d = a, e = a + b;
        for (long i = 0; i < n; i += 4)
        {
            Fq.Multiply(a, b, out a);
            Fq.Multiply(c, b, out c);
            Fq.Multiply(d, b, out d);
            Fq.Multiply(e, b, out e);
        }
        return a + c + d + e;
    }

    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    private static object FqSqChain(Fq a, long n)
    {
        for (long i = 0; i < n; i++) Fq.Square(a, out a);
        return a;
    }

    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    private static object FqOpChain(Fq a, Fq b, long n)
    {
        for (long i = 0; i < n; i++) a = a * b;
        return a;
    }

    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    private static object FrMulChain(Fr a, Fr b, long n)
    {
        for (long i = 0; i < n; i++) Fr.Multiply(a, b, out a);
        return a;
    }

    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    private static object FqAddChain(Fq a, Fq b, long n)
    {
        for (long i = 0; i < n; i++) Fq.Add(a, b, out a);
        return a;
    }

    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    private static object Fq2MulChain(Fq2 a, Fq2 b, long n)
    {
        for (long i = 0; i < n; i++) a = a * b;
        return a;
    }

    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    private static object Fq2SqChain(Fq2 a, long n)
    {
        for (long i = 0; i < n; i++) a = a.Square();
        return a;
    }

    /// <summary>24 F_q2 products (an F_q12 product's 18, rounded up) per call of the eight-lane kernel, results fed back.</summary>
    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    private static object Fq2BatchChain(Fq a, Fq b, long n)
    {
        var x0 = new U256[24]; var x1 = new U256[24]; var y0 = new U256[24]; var y1 = new U256[24];
        for (int i = 0; i < 24; i++)
        {
            x0[i] = (a + Fq.FromUInt64((ulong)i)).Limbs; x1[i] = (b + Fq.FromUInt64((ulong)i)).Limbs;
            y0[i] = b.Limbs; y1[i] = a.Limbs;
        }
        for (long i = 0; i < n; i += 24) Fq8Math.MultiplyFq2(x0, x1, y0, y1, x0, x1, 24);
        return x0[0];
    }

    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    private static object Fq12MulChain(Fq12 a, Fq12 b, long n)
    {
        for (long i = 0; i < n; i++) a = a * b;
        return a;
    }

    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    private static object Fq12SqChain(Fq12 a, long n)
    {
        for (long i = 0; i < n; i++) a = a.Square();
        return a;
    }

    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    private static object CycSqChain(Fq12 a, long n)
    {
        for (long i = 0; i < n; i++) a = a.CyclotomicSquare();
        return a;
    }

    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    private static object CycSqRunChain(Fq12 a, long n)
    {
        for (long i = 0; i < n; i++) a = a.CyclotomicSquareTimes(6);
        return a;
    }

    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    private static object FqInvChain(Fq a, long n)
    {
        for (long i = 0; i < n; i++) a = a.Inverse();
        return a;
    }
}
