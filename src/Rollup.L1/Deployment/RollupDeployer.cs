using Rollup.Core.Types;
using Rollup.L1.Contracts;
using Rollup.L1.Sending;

namespace Rollup.L1.Deployment;

/// <summary>What to deploy. Roles default to the deploying account (one key runs a devnet).</summary>
public sealed record DeployOptions
{
    public Hash256 GenesisStateRoot { get; init; }
    public ulong L2ChainId { get; init; } = L2Defaults.ChainId;
    public Address? Sequencer { get; init; }
    public Address? Prover { get; init; }
    /// <summary>An already deployed verifier to use.</summary>
    public Address? ExistingVerifier { get; init; }
    /// <summary>A verifier generated from a verifying key, to deploy. With neither this nor
    /// <see cref="ExistingVerifier"/>, the insecure development stand-in is deployed.</summary>
    public GeneratedVerifier? RealVerifier { get; init; }
}

/// <summary>Deploys a verifier and the rollup contract (owner = the deploying account) and describes the result.</summary>
public static class RollupDeployer
{
    public const string StandInWarning =
        "NOT A REAL VERIFIER: InsecureDigestVerifier accepts keccak256(publicInputs) as a proof, which anyone can compute, " +
        "so any prover-role key can finalize any state root. Development and testing only.";

    public static async Task<DeploymentFile> DeployAsync(TransactionSender deployer, DeployOptions options, CancellationToken cancel = default)
    {
        VerifierEntry verifier;
        if (options.ExistingVerifier is not null && options.RealVerifier is not null)
            throw new ArgumentException("give either an existing verifier (--verifier) or a verifying key to deploy one for (--verifying-key), not both");
        if (options.ExistingVerifier is { } existing)
        {
            if ((await deployer.Client.GetCodeAsync(existing, cancel: cancel).ConfigureAwait(false)).Length == 0)
                throw new L1Exception($"--verifier {existing}: there is no contract at that address on chain {deployer.ChainId}");
            verifier = new VerifierEntry { Address = existing.ToString(), Contract = "external" };
        }
        else if (options.RealVerifier is { } real)
        {
            verifier = await DeployVerifierAsync(deployer, real, cancel).ConfigureAwait(false);
        }
        else
        {
            var (standIn, _) = await ContractClient.DeployAsync(deployer, ContractArtifacts.Get(ContractNames.InsecureDigestVerifier), [], cancel)
                .ConfigureAwait(false);
            verifier = new VerifierEntry
            {
                Address = standIn.Address.ToString(), Contract = ContractNames.InsecureDigestVerifier, IsRealVerifier = false, Warning = StandInWarning,
            };
        }

        var sequencer = options.Sequencer ?? deployer.Address;
        var prover = options.Prover ?? deployer.Address;
        var (rollup, receipt) = await ContractClient.DeployAsync(deployer, ContractArtifacts.Get(ContractNames.Rollup),
            [Address.Parse(verifier.Address), options.GenesisStateRoot, options.L2ChainId, sequencer, prover], cancel).ConfigureAwait(false);

        return new DeploymentFile
        {
            L1ChainId = deployer.ChainId,
            L2ChainId = options.L2ChainId,
            Rollup = rollup.Address.ToString(),
            RollupDeployTransaction = receipt.TransactionHash.ToString(),
            DeployedAtBlock = receipt.BlockNumber,
            Verifier = verifier,
            Owner = deployer.Address.ToString(),
            Sequencer = sequencer.ToString(),
            Prover = prover.ToString(),
            GenesisStateRoot = options.GenesisStateRoot.ToString(),
            Compiler = ContractArtifacts.CompilerVersion,
            SourceHash = ContractArtifacts.SourceHash,
        };
    }

    /// <summary>Deploys a generated verifier (and its data contracts, for the interpreting one) and checks the key
    /// digest it reports from the chain.</summary>
    public static async Task<VerifierEntry> DeployVerifierAsync(TransactionSender deployer, GeneratedVerifier real, CancellationToken cancel = default)
    {
        var deployed = await PlonkVerifierDeployer.DeployAsync(deployer, real.Key, real.InstanceLengths, GeneratedVerifier.ContractName, real.Kind, cancel)
            .ConfigureAwait(false);
        // Read the key digest back from the chain: the bytecode that landed is the one generated for this key.
        var onChain = await deployed.Contract.CallSingleAsync<Hash256>("VERIFYING_KEY_DIGEST").ConfigureAwait(false);
        if (!string.Equals(onChain.ToString(), real.VerifyingKeyDigest, StringComparison.OrdinalIgnoreCase))
            throw new L1Exception($"the deployed verifier reports key digest {onChain}, expected {real.VerifyingKeyDigest}");
        return new VerifierEntry
        {
            Address = deployed.Contract.Address.ToString(), Contract = GeneratedVerifier.ContractName, IsRealVerifier = true,
            VerifyingKeyDigest = real.VerifyingKeyDigest,
            Kind = deployed.Kind == VerifierKind.Interpreted ? "interpreted" : "straight-line",
            DataContracts = deployed.DataContracts.Count > 0 ? deployed.DataContracts.Select(a => a.ToString()).ToArray() : null,
        };
    }
}
