using System.Net.Sockets;
using System.Text.RegularExpressions;
using Rollup.Core.Encoding;
using Rollup.Sequencer.Tests.Support;

namespace Rollup.Sequencer.Tests;

/// <summary>`rollup node --dev` as `make run` starts it: anvil comes up beside the node with the rollup contracts
/// deployed for the node's genesis, the printed connection details work in cast, a batch reaches the contract, and
/// anvil is gone once the node stops. `--no-l1` starts no L1.</summary>
public sealed partial class DevL1Tests
{
    [Fact]
    public async Task Dev_node_brings_up_an_L1_and_commits_batches_to_it()
    {
        var (node, url) = await NodeProcess.Start("--dev", "--port", "0", "--block-time", "0", "--batch-max-blocks", "1");
        using var _ = node;
        await Wait.Until(() => Task.FromResult(SequencerLine().IsMatch(node.Output)), 60_000);
        string l1 = RpcUrlLine().Match(node.Output).Groups[1].Value;
        string rollup = RollupLine().Match(node.Output).Groups[1].Value;
        string alice = TestNode.Keys[0].Address.ToString();

        Assert.Equal("31337", await Cast("chain-id", "--rpc-url", l1));
        Assert.Equal("901", await Cast("call", "--rpc-url", l1, rollup, "l2ChainId()(uint64)"));
        Assert.Equal("10000000000000000000000", await Cast("balance", "--rpc-url", l1, alice));
        // The contract starts from the L2 genesis state root.
        using var rpc = new RpcClient(url);
        var genesisRoot = (await rpc.Call("eth_getBlockByNumber", "0x0", false)).GetProperty("stateRoot").GetString();
        Assert.Equal(genesisRoot, await Cast("call", "--rpc-url", l1, rollup, "stateRoots(uint64)(bytes32)", "0"));

        await Cast("send", "--rpc-url", url.ToString(), "--private-key", Hex.ToHex(TestNode.Keys[0].ToBytes()), TestNode.Keys[1].Address.ToString(), "--value", "1");
        await Wait.Until(async () => await Cast("call", "--rpc-url", l1, rollup, "lastCommittedBatch()(uint64)") == "1", 60_000);
        Assert.Equal("0", await Cast("call", "--rpc-url", l1, rollup, "lastFinalizedBatch()(uint64)"));

        Assert.Equal(0, node.Terminate());
        var port = new Uri(l1).Port;
        await Wait.Until(() => Task.FromResult(!Listening(port)), 10_000);
    }

    [Fact]
    public async Task No_l1_starts_no_anvil()
    {
        var (node, url) = await NodeProcess.Start("--dev", "--port", "0", "--no-l1");
        using var _ = node;
        using var rpc = new RpcClient(url);
        Assert.Equal("0x385", await rpc.CallString("eth_chainId"));
        Assert.DoesNotContain("L1 (anvil", node.Output);
        Assert.Equal(0, node.Terminate());
    }

    private static bool Listening(int port)
    {
        try
        {
            using var client = new TcpClient();
            client.Connect("127.0.0.1", port);
            return true;
        }
        catch (SocketException) { return false; }
    }

    private static async Task<string> Cast(params string[] args)
    {
        var r = await JsTools.Run(JsTools.Cast, args);
        Assert.True(r.ExitCode == 0, $"cast {string.Join(' ', args)} failed:\n{r.Stdout}\n{r.Stderr}");
        return r.Stdout.Trim();
    }

    [GeneratedRegex(@"RPC URL:\s+(http://\S+)")]
    private static partial Regex RpcUrlLine();

    [GeneratedRegex(@"Rollup:\s+(0x[0-9a-fA-F]{40})")]
    private static partial Regex RollupLine();

    [GeneratedRegex(@"Sequencer: 0x")]
    private static partial Regex SequencerLine();
}
