using BenchmarkDotNet.Attributes;
using Rollup.Crypto.Bls12381.Curves;
using Rollup.Crypto.Bls12381.Fields;
using Rollup.Crypto.Bls12381.Kzg;
using Rollup.Crypto.Bls12381.Pairing;

namespace Rollup.Bench;

/// <summary>BLS12-381 and EIP-4844 KZG: field product, point decoding, pairing, verify_kzg_proof.</summary>
[MemoryDiagnoser]
public class Bls12381Benchmarks
{
    // consensus-spec verify_kzg_proof_case_correct_proof_31ebd010e6098750.
    private static readonly byte[] Commitment = Convert.FromHexString("8f59a8d2a1a625a17f3fea0fe5eb8c896db3764f3185481bc22f91b4aaffcca25f26936857bc3a7c2539ea8ec3a952b7");
    private static readonly byte[] Z = Convert.FromHexString("73eda753299d7d483339d80809a1d80553bda402fffe5bfeffffffff00000000");
    private static readonly byte[] Y = Convert.FromHexString("1522a4a7f34e1ea350ae07c29c96c7e79655aa926122e95fe69fcbd932ca49e9");
    private static readonly byte[] Proof = Convert.FromHexString("a62ad71d14c5719385c0686f1871430475bf3a00f0aa3f7b8dd99a9abc2160744faf0070725e00b60ad9a026a15b1a8c");

    private Fp _fp1, _fp2;
    private G1Affine _pa;
    private G2Affine _qa;
    private Fr _scalar;
    private G1Jacobian _p;
    private G1Affine[] _checkP = [];
    private G2Affine[] _checkQ = [];

    [GlobalSetup]
    public void Setup()
    {
        var rng = new Random(1);
        _fp1 = Fp.Random(rng); _fp2 = Fp.Random(rng);
        _scalar = Fr.Random(rng);
        _p = G1Jacobian.Generator * Fr.Random(rng);
        _pa = _p.ToAffine();
        _qa = (G2Jacobian.Generator * Fr.Random(rng)).ToAffine();
        _checkP = [_pa, _pa.Negate()];
        _checkQ = [_qa, _qa];
        if (Eip4844Kzg.VerifyKzgProof(Commitment, Z, Y, Proof) != KzgVerifyResult.Valid)
            throw new InvalidOperationException("benchmark vector does not verify");
    }

    [Benchmark]
    public Fp FpMul()
    {
        // 16 dependent multiplications per call, so call overhead does not dominate.
        Fp a = _fp1, b = _fp2;
        for (int i = 0; i < 16; i++) Fp.Multiply(a, b, out a);
        return a;
    }

    [Benchmark] public bool FpSqrt() => _fp1.TrySqrt(out _);
    [Benchmark] public G1Jacobian G1ScalarMul() => _p * _scalar;
    [Benchmark] public bool G1SubgroupCheck() => _p.IsInSubgroup;
    [Benchmark] public bool G1Decompress() => G1Affine.TryDecode(Commitment, out _);
    [Benchmark] public object Pairing() => Bls12381Pairing.Pair(_pa, _qa);
    [Benchmark] public bool PairingCheck2() => Bls12381Pairing.PairingCheck(_checkP, _checkQ);
    [Benchmark] public KzgVerifyResult VerifyKzgProof() => Eip4844Kzg.VerifyKzgProof(Commitment, Z, Y, Proof);
}
