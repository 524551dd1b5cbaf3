using Rollup.L1.Batches;
using Rollup.Plonk.Keys;

namespace Rollup.L1.Deployment;

/// <summary>A real PLONK verifier for the rollup, to be generated from a verifying key file and deployed by
/// <see cref="PlonkVerifierDeployer"/> (straight-line if it fits EIP-170, else the interpreting verifier with its data
/// contracts). Only a key whose circuit takes the rollup's seven public inputs in one instance column fits: that is
/// what finalizeBatch passes.</summary>
public sealed record GeneratedVerifier(VerifyingKey Key, IReadOnlyList<int> InstanceLengths)
{
    public const string ContractName = "PlonkVerifier";

    public string VerifyingKeyDigest => "0x" + Convert.ToHexStringLower(Key.Digest);

    /// <summary>Forces the verifier kind; null lets the deployer pick (straight-line when it fits).</summary>
    public VerifierKind? Kind { get; init; }

    /// <exception cref="L1Exception">when the file is missing or invalid, or does not fit the rollup.</exception>
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
        return new GeneratedVerifier(key.Key, key.InstanceLengths);
    }
}
