using System.Text;
using System.Text.Json;
using Rollup.Core.Encoding;
using Rollup.Core.Types;
using Rollup.Crypto.Kzg;
using Rollup.L1.Batches;
using Rollup.L1.Contracts;
using Rollup.L1.Deployment;
using Rollup.L1.Proofs;
using Rollup.L1.Tests.Support;
using Rollup.Plonk.Keys;

namespace Rollup.L1.Tests.Cli;

/// <summary>Deploying a real verifier through the program's own parser, as an operator would: `rollup l1 verifying-key`
/// writes the key file, `rollup l1 deploy --verifying-key` generates, compiles and deploys its verifier behind a new
/// rollup; a proof made with that key then finalizes a batch and a proof with a flipped byte reverts.</summary>
public sealed class RealVerifierCommandTests(AnvilFixture anvil) : IClassFixture<AnvilFixture>, IDisposable
{
    private const string Seed = "rollup cli test seed";
    private readonly string _dir = Directory.CreateTempSubdirectory("rollup-l1-vk-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static (int Exit, string Out, string Err) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        int exit = Rollup.Cli.Program.Run(args, output, error);
        return (exit, output.ToString(), error.ToString());
    }

    /// <summary>The README's testnet commands, word for word but for the URL, the key and the genesis root: the key in
    /// $ROLLUP_L1_KEY, the SRS from a powers-of-tau file (made here with snarkjs, as a ceremony would).</summary>
    [Fact]
    public async Task Deploy_with_a_verifying_key_then_finalize_with_a_real_proof()
    {
        string ptau = Path.Combine(_dir, "ceremony.ptau"), vkFile = Path.Combine(_dir, "batch-vk.json"), file = Path.Combine(_dir, "sepolia.json");
        JsTools.Node(JsTools.Snarkjs, "powersoftau", "new", "bn128", BatchStatementCircuit.K.ToString(), Path.Combine(_dir, "0.ptau"));
        JsTools.Node(JsTools.Snarkjs, "powersoftau", "contribute", Path.Combine(_dir, "0.ptau"), ptau, "--name=test", "-e=rollup cli test entropy");

        var (exit, stdout, stderr) = Run("l1", "verifying-key", "--ptau", ptau, "--out", vkFile);
        Assert.True(exit == 0, stderr);
        Assert.DoesNotContain("INSECURE", stderr);
        // The prover's key, made independently of the command from the same circuit and ceremony file.
        var pk = BatchStatementCircuit.Keys(PtauFile.Load(ptau, 1 << BatchStatementCircuit.K));
        string digest = "0x" + Convert.ToHexStringLower(pk.Vk.Digest);
        Assert.Contains(digest, stdout);
        Assert.Equal(pk.Vk.Digest, VerifyingKeyFile.Load(vkFile).Key.Digest);

        var deployer = await anvil.Node.NewAccountAsync();
        var genesis = RollupTestbed.Root(0);
        Environment.SetEnvironmentVariable(Rollup.Cli.Commands.L1Command.KeyVariable, Hex.ToHex(deployer.Key.ToBytes()));
        try
        {
            (exit, stdout, stderr) = Run("l1", "deploy", "--rpc", anvil.Node.Url, "--genesis-root", genesis.ToString(), "--verifying-key", vkFile, "--out", file);
        }
        finally
        {
            Environment.SetEnvironmentVariable(Rollup.Cli.Commands.L1Command.KeyVariable, null);
        }
        Assert.True(exit == 0, stderr);
        Assert.DoesNotContain("NOT A REAL VERIFIER", stderr);
        var deployment = DeploymentFile.Load(file);
        Assert.Equal(deployer.Address.ToString(), deployment.Owner);
        Assert.True(deployment.Verifier.IsRealVerifier);
        Assert.Equal(GeneratedVerifier.ContractName, deployment.Verifier.Contract);
        Assert.Equal(digest, deployment.Verifier.VerifyingKeyDigest);
        Assert.Contains("\"isRealVerifier\": true", File.ReadAllText(file));
        Assert.Contains(deployment.Verifier.Address, stdout);
        var rollup = new RollupContract(anvil.Node.Client, Address.Parse(deployment.Rollup));
        Assert.Equal(Address.Parse(deployment.Verifier.Address), await rollup.VerifierAsync());

        var b1 = await rollup.CommitBatchAsync(deployer, 1, BatchHashing.GenesisBatchHash, RollupTestbed.Data(1));
        var root = RollupTestbed.Root(1);
        var proof = BatchStatementCircuit.Prove(pk, BatchPublicInputs.Encode(genesis, root, b1.DataHash, deployment.L2ChainId));
        var flipped = (byte[])proof.Clone();
        flipped[100] ^= 0x01;
        await RollupTestbed.AssertRevertsAsync(() => rollup.FinalizeBatchAsync(deployer, 1, root, flipped), "InvalidProof");
        await rollup.FinalizeBatchAsync(deployer, 1, root, proof);
        Assert.Equal(root, await rollup.StateRootAsync(1));

        (exit, stdout, stderr) = Run("l1", "status", "--rpc", anvil.Node.Url, "--deployment", file, "--json");
        Assert.True(exit == 0, stderr);
        using var json = JsonDocument.Parse(stdout);
        Assert.True(json.RootElement.GetProperty("verifier").GetProperty("isRealVerifier").GetBoolean());
        Assert.Equal(1, json.RootElement.GetProperty("lastFinalizedBatch").GetInt32());
    }

    [Fact]
    public async Task A_running_rollup_moves_from_the_stand_in_to_a_real_verifier()
    {
        string vkFile = Path.Combine(_dir, "vk.json"), file = Path.Combine(_dir, "deployment.json");
        Assert.Equal(0, Run("l1", "verifying-key", "--insecure-srs-seed", Seed, "--out", vkFile).Exit);
        var owner = await anvil.Node.NewAccountAsync();
        var (exit, _, stderr) = Run("l1", "deploy", "--rpc", anvil.Node.Url, "--key", Hex.ToHex(owner.Key.ToBytes()), "--out", file);
        Assert.True(exit == 0, stderr);
        var standIn = DeploymentFile.Load(file);
        Assert.False(standIn.Verifier.IsRealVerifier);

        // Only the owner may switch; a stranger is refused before anything is deployed.
        var stranger = await anvil.Node.NewAccountAsync();
        (exit, _, stderr) = Run("l1", "deploy-verifier", "--rpc", anvil.Node.Url, "--key", Hex.ToHex(stranger.Key.ToBytes()),
            "--verifying-key", vkFile, "--deployment", file);
        Assert.Equal(1, exit);
        Assert.Contains($"error: account {stranger.Address} is not the owner of rollup {standIn.Rollup} ({owner.Address} is)", stderr);
        Assert.Equal(0UL, await anvil.Node.Client.GetTransactionCountAsync(stranger.Address));

        (exit, var stdout, stderr) = Run("l1", "deploy-verifier", "--rpc", anvil.Node.Url, "--key", Hex.ToHex(owner.Key.ToBytes()),
            "--verifying-key", vkFile, "--deployment", file);
        Assert.True(exit == 0, stderr);
        var switched = DeploymentFile.Load(file);
        Assert.True(switched.Verifier.IsRealVerifier);
        Assert.Contains(switched.Verifier.Address, stdout);
        Assert.Contains($"it was {standIn.Verifier.Address}", stdout);
        var rollup = new RollupContract(anvil.Node.Client, Address.Parse(switched.Rollup));
        Assert.Equal(Address.Parse(switched.Verifier.Address), await rollup.VerifierAsync());

        var b1 = await rollup.CommitBatchAsync(owner, 1, BatchHashing.GenesisBatchHash, RollupTestbed.Data(1));
        var root = RollupTestbed.Root(1);
        var inputs = BatchPublicInputs.Encode(Hash256.Zero, root, b1.DataHash, switched.L2ChainId);
        // The stand-in's "proof" no longer finalizes; a real one does.
        await RollupTestbed.AssertRevertsAsync(() => rollup.FinalizeBatchAsync(owner, 1, root, InsecureDigestProof.For(inputs)), "InvalidProof");
        var pk = BatchStatementCircuit.Keys(Srs.InsecureFromSeed(1 << BatchStatementCircuit.K, Encoding.UTF8.GetBytes(Seed)));
        await rollup.FinalizeBatchAsync(owner, 1, root, BatchStatementCircuit.Prove(pk, inputs));
        (exit, stdout, stderr) = Run("l1", "status", "--rpc", anvil.Node.Url, "--deployment", file);
        Assert.True(exit == 0, stderr);
        Assert.DoesNotContain("NOT A REAL VERIFIER", stdout);
        Assert.Contains($"last finalized batch 1, state root {root}", stdout);
    }

    [Fact]
    public async Task Bad_key_files_and_options_are_refused_before_anything_is_sent()
    {
        var deployer = await anvil.Node.NewAccountAsync();
        string key = Hex.ToHex(deployer.Key.ToBytes());
        string vkFile = Path.Combine(_dir, "vk.json");
        Assert.Equal(0, Run("l1", "verifying-key", "--insecure-srs-seed", Seed, "--out", vkFile).Exit);

        var (exit, _, stderr) = Run("l1", "deploy", "--rpc", anvil.Node.Url, "--key", key, "--verifying-key", Path.Combine(_dir, "none.json"));
        Assert.Equal(1, exit);
        Assert.Contains($"error: --verifying-key {Path.Combine(_dir, "none.json")}: no verifying key file at", stderr);

        string altered = Path.Combine(_dir, "altered.json");
        File.WriteAllText(altered, File.ReadAllText(vkFile).Replace("\"k\": 4", "\"k\": 5"));
        (exit, _, stderr) = Run("l1", "deploy", "--rpc", anvil.Node.Url, "--key", key, "--verifying-key", altered);
        Assert.Equal(1, exit);
        Assert.Contains("the file was altered or is damaged", stderr);

        (exit, _, stderr) = Run("l1", "deploy", "--rpc", anvil.Node.Url, "--key", key, "--verifying-key", vkFile, "--verifier", deployer.Address.ToString());
        Assert.Equal(1, exit);
        Assert.Contains("error: --verifier and --verifying-key exclude each other", stderr);
        Assert.Equal(0UL, await anvil.Node.Client.GetTransactionCountAsync(deployer.Address));

        (exit, _, stderr) = Run("l1", "verifying-key", "--out", Path.Combine(_dir, "x.json"));
        Assert.Equal(1, exit);
        Assert.Contains("error: give exactly one of --ptau FILE", stderr);
        (exit, _, stderr) = Run("l1", "verifying-key", "--circuit", "zkevm", "--insecure-srs-seed", "s", "--out", Path.Combine(_dir, "x.json"));
        Assert.Equal(1, exit);
        Assert.Contains("error: --circuit: unknown circuit 'zkevm'", stderr);
    }

    [Fact]
    public void Missing_node_or_solc_is_named()
    {
        var e = Assert.Throws<L1Exception>(() => SolcJs.Compile("contract A {}", "A", SolcJs.FindJsDirectory(), node: "/nonexistent/node"));
        Assert.Contains("cannot run '/nonexistent/node'", e.Message);
        Assert.Contains("Node 20", e.Message);
        var empty = Directory.CreateDirectory(Path.Combine(_dir, "js")).FullName;
        File.WriteAllText(Path.Combine(empty, "solc-compile.mjs"), "");
        e = Assert.Throws<L1Exception>(() => SolcJs.Compile("contract A {}", "A", empty));
        Assert.Contains("solc is not installed", e.Message);
        Assert.Contains("scripts/js-setup.sh", e.Message);
    }
}
