using System.Numerics;
using System.Security.Cryptography;
using Rollup.Core.Chain;
using Rollup.Core.Types;
using Rollup.Evm.Precompiles;

namespace Rollup.Evm.Tests.Precompiles;

public class PointEvaluationPrecompileTests
{
    private static readonly ForkRules Cancun = ForkRules.For(Fork.Cancun);

    // consensus-spec verify_kzg_proof_case_correct_proof_31ebd010e6098750 (z, y, commitment, proof).
    private const string Z = "73eda753299d7d483339d80809a1d80553bda402fffe5bfeffffffff00000000";
    private const string Y = "1522a4a7f34e1ea350ae07c29c96c7e79655aa926122e95fe69fcbd932ca49e9";
    private const string Commitment = "8f59a8d2a1a625a17f3fea0fe5eb8c896db3764f3185481bc22f91b4aaffcca25f26936857bc3a7c2539ea8ec3a952b7";
    private const string Proof = "a62ad71d14c5719385c0686f1871430475bf3a00f0aa3f7b8dd99a9abc2160744faf0070725e00b60ad9a026a15b1a8c";

    // The same case's incorrect_proof twin.
    private const string IncorrectProof = "b9b65c2ebc89e669cf19e82fb178f0d1e9c958edbebe9ead62e97e95e2dcdc4972729fb9661f0cae3532b71b2664a8c1";

    private static byte[] Input(string z = Z, string y = Y, string commitment = Commitment, string proof = Proof)
    {
        byte[] c = Convert.FromHexString(commitment);
        byte[] hash = SHA256.HashData(c);
        hash[0] = 0x01;
        return [.. hash, .. Convert.FromHexString(z), .. Convert.FromHexString(y), .. c, .. Convert.FromHexString(proof)];
    }

    private static IPrecompile Precompile()
    {
        Span<byte> a = stackalloc byte[20];
        a[19] = 0x0a;
        Assert.True(PrecompileSet.For(Cancun).TryGet(new Address(a), out IPrecompile? p));
        return p!;
    }

    [Fact]
    public void Is_registered_from_Cancun_only()
    {
        Span<byte> a = stackalloc byte[20];
        a[19] = 0x0a;
        Assert.True(PrecompileSet.For(Cancun).Contains(new Address(a)));
        Assert.True(PrecompileSet.For(ForkRules.For(Fork.Prague)).Contains(new Address(a)));
        Assert.False(PrecompileSet.For(ForkRules.For(Fork.Shanghai)).Contains(new Address(a)));
    }

    [Fact]
    public void Valid_proof_returns_blob_size_and_modulus()
    {
        IPrecompile p = Precompile();
        Assert.Equal(50_000, p.RequiredGas(Input(), Cancun));
        Assert.True(p.Run(Input(), Cancun, out byte[] output));
        Assert.Equal(64, output.Length);
        Assert.Equal(4096, new BigInteger(output.AsSpan(0, 32), isUnsigned: true, isBigEndian: true));
        Assert.Equal(BigInteger.Parse("52435875175126190479447740508185965837690552500527637822603658699938581184513"),
            new BigInteger(output.AsSpan(32, 32), isUnsigned: true, isBigEndian: true));
    }

    [Fact]
    public void Every_failed_check_fails_the_call()
    {
        IPrecompile p = Precompile();
        byte[] good = Input();
        byte[] badVersion = (byte[])good.Clone(); badVersion[0] = 0x02;
        byte[] badHash = (byte[])good.Clone(); badHash[31] ^= 1;
        string r = "73eda753299d7d483339d80809a1d80553bda402fffe5bfeffffffff00000001";
        foreach (byte[] input in new[] { badVersion, badHash, good[..191], [.. good, 0], [],
                     Input(y: "00" + Y[2..]), Input(proof: IncorrectProof), Input(z: r), Input(y: r), Input(proof: "c0" + new string('0', 94)) })
        {
            Assert.Equal(50_000, p.RequiredGas(input, Cancun));
            Assert.False(p.Run(input, Cancun, out _));
        }
    }
}
