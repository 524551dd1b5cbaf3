using System.Numerics;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Rollup.Core.Numerics;

namespace Rollup.Bench;

/// <summary>
/// UInt256 against BigInteger doing what the EVM needs: the BigInteger side masks or reduces to
/// 256 bits where the opcode does (ADD, MUL, EXP), so both columns compute the same word.
/// Operands are full 256-bit random values unless the name says otherwise.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class UInt256Benchmarks
{
    private static readonly BigInteger Modulus = BigInteger.One << 256;
    private static readonly BigInteger Mask = Modulus - 1;

    private UInt256 _a, _b, _divisor128, _modulus, _exponent, _base;
    private BigInteger _bigA, _bigB, _bigDivisor128, _bigModulus, _bigExponent, _bigBase;

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(42);
        ulong Limb() => (ulong)random.NextInt64() | ((ulong)random.Next(2) << 63);
        _a = new UInt256(Limb(), Limb(), Limb(), Limb() | (1UL << 63));
        _b = new UInt256(Limb(), Limb(), Limb(), Limb() | (1UL << 62));
        _divisor128 = new UInt256(Limb(), Limb() | (1UL << 60));
        _modulus = new UInt256(Limb() | 1, Limb(), Limb(), Limb() | (1UL << 61));
        _exponent = new UInt256(Limb(), Limb(), Limb(), Limb() | (1UL << 63));
        // Odd, so that no power of it vanishes modulo 2^256 and EXP does all 255 squarings (an
        // even base reaches zero within eight squarings and returns early).
        _base = new UInt256(Limb() | 1, Limb(), Limb(), Limb());

        _bigA = _a.ToBigInteger();
        _bigB = _b.ToBigInteger();
        _bigDivisor128 = _divisor128.ToBigInteger();
        _bigModulus = _modulus.ToBigInteger();
        _bigExponent = _exponent.ToBigInteger();
        _bigBase = _base.ToBigInteger();
    }

    [Benchmark(Baseline = true), BenchmarkCategory("Add")]
    public BigInteger Add_BigInteger() => (_bigA + _bigB) & Mask;

    [Benchmark, BenchmarkCategory("Add")]
    public UInt256 Add_UInt256()
    {
        UInt256.Add(_a, _b, out UInt256 r);
        return r;
    }

    [Benchmark(Baseline = true), BenchmarkCategory("Mul")]
    public BigInteger Mul_BigInteger() => (_bigA * _bigB) & Mask;

    [Benchmark, BenchmarkCategory("Mul")]
    public UInt256 Mul_UInt256()
    {
        UInt256.Multiply(_a, _b, out UInt256 r);
        return r;
    }

    [Benchmark(Baseline = true), BenchmarkCategory("Div 256/128")]
    public BigInteger Div_BigInteger() => _bigA / _bigDivisor128;

    [Benchmark, BenchmarkCategory("Div 256/128")]
    public UInt256 Div_UInt256()
    {
        UInt256.Divide(_a, _divisor128, out UInt256 r);
        return r;
    }

    [Benchmark(Baseline = true), BenchmarkCategory("MulMod")]
    public BigInteger MulMod_BigInteger() => _bigA * _bigB % _bigModulus;

    [Benchmark, BenchmarkCategory("MulMod")]
    public UInt256 MulMod_UInt256()
    {
        UInt256.MulMod(_a, _b, _modulus, out UInt256 r);
        return r;
    }

    [Benchmark(Baseline = true), BenchmarkCategory("Exp (odd base, 256-bit exponent)")]
    public BigInteger Exp_BigInteger() => BigInteger.ModPow(_bigBase, _bigExponent, Modulus);

    [Benchmark, BenchmarkCategory("Exp (odd base, 256-bit exponent)")]
    public UInt256 Exp_UInt256()
    {
        UInt256.Exp(_base, _exponent, out UInt256 r);
        return r;
    }
}
