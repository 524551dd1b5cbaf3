using BenchmarkDotNet.Attributes;
using Org.BouncyCastle.Crypto.Digests;
using Rollup.Core.Crypto;

namespace Rollup.Bench;

/// <summary>Our Keccak-256 against BouncyCastle's, for a word (32 B), a typical trie node or calldata
/// (1 KiB) and bulk data (1 MiB). The MB/s column reads throughput directly.</summary>
[MemoryDiagnoser, MedianColumn]
[Config(typeof(ThroughputConfig))]
[SimpleJob(warmupCount: 3, iterationCount: 15)]
public class KeccakBenchmarks
{
    private readonly byte[] _digest = new byte[32];
    private readonly KeccakDigest _bouncy = new(256); // reused: DoFinal resets it, so BouncyCastle pays no allocation
    private byte[] _data = [];

    [Params(32, 1024, 1024 * 1024)]
    public int Size { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _data = new byte[Size];
        new Random(42).NextBytes(_data);
    }

    [Benchmark(Baseline = true)]
    public byte[] BouncyCastle()
    {
        _bouncy.BlockUpdate(_data, 0, _data.Length);
        _bouncy.DoFinal(_digest, 0);
        return _digest;
    }

    [Benchmark]
    public byte[] Ours()
    {
        Keccak256.Hash(_data, _digest);
        return _digest;
    }

    [Benchmark]
    public byte[] OursIncremental()
    {
        var hasher = new Keccak256Hasher();
        hasher.Update(_data);
        hasher.Finish(_digest);
        return _digest;
    }
}
