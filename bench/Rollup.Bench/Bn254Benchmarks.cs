using BenchmarkDotNet.Attributes;
using Rollup.Crypto.Bn254.Curves;
using Rollup.Crypto.Bn254.Fields;
using Rollup.Crypto.Bn254.Pairing;
using Rollup.Crypto.Bn254.Towers;

namespace Rollup.Bench;

/// <summary>BN254 primitives: field multiplication, inversion, G1 arithmetic, pairing.
/// Min is shown beside Mean because the 2-core machine is shared and Mean moves with its load.</summary>
[MemoryDiagnoser]
[MinColumn]
public class Bn254Benchmarks
{
    private Fr _fr1, _fr2;
    private Fq _fq1, _fq2;
    private G1Jacobian _p, _q;
    private G1Affine _pa;
    private G2Affine _qa;
    private Fr _scalar;
    private G1Affine[] _checkP = [];
    private G2Affine[] _checkQ = [];
    private G2Prepared _qPrepared = null!;
    private G2Prepared[] _checkQPrepared = [];
    private Fq2 _x2, _y2;
    private Fq12 _x12, _y12, _cyclotomic, _millerValue;

    [GlobalSetup]
    public void Setup()
    {
        var rng = new Random(1);
        _fr1 = Fr.Random(rng); _fr2 = Fr.Random(rng);
        _fq1 = Fq.Random(rng); _fq2 = Fq.Random(rng);
        _scalar = Fr.Random(rng);
        _p = G1Jacobian.Generator * Fr.Random(rng);
        _q = G1Jacobian.Generator * Fr.Random(rng);
        _pa = _p.ToAffine();
        _qa = (G2Jacobian.Generator * Fr.Random(rng)).ToAffine();
        _checkP = [_pa, _pa.Negate()];
        _checkQ = [_qa, _qa];
        _qPrepared = G2Prepared.FromAffine(_qa);
        _checkQPrepared = [_qPrepared, _qPrepared];
        _x2 = Fq2.Random(rng); _y2 = Fq2.Random(rng);
        _x12 = Fq12.Random(rng); _y12 = Fq12.Random(rng);
        _cyclotomic = Bn254Pairing.Pair(_pa, _qa);
        _millerValue = Bn254Pairing.MillerLoopProduct([_pa], [_qa]);
    }

    [Benchmark]
    public Fr FrMul()
    {
        // 16 dependent multiplications per call, so call overhead does not dominate.
        Fr a = _fr1, b = _fr2;
        for (int i = 0; i < 16; i++) Fr.Multiply(a, b, out a);
        return a;
    }

    [Benchmark]
    public Fq FqMul()
    {
        Fq a = _fq1, b = _fq2;
        for (int i = 0; i < 16; i++) Fq.Multiply(a, b, out a);
        return a;
    }

    [Benchmark] public Fq FqInverse() => _fq1.Inverse();
    [Benchmark] public Fq2 Fq2Mul() => _x2 * _y2;
    [Benchmark] public Fq2 Fq2Square() => _x2.Square();
    [Benchmark] public Fq12 Fq12Mul() => _x12 * _y12;
    [Benchmark] public Fq12 Fq12Square() => _x12.Square();
    [Benchmark] public Fq12 CyclotomicSquare() => _cyclotomic.CyclotomicSquare();
    [Benchmark] public G1Jacobian G1Add() => _p + _q;
    [Benchmark] public G1Jacobian G1Double() => _p.Double();
    [Benchmark] public G1Jacobian G1ScalarMul() => _p * _scalar;
    [Benchmark] public object Pairing() => Bn254Pairing.Pair(_pa, _qa);
    [Benchmark] public bool PairingCheck2() => Bn254Pairing.PairingCheck(_checkP, _checkQ);
    [Benchmark] public object MillerLoop() => Bn254Pairing.MillerLoopProduct([_pa], [_qa]);
    [Benchmark] public object FinalExponentiation() => Bn254Pairing.FinalExponentiate(_millerValue);
    [Benchmark] public object PairingPrepared() => Bn254Pairing.Pair(_pa, _qPrepared);
    [Benchmark] public bool PairingCheck2Prepared() => Bn254Pairing.PairingCheckPrepared(_checkP, _checkQPrepared);
}
