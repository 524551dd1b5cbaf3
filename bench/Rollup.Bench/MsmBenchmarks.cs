using BenchmarkDotNet.Attributes;
using Rollup.Crypto.Bn254.Curves;
using Rollup.Crypto.Bn254.Fields;
using Rollup.Crypto.Msm;

namespace Rollup.Bench;

/// <summary>
/// G1 multi-scalar multiplication with random bases and scalars, on both cores and on one.
/// A run of 2^20 takes seconds, so a few iterations suffice; on a shared machine prefer
/// <c>timer msm</c> (best of rounds, see <see cref="BestOfTimer"/>).
/// </summary>
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: 5)]
public class MsmBenchmarks
{
    private G1Affine[] _bases = [];
    private Fr[] _scalars = [];

    [Params(16, 18, 20)]
    public int Log2Points { get; set; }

    [Params(2, 1)]
    public int Cores { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _bases = BenchInputs.RandomBases(1 << Log2Points, 1);
        _scalars = BenchInputs.RandomScalars(1 << Log2Points, 2);
    }

    [Benchmark]
    public G1Jacobian G1Msm() => Msm.Multiply(_bases, _scalars, Cores);
}
