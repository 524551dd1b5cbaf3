using Rollup.Core.Encoding;
using Rollup.Sequencer.Tests.Support;

namespace Rollup.Sequencer.Tests;

/// <summary>Real Ethereum clients against a node started for the test: ethers v6 (deploy an ERC-20 compiled by solc,
/// transfer, balances, receipts, logs, a revert, newHeads over WebSocket) and cast (send, create, call).</summary>
public sealed class RealClientTests
{
    [Fact]
    public async Task Ethers_deploys_and_uses_an_erc20()
    {
        await using var node = await TestNode.Start();
        var artifact = await JsTools.WriteArtifact(node.DataDir + "-artifacts");
        try
        {
            var result = await JsTools.Run("node", [Path.Combine(JsTools.TestDir, "js", "erc20-client.cjs"), node.Url.ToString(),
                node.WebSocketUrl.ToString(), artifact, Hex.ToHex(TestNode.Keys[0].ToBytes()), Hex.ToHex(TestNode.Keys[1].ToBytes())]);
            Assert.True(result.ExitCode == 0, $"ethers script failed:\n{result.Stdout}\n{result.Stderr}");
            Assert.Contains("\"transfers\":3", result.Stdout);
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(artifact)!, true);
        }
    }

    [Fact]
    public async Task Cast_sends_and_calls()
    {
        await using var node = await TestNode.Start();
        string url = node.Url.ToString();
        string key = Hex.ToHex(TestNode.Keys[0].ToBytes());
        string alice = TestNode.Keys[0].Address.ToString(), bob = TestNode.Keys[1].Address.ToString();

        async Task<string> Cast(params string[] args)
        {
            var r = await JsTools.Run(JsTools.Cast, args);
            Assert.True(r.ExitCode == 0, $"cast {string.Join(' ', args)} failed:\n{r.Stdout}\n{r.Stderr}");
            return r.Stdout.Trim();
        }

        Assert.Equal("901", await Cast("chain-id", "--rpc-url", url));
        var sent = await Cast("send", "--rpc-url", url, "--private-key", key, bob, "--value", "1ether", "--json");
        Assert.Contains("\"status\":\"0x1\"", sent);
        Assert.Equal("10001000000000000000000", await Cast("balance", "--rpc-url", url, bob));

        var (_, bytecode) = await JsTools.TestToken();
        var ctorArgs = await Cast("abi-encode", "constructor(string,string,uint256)", "Cast Token", "CST", "1000");
        var created = await Cast("send", "--rpc-url", url, "--private-key", key, "--json", "--create", bytecode + ctorArgs[2..]);
        var token = System.Text.Json.JsonDocument.Parse(created).RootElement.GetProperty("contractAddress").GetString()!;

        Assert.StartsWith("1000", await Cast("call", "--rpc-url", url, token, "balanceOf(address)(uint256)", alice));
        await Cast("send", "--rpc-url", url, "--private-key", key, token, "transfer(address,uint256)", bob, "7");
        Assert.Equal("7", await Cast("call", "--rpc-url", url, token, "balanceOf(address)(uint256)", bob));
        Assert.Equal("\"CST\"", await Cast("call", "--rpc-url", url, token, "symbol()(string)"));

        var revert = await JsTools.Run(JsTools.Cast, ["call", "--rpc-url", url, "--from", bob, token, "transfer(address,uint256)", alice, "100"]);
        Assert.NotEqual(0, revert.ExitCode);
        Assert.Contains("insufficient balance", revert.Stderr + revert.Stdout);
    }
}
