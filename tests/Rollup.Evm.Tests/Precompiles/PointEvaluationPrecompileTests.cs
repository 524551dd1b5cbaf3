using System.Numerics;
using System.Security.Cryptography;
using Rollup.Core.Chain;
using Rollup.Core.Types;
using Rollup.Evm.Bytecode;
using Rollup.Evm.Execution;
using Rollup.Evm.Instructions;
using Rollup.Evm.Precompiles;
using Rollup.Evm.Tests.Support;

namespace Rollup.Evm.Tests.Precompiles;

public class PointEvaluationPrecompileTests
{
    private static readonly ForkRules Cancun = ForkRules.For(Fork.Cancun);
    private static readonly Address PointEvaluation = Address.Parse("0x000000000000000000000000000000000000000a");

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
        Assert.True(PrecompileSet.For(Cancun).TryGet(PointEvaluation, out IPrecompile? p));
        return p!;
    }

    [Fact]
    public void Address_0x0a_is_a_precompile_from_Cancun_only()
    {
        Assert.True(PrecompileSet.For(Cancun).Contains(PointEvaluation));
        Assert.True(PrecompileSet.For(ForkRules.For(Fork.Prague)).Contains(PointEvaluation));
        Assert.False(PrecompileSet.For(ForkRules.For(Fork.Shanghai)).Contains(PointEvaluation));
    }

    /// <summary>BALANCE of 0x0a costs the warm 100 gas in Cancun (precompiles start warm, EIP-2929) and the cold 2,600
    /// in Shanghai, where 0x0a is an ordinary address. A SELFDESTRUCT paying out to 0x0a hinges on the same rule. (Run as a
    /// transaction: the transaction processor is what warms the precompiles.)</summary>
    [Theory]
    [InlineData(Fork.Cancun, 100)]
    [InlineData(Fork.Shanghai, 2_600)]
    public void Address_0x0a_starts_warm_from_Cancun(Fork fork, long accessCost)
    {
        var code = new BytecodeBuilder()
            .Op(Opcode.GAS).Push(PointEvaluation).Op(Opcode.BALANCE).Op(Opcode.POP).Op(Opcode.GAS)
            .Op(Opcode.SWAP1).Op(Opcode.SUB).ReturnTop().Build();
        var chain = new TestChain { Rules = ForkRules.For(fork) };
        var result = chain.Call(chain.Deploy("probe", code), []);
        // GAS itself (2) and PUSH20 (3) and POP (2) sit between the two GAS readings.
        Assert.Equal(accessCost + 2 + 3 + 2, (long)EvmWordValue(result.Output));
    }

    [Fact]
    public void A_call_with_an_invalid_input_fails_and_uses_its_gas()
    {
        // CALL(gas 60000, 0x0a, 0, in 0..192 (zeros: wrong versioned hash), out 0..64); return the success flag.
        var code = new BytecodeBuilder()
            .Push(64).Push(0).Push(192).Push(0).Push(0).Push(PointEvaluation).Push(60_000).Op(Opcode.CALL).ReturnTop().Build();
        var (result, _) = new CodeRunner { Fork = Fork.Cancun }.Run(code, [], 200_000);
        Assert.True(result.Success);
        Assert.Equal(0UL, EvmWordValue(result.Output));
        Assert.True(result.GasLeft < 200_000 - 60_000);
    }

    private static ulong EvmWordValue(byte[] output) => Core.Numerics.UInt256.FromBigEndian(output).U0;

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
