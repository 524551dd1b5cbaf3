using Rollup.Core.Types;
using Rollup.L1.Abi;
using Rollup.L1.Contracts;
using Rollup.L1.Sending;
using Rollup.Plonk.Keys;
using Rollup.Plonk.Solidity;

namespace Rollup.L1.Deployment;

/// <summary>How a generated verifier evaluates the constraints (docs/plonk.md, "The Solidity verifiers").</summary>
public enum VerifierKind
{
    /// <summary>Straight-line Yul in one contract: cheapest in gas, but it grows with the circuit.</summary>
    StraightLine,
    /// <summary>A fixed-size verifier that calls the compiled constraints in code contracts and reads the rest of the key
    /// from data contracts: any circuit size. (Named for the instruction interpreter it began as.)</summary>
    Interpreted,
}

/// <summary>A generated verifier on chain: the contract to call and what its deployment took.</summary>
public sealed record DeployedVerifier(ContractClient Contract, VerifierKind Kind, IReadOnlyList<Address> DataContracts,
    int CodeBytes, int DataBytes, ulong DeployGas);

/// <summary>Deploys the PLONK verifier for a verifying key under Ethereum's real limits: every contract within EIP-170
/// (24,576 bytes of code) and EIP-3860 (49,152 bytes of creation code), every transaction a few million gas. The
/// straight-line verifier is used when it fits (it costs less gas per proof); otherwise the data contracts are
/// deployed first, then the interpreting verifier with their addresses written in (its constructor checks their
/// code hashes).</summary>
public static class PlonkVerifierDeployer
{
    public const int MaxCodeBytes = 24_576;
    public const int MaxCreationBytes = 49_152;
    /// <summary>Straight-line sources above this are not even compiled: ~55 bytes of code per expression node put the
    /// contract far over 24,576 bytes long before, and solc-js takes minutes (or runs out of memory) on megabytes.</summary>
    public const int StraightLineSourceLimit = 300_000;

    /// <summary>The straight-line verifier for the key, compiled, if it fits the limits; null if not.</summary>
    public static CompiledContract? StraightLineIfItFits(VerifyingKey key, IReadOnlyList<int> instanceLengths, string contractName)
    {
        var source = SolidityVerifierGenerator.Generate(key, instanceLengths, contractName);
        if (source.Length > StraightLineSourceLimit) return null;
        var compiled = SolcJs.Compile(source, contractName);
        return compiled.DeployedBytecode.Length <= MaxCodeBytes && compiled.Bytecode.Length <= MaxCreationBytes ? compiled : null;
    }

    /// <param name="kind">Which verifier to deploy; null: the straight-line one if it fits, else the interpreted one.</param>
    public static async Task<DeployedVerifier> DeployAsync(TransactionSender deployer, VerifyingKey key, IReadOnlyList<int> instanceLengths,
        string contractName = GeneratedVerifier.ContractName, VerifierKind? kind = null, CancellationToken cancel = default)
    {
        if (kind != VerifierKind.Interpreted)
        {
            var straight = kind == VerifierKind.StraightLine
                ? SolcJs.Compile(SolidityVerifierGenerator.Generate(key, instanceLengths, contractName), contractName)
                : StraightLineIfItFits(key, instanceLengths, contractName);
            if (straight is not null)
            {
                var (contract, receipt) = await ContractClient.DeployAsync(deployer, straight, [], cancel).ConfigureAwait(false);
                return new DeployedVerifier(contract, VerifierKind.StraightLine, [], straight.DeployedBytecode.Length, 0, receipt.GasUsed);
            }
        }

        var data = VerifierData.For(key);
        var codes = data.RuntimeCodes();
        // Compile once with stand-in addresses before sending anything: a missing solc, or a verifier over the limits,
        // is found before the data contracts are paid for. 20 non-zero bytes each, like a real address (PUSH20).
        var trial = SolcJs.Compile(InterpretedVerifierGenerator.Generate(key, instanceLengths, data,
            codes.Select(_ => Enumerable.Repeat((byte)0xff, 20).ToArray()).ToList(), contractName), contractName,
            optimizerRuns: InterpretedVerifierGenerator.OptimizerRuns);
        CheckLimits(trial);
        var addresses = new List<Address>();
        ulong gas = 0;
        for (int i = 0; i < codes.Count; i++)
        {
            var piece = new CompiledContract($"{contractName}Data{i}", "generated", ContractAbi.Parse("[]"), VerifierData.CreationCode(codes[i]), codes[i]);
            var (deployed, receipt) = await ContractClient.DeployAsync(deployer, piece, [], cancel).ConfigureAwait(false);
            addresses.Add(deployed.Address);
            gas += receipt.GasUsed;
        }
        var source = InterpretedVerifierGenerator.Generate(key, instanceLengths, data, addresses.Select(a => a.ToArray()).ToList(), contractName);
        var compiled = SolcJs.Compile(source, contractName, optimizerRuns: InterpretedVerifierGenerator.OptimizerRuns);
        CheckLimits(compiled);
        var (verifier, verifierReceipt) = await ContractClient.DeployAsync(deployer, compiled, [], cancel).ConfigureAwait(false);
        return new DeployedVerifier(verifier, VerifierKind.Interpreted, addresses, compiled.DeployedBytecode.Length, codes.Sum(c => c.Length),
            gas + verifierReceipt.GasUsed);
    }

    private static void CheckLimits(CompiledContract verifier)
    {
        if (verifier.DeployedBytecode.Length > MaxCodeBytes || verifier.Bytecode.Length > MaxCreationBytes)
            throw new L1Exception($"the interpreting verifier is {verifier.DeployedBytecode.Length:N0} bytes of code ({verifier.Bytecode.Length:N0} to create): over EIP-170/3860");
    }
}
