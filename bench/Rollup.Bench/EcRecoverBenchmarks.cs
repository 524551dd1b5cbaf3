using BenchmarkDotNet.Attributes;
using Rollup.Core.Crypto;
using Rollup.Core.Types;

namespace Rollup.Bench;

/// <summary>Public-key recovery from a signature (what every transaction's sender costs, and precompile 0x01), and
/// signing for comparison. The recovered address is checked before timing.</summary>
[MemoryDiagnoser]
public class EcRecoverBenchmarks
{
    private readonly byte[] _hash = Keccak256.Hash("rollup ecrecover benchmark"u8).ToArray();
    private readonly PrivateKey _key = PrivateKey.Parse("0x" + string.Concat(Enumerable.Repeat("c3", 32)));
    private EcdsaSignature _signature;

    [GlobalSetup]
    public void Setup()
    {
        _signature = _key.Sign(_hash);
        if (Recover() != _key.Address) throw new InvalidOperationException("recovery returned the wrong address");
    }

    [Benchmark]
    public Address Recover() => Secp256k1.TryRecoverAddress(_hash, _signature, out var a) ? a : default;

    [Benchmark]
    public EcdsaSignature Sign() => _key.Sign(_hash);
}
