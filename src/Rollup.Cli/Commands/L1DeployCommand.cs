using System.CommandLine;
using Rollup.Core.Types;
using Rollup.L1.Deployment;
using Rollup.L1.Rpc;
using Rollup.L1.Sending;

namespace Rollup.Cli.Commands;

/// <summary><c>rollup l1 deploy --rpc URL --key HEX [--verifying-key FILE]</c>: deploys a verifier (generated from the
/// key, or the development stand-in) and the rollup contract, prints the addresses and writes the deployment file.</summary>
public static class L1DeployCommand
{
    public static Command Create()
    {
        var rpc = L1Command.RpcOption();
        var key = new Option<string?>("--key") { Description = $"The deployer's private key (hex); it becomes the owner. Default: ${L1Command.KeyVariable}" };
        var genesis = new Option<string>("--genesis-root") { Description = "The L2 genesis state root (32 bytes hex)", DefaultValueFactory = _ => Hash256.Zero.ToString() };
        var chainId = new Option<ulong>("--l2-chain-id") { Description = "The L2's chain id, a public input of every proof", DefaultValueFactory = _ => L2Defaults.ChainId };
        var sequencer = new Option<string?>("--sequencer") { Description = "The sequencer's address (default: the deployer)" };
        var prover = new Option<string?>("--prover") { Description = "The prover's address (default: the deployer)" };
        var verifier = new Option<string?>("--verifier")
        {
            Description = "An already deployed IVerifier to use. Default: deploy InsecureDigestVerifier, a development stand-in that is NOT a real verifier",
        };
        var verifyingKey = new Option<string?>("--verifying-key")
        {
            Description = "Generate the PLONK verifier for this verifying key file (`rollup l1 verifying-key` writes one), compile it with the pinned solc and deploy it",
        };
        var output = new Option<string>("--out") { Description = "Where to write the deployment file", DefaultValueFactory = _ => "deployment.json" };

        var command = new Command("deploy", "Deploy the verifier and the rollup contract; print the addresses and write the deployment file.");
        foreach (var option in new Option[] { rpc, key, genesis, chainId, sequencer, prover, verifier, verifyingKey, output }) command.Options.Add(option);
        command.SetAction((parse, cancel) => L1Command.GuardAsync(parse, async (stdout, stderr) =>
        {
            var deployerKey = L1Command.ReadKey(parse.GetValue(key));
            if (parse.GetValue(verifier) is not null && parse.GetValue(verifyingKey) is not null)
                throw new ArgumentException("--verifier and --verifying-key exclude each other: use a deployed verifier, or deploy one for a key");
            // Generate and compile before anything is sent, so a bad key file or a missing solc costs no gas.
            var real = parse.GetValue(verifyingKey) is { } keyFile ? GeneratedVerifier.FromKeyFile(keyFile) : null;
            var options = new DeployOptions
            {
                GenesisStateRoot = Hash256.Parse(parse.GetValue(genesis)!),
                L2ChainId = parse.GetValue(chainId),
                Sequencer = ParseAddress(parse.GetValue(sequencer), "--sequencer"),
                Prover = ParseAddress(parse.GetValue(prover), "--prover"),
                ExistingVerifier = ParseAddress(parse.GetValue(verifier), "--verifier"),
                RealVerifier = real,
            };
            using var client = new EthClient(parse.GetValue(rpc)!);
            var sender = await TransactionSender.CreateAsync(client, deployerKey, cancel);
            var deployment = await RollupDeployer.DeployAsync(sender, options, cancel);
            string path = parse.GetValue(output)!;
            deployment.Save(path);

            stdout.WriteLine($"Deployed on chain {deployment.L1ChainId} in block {deployment.DeployedAtBlock}:");
            stdout.WriteLine($"  rollup      {deployment.Rollup}");
            stdout.WriteLine($"  verifier    {deployment.Verifier.Address} ({deployment.Verifier.Contract}{(deployment.Verifier.VerifyingKeyDigest is { } d ? $", verifying key {d}" : "")})");
            stdout.WriteLine($"  owner       {deployment.Owner}");
            stdout.WriteLine($"  sequencer   {deployment.Sequencer}");
            stdout.WriteLine($"  prover      {deployment.Prover}");
            stdout.WriteLine($"  genesis     {deployment.GenesisStateRoot}");
            stdout.WriteLine($"  L2 chain id {deployment.L2ChainId}");
            stdout.WriteLine($"Wrote {path}");
            if (deployment.Verifier.Warning is { } warning) stderr.WriteLine($"warning: {warning}");
            if (options.GenesisStateRoot == Hash256.Zero) stderr.WriteLine("warning: the genesis state root is zero (no --genesis-root given)");
            return 0;
        }));
        return command;
    }

    private static Address? ParseAddress(string? text, string option)
    {
        if (text is null) return null;
        return Address.TryParse(text, out var address) ? address : throw new ArgumentException($"{option}: '{text}' is not a 20-byte hex address");
    }
}
