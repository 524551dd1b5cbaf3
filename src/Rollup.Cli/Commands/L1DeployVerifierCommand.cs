using System.CommandLine;
using Rollup.Core.Types;
using Rollup.L1;
using Rollup.L1.Contracts;
using Rollup.L1.Deployment;
using Rollup.L1.Rpc;
using Rollup.L1.Sending;

namespace Rollup.Cli.Commands;

/// <summary><c>rollup l1 deploy-verifier --rpc URL --key HEX --verifying-key FILE [--deployment FILE]</c>: deploys the
/// verifier generated for a key; with a deployment file, also points that rollup at it (setVerifier, from the owner)
/// and records it in the file. This is how a running rollup moves off the stand-in, or to a new circuit.</summary>
public static class L1DeployVerifierCommand
{
    public static Command Create()
    {
        var rpc = L1Command.RpcOption();
        var key = new Option<string?>("--key") { Description = $"The deployer's private key (hex); with --deployment, the rollup's owner. Default: ${L1Command.KeyVariable}" };
        var verifyingKey = new Option<string>("--verifying-key") { Description = "The verifying key file (`rollup l1 verifying-key` writes one)", Required = true };
        var file = new Option<string?>("--deployment") { Description = "A deployment file: switch its rollup to the new verifier (setVerifier) and update the file" };

        var command = new Command("deploy-verifier", "Generate, compile and deploy the verifier for a verifying key; optionally switch a deployed rollup to it.");
        foreach (var option in new Option[] { rpc, key, verifyingKey, file }) command.Options.Add(option);
        command.SetAction((parse, cancel) => L1Command.GuardAsync(parse, async (stdout, _) =>
        {
            var deployerKey = L1Command.ReadKey(parse.GetValue(key));
            string? path = parse.GetValue(file);
            var deployment = path is null ? null : DeploymentFile.Load(path);
            var real = GeneratedVerifier.FromKeyFile(parse.GetValue(verifyingKey)!);
            using var client = new EthClient(parse.GetValue(rpc)!);
            var sender = await TransactionSender.CreateAsync(client, deployerKey, cancel);

            RollupContract? rollup = null;
            if (deployment is not null)
            {
                // Every check that can fail happens before the verifier is deployed, so a refusal costs no gas.
                if (deployment.L1ChainId != sender.ChainId)
                    throw new L1Exception($"the deployment file is for chain {deployment.L1ChainId}, but {client.Rpc.DisplayUrl} serves chain {sender.ChainId}");
                rollup = new RollupContract(client, Address.Parse(deployment.Rollup));
                var owner = await rollup.OwnerAsync();
                if (owner != sender.Address)
                    throw new L1Exception($"account {sender.Address} is not the owner of rollup {deployment.Rollup} ({owner} is): only the owner can call setVerifier");
            }

            var entry = await RollupDeployer.DeployVerifierAsync(sender, real, cancel);
            stdout.WriteLine($"Deployed {entry.Contract} at {entry.Address} on chain {sender.ChainId} (verifying key {entry.VerifyingKeyDigest})");
            if (rollup is not null)
            {
                var updated = await rollup.SetVerifierAsync(sender, Address.Parse(entry.Address));
                (deployment! with { Verifier = entry }).Save(path!);
                stdout.WriteLine($"Rollup {deployment.Rollup} now uses it (setVerifier; it was {updated.PreviousVerifier})");
                stdout.WriteLine($"Updated {path}");
            }
            return 0;
        }));
        return command;
    }
}
