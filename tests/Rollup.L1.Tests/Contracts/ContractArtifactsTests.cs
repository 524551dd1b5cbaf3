using Rollup.Core.Encoding;
using Rollup.L1.Contracts;

namespace Rollup.L1.Tests.Contracts;

public class ContractArtifactsTests
{
    [Fact]
    public void Every_contract_the_code_names_was_compiled_with_the_pinned_solc()
    {
        Assert.StartsWith("0.8.37+", ContractArtifacts.CompilerVersion);
        foreach (var name in new[] { ContractNames.Rollup, ContractNames.InsecureDigestVerifier, ContractNames.RevertingVerifier, ContractNames.QueueForwarder })
            Assert.NotEmpty(ContractArtifacts.Get(name).Bytecode);
        Assert.Empty(ContractArtifacts.Get("IVerifier").Bytecode); // an interface: nothing to deploy
    }

    [Fact]
    public void The_rollup_API_has_the_documented_signatures()
    {
        var abi = ContractArtifacts.Get(ContractNames.Rollup).Abi;
        Assert.Equal("commitBatch(uint64,bytes32,bytes)", abi.Function("commitBatch").Signature);
        Assert.Equal("finalizeBatch(uint64,bytes32,bytes)", abi.Function("finalizeBatch").Signature);
        Assert.Equal("revertBatch(uint64)", abi.Function("revertBatch").Signature);
        Assert.Equal("depositETH(address)", abi.Function("depositETH").Signature);
        Assert.Equal("sendMessage(address,uint64,bytes)", abi.Function("sendMessage").Signature);
        Assert.Equal("enforceTransaction(address,uint256,uint64,bytes)", abi.Function("enforceTransaction").Signature);
        Assert.Equal("setVerifier(address)", abi.Function("setVerifier").Signature);
        Assert.Equal("BatchCommitted(uint64,bytes32,bytes32,bytes32)", abi.Event("BatchCommitted").Signature);
        Assert.Equal("L1MessageQueued(uint64,uint8,address,address,uint256,uint64,bytes)", abi.Event("L1MessageQueued").Signature);
        Assert.Equal("verify(bytes,uint256[])", ContractArtifacts.Get("IVerifier").Abi.Function("verify").Signature);
    }

    [Fact]
    public void Every_custom_error_is_in_the_ABI_with_a_distinct_selector()
    {
        var errors = ContractArtifacts.Get(ContractNames.Rollup).Abi.Errors.ToArray();
        string[] expected =
        [
            "NotOwner", "NotSequencer", "NotProver", "ZeroAddress", "UnexpectedBatchIndex", "ParentBatchHashMismatch", "EmptyBatchData",
            "BatchNotCommitted", "BatchAlreadyFinalized", "BatchFinalizedOutOfOrder", "InvalidProof", "VerifierReverted", "NotAContract",
            "PlainTransferRejected", "ZeroValue", "ZeroRecipient", "GasLimitOutOfRange", "MessageDataTooLarge",
        ];
        Assert.Equal(expected.Order(), errors.Select(e => e.Name).Order());
        Assert.Equal(errors.Length, errors.Select(e => Hex.ToHex(e.Selector)).Distinct().Count());
    }
}
