using Rollup.L1.Batches;
using Rollup.L1.Contracts;
using Rollup.Plonk.Keys;
using Rollup.Plonk.Solidity;

namespace Rollup.L1.Deployment;

/// <summary>A real PLONK verifier for the rollup: the Solidity SolidityVerifierGenerator writes for a verifying key
/// file, compiled with the pinned solc. Only a key whose circuit takes the rollup's seven public inputs in one
/// instance column fits: that is what finalizeBatch passes.</summary>
public sealed record GeneratedVerifier(CompiledContract Contract, string VerifyingKeyDigest)
{
    public const string ContractName = "PlonkVerifier";

    /// <exception cref="L1Exception">when the file is missing or invalid, does not fit the rollup, or solc fails.</exception>
    public static GeneratedVerifier FromKeyFile(string path)
    {
        VerifyingKeyFile.Contents key;
        try
        {
            key = VerifyingKeyFile.Load(path);
        }
        catch (FormatException e)
        {
            throw new L1Exception($"--verifying-key {path}: {e.Message}", e);
        }
        if (key.InstanceLengths is not [BatchPublicInputs.Count])
            throw new L1Exception($"--verifying-key {path}: the rollup passes {BatchPublicInputs.Count} public inputs in one instance column, " +
                $"but this key's circuit takes [{string.Join(", ", key.InstanceLengths)}]");
        var source = SolidityVerifierGenerator.Generate(key.Key, key.InstanceLengths, ContractName);
        return new GeneratedVerifier(SolcJs.Compile(source, ContractName), "0x" + Convert.ToHexStringLower(key.Key.Digest));
    }
}
