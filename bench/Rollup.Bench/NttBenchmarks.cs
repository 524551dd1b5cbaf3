using BenchmarkDotNet.Attributes;
using Rollup.Crypto.Bn254.Fields;
using Rollup.Crypto.Polynomials;

namespace Rollup.Bench;

/// <summary>
/// NTT over F_r in natural order (bit reversal included), in place, forward and inverse.
/// Each iteration transforms the previous result again, so no copy is timed.
/// </summary>
[SimpleJob(launchCount: 1, warmupCount: 2, iterationCount: 10)]
public class NttBenchmarks
{
    private Fr[] _values = [];
    private Domain _domain = Domain.OfLog2Size(0);

    [Params(20)]
    public int Log2Size { get; set; }

    [Params(2, 1)]
    public int Cores { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _domain = Domain.OfLog2Size(Log2Size);
        _values = BenchInputs.RandomScalars(_domain.Size, 3);
        _domain.Ntt(_values, Cores);                  // twiddle tables built outside the timing
        _domain.InverseNtt(_values, Cores);
    }

    [Benchmark] public void Forward() => _domain.Ntt(_values, Cores);
    [Benchmark] public void Inverse() => _domain.InverseNtt(_values, Cores);
    [Benchmark] public void CosetForward() => _domain.CosetNtt(_values, Cores);
}
