using Rollup.Core.Chain;
using Rollup.Core.Types;
using Rollup.Evm.Bytecode;
using Rollup.Evm.Execution;
using Rollup.Evm.Instructions;
using Rollup.Evm.Precompiles;
using Rollup.Evm.Tests.Support;

namespace Rollup.Evm.Tests.Precompiles;

public class PointEvaluationPlaceholderTests
{
    private static readonly Address PointEvaluation = Address.Parse("0x000000000000000000000000000000000000000a");

    [Fact]
    public void Address_0x0a_is_a_precompile_from_Cancun_only()
    {
        Assert.True(PrecompileSet.For(ForkRules.For(Fork.Cancun)).Contains(PointEvaluation));
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
    public void A_call_fails_and_uses_its_gas_as_an_invalid_proof_would()
    {
        // CALL(gas 60000, 0x0a, 0, in 0..192, out 0..64); return the success flag.
        var code = new BytecodeBuilder()
            .Push(64).Push(0).Push(192).Push(0).Push(0).Push(PointEvaluation).Push(60_000).Op(Opcode.CALL).ReturnTop().Build();
        var (result, _) = new CodeRunner { Fork = Fork.Cancun }.Run(code, [], 200_000);
        Assert.True(result.Success);
        Assert.Equal(0UL, EvmWordValue(result.Output));
        Assert.True(result.GasLeft < 200_000 - 60_000);
    }

    private static ulong EvmWordValue(byte[] output) => Core.Numerics.UInt256.FromBigEndian(output).U0;
}
