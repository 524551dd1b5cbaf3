using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Rollup.Core.Encoding;
using Rollup.Core.Types;
using Rollup.L1.Batches;
using Rollup.L1.Contracts;
using Rollup.L1.Deployment;
using Rollup.L1.Tests.Support;

namespace Rollup.L1.Tests.Cli;

/// <summary>`rollup l1 deploy` and `rollup l1 status` run through the program's own parser against anvil: the same
/// command lines an operator types for a testnet, with another URL and key.</summary>
public sealed class L1CommandTests(AnvilFixture anvil) : IClassFixture<AnvilFixture>, IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("rollup-l1-cli-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static (int Exit, string Out, string Err) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        int exit = Rollup.Cli.Program.Run(args, output, error);
        return (exit, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task Deploy_then_status()
    {
        var deployer = await anvil.Node.NewAccountAsync();
        string file = Path.Combine(_dir, "deployment.json");
        var genesis = RollupTestbed.Root(0);

        var (exit, stdout, stderr) = Run("l1", "deploy", "--rpc", anvil.Node.Url, "--key", Hex.ToHex(deployer.Key.ToBytes()),
            "--genesis-root", genesis.ToString(), "--out", file);
        Assert.True(exit == 0, stderr);
        var deployment = DeploymentFile.Load(file);
        Assert.Contains(deployment.Rollup, stdout);
        Assert.Contains(deployment.Verifier.Address, stdout);
        Assert.Equal(AnvilNode.ChainId, deployment.L1ChainId);
        Assert.Equal(L2Defaults.ChainId, deployment.L2ChainId);
        Assert.Equal(genesis.ToString(), deployment.GenesisStateRoot);
        Assert.Equal(deployer.Address.ToString(), deployment.Sequencer);
        Assert.Equal(ContractNames.InsecureDigestVerifier, deployment.Verifier.Contract);
        Assert.False(deployment.Verifier.IsRealVerifier);
        Assert.Contains("NOT A REAL VERIFIER", stderr);
        Assert.Contains("\"isRealVerifier\": false", File.ReadAllText(file));

        // Drive the deployed rollup through the library, then read it back with the command.
        var rollup = new RollupContract(anvil.Node.Client, Address.Parse(deployment.Rollup));
        var b1 = await rollup.CommitBatchAsync(deployer, 1, BatchHashing.GenesisBatchHash, [1]);
        var b2 = await rollup.CommitBatchAsync(deployer, 2, b1.BatchHash, [2]);
        var root1 = RollupTestbed.Root(1);
        var proof = InsecureDigestProof.For(BatchPublicInputs.Encode(genesis, root1, b1.DataHash, deployment.L2ChainId));
        await rollup.FinalizeBatchAsync(deployer, 1, root1, proof);

        (exit, stdout, stderr) = Run("l1", "status", "--rpc", anvil.Node.Url, "--deployment", file);
        Assert.True(exit == 0, stderr);
        Assert.Contains("last committed batch 2", stdout);
        Assert.Contains($"last finalized batch 1, state root {root1}", stdout);
        Assert.Contains("NOT A REAL VERIFIER", stdout);
        Assert.Contains(b2.BatchHash.ToString(), stdout);

        (exit, stdout, stderr) = Run("l1", "status", "--rpc", anvil.Node.Url, "--deployment", file, "--json");
        Assert.True(exit == 0, stderr);
        using var json = JsonDocument.Parse(stdout);
        var batches = json.RootElement.GetProperty("batches").EnumerateArray().ToArray();
        Assert.Equal(3, batches.Length);
        Assert.Equal(root1.ToString(), batches[1].GetProperty("stateRoot").GetString());
        Assert.Equal("committed", batches[2].GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, batches[2].GetProperty("stateRoot").ValueKind);
        Assert.False(json.RootElement.GetProperty("verifier").GetProperty("isRealVerifier").GetBoolean());
    }

    [Fact]
    public void A_bad_RPC_URL_is_named()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        int port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        string url = $"http://127.0.0.1:{port}";
        var key = Hex.ToHex(Rollup.Core.Crypto.PrivateKey.Generate().ToBytes());

        var (exit, _, stderr) = Run("l1", "deploy", "--rpc", url, "--key", key, "--out", Path.Combine(_dir, "d.json"));
        Assert.Equal(1, exit);
        Assert.StartsWith($"error: cannot reach the L1 node at {url}", stderr);
        Assert.Contains("connection refused", stderr);
        Assert.False(File.Exists(Path.Combine(_dir, "d.json")));
    }

    [Fact]
    public async Task An_unfunded_key_is_told_it_has_no_funds()
    {
        var broke = await anvil.Node.NewAccountAsync(ether: 0);
        var (exit, _, stderr) = Run("l1", "deploy", "--rpc", anvil.Node.Url, "--key", Hex.ToHex(broke.Key.ToBytes()), "--out", Path.Combine(_dir, "d.json"));
        Assert.Equal(1, exit);
        Assert.Contains($"error: account {broke.Address} has 0 ETH on chain {AnvilNode.ChainId}", stderr);
    }

    [Fact]
    public void A_malformed_key_is_refused_without_echoing_it()
    {
        string secretish = "0x" + new string('f', 64); // ≥ n: not a valid key
        var (exit, _, stderr) = Run("l1", "deploy", "--rpc", "http://127.0.0.1:1", "--key", secretish);
        Assert.Equal(1, exit);
        Assert.Contains("error: the key is not a secp256k1 private key", stderr);
        Assert.DoesNotContain(secretish[2..], stderr);
    }

    [Fact]
    public async Task Status_names_a_missing_file_or_the_wrong_chain()
    {
        var (exit, _, stderr) = Run("l1", "status", "--rpc", anvil.Node.Url, "--deployment", Path.Combine(_dir, "none.json"));
        Assert.Equal(1, exit);
        Assert.Contains("no deployment file at", stderr);

        var bed = await RollupTestbed.DeployAsync(anvil.Node);
        string wrongChain = Path.Combine(_dir, "wrong-chain.json");
        (bed.Deployment with { L1ChainId = 11155111 }).Save(wrongChain);
        (exit, _, stderr) = Run("l1", "status", "--rpc", anvil.Node.Url, "--deployment", wrongChain);
        Assert.Equal(1, exit);
        Assert.Contains($"the deployment file is for chain 11155111, but {anvil.Node.Url}/ serves chain {AnvilNode.ChainId}", stderr);

        string noContract = Path.Combine(_dir, "no-contract.json");
        (bed.Deployment with { Rollup = bed.User.Address.ToString() }).Save(noContract);
        (exit, _, stderr) = Run("l1", "status", "--rpc", anvil.Node.Url, "--deployment", noContract);
        Assert.Equal(1, exit);
        Assert.Contains($"there is no contract at {bed.User.Address}", stderr);
    }
}
