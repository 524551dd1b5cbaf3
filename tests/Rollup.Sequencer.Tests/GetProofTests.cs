using System.Text.Json.Nodes;
using Rollup.Core.Encoding;
using Rollup.Sequencer.Tests.Support;

namespace Rollup.Sequencer.Tests;

/// <summary>eth_getProof through ethers against a running node, each proof checked by js/smt-reference.mjs (the tree
/// and its verification written again in JavaScript on circomlibjs's Poseidon) against the block header's state
/// root, and its claims compared with what ethers reads through eth_getBalance/getTransactionCount/getCode/getStorageAt.
/// Tampered proofs must be rejected by that same reference.</summary>
public sealed class GetProofTests
{
    [Fact]
    public async Task Proofs_from_ethers_verify_with_the_JavaScript_reference()
    {
        await using var node = await TestNode.Start();
        var artifact = await JsTools.WriteArtifact(node.DataDir + "-artifacts");
        JsonNode output;
        try
        {
            var result = await JsTools.Run("node", [Path.Combine(JsTools.TestDir, "js", "get-proof.cjs"), node.Url.ToString(), artifact,
                Hex.ToHex(TestNode.Keys[0].ToBytes()), Hex.ToHex(TestNode.Keys[1].ToBytes())]);
            Assert.True(result.ExitCode == 0, $"ethers script failed:\n{result.Stdout}\n{result.Stderr}");
            output = JsonNode.Parse(result.Stdout)!;
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(artifact)!, true);
        }

        var cases = output["cases"]!.AsArray().ToDictionary(c => c!["name"]!.GetValue<string>(), c => c!);
        foreach (var (name, c) in cases)
        {
            var proof = c["proof"]!;
            var expected = c["expected"]!;
            Assert.Equal(expected["balance"]!.GetValue<string>(), proof["balance"]!.GetValue<string>());
            Assert.Equal(expected["nonce"]!.GetValue<string>(), proof["nonce"]!.GetValue<string>());
            Assert.Equal(expected["codeHash"]!.GetValue<string>(), proof["codeHash"]!.GetValue<string>());
            foreach (var slot in proof["storageProof"]!.AsArray())
                Assert.Equal(expected["storage"]![slot!["key"]!.GetValue<string>()]!.GetValue<string>(), slot["value"]!.GetValue<string>());
        }

        // The token's balances differ between the deploy block and the head, and both proofs hold at their own root.
        var atHead = cases["token"]["proof"]!["storageProof"]![2]!["value"]!.GetValue<string>();
        var atDeploy = cases["token-at-deploy"]["proof"]!["storageProof"]![2]!["value"]!.GetValue<string>();
        Assert.Equal("0x22b1c8c1227a0000", atHead);   // 2.5 tokens, 18 decimals, moved to bob after the deploy
        Assert.Equal("0x0", atDeploy);
        Assert.Equal("leaf", cases["alice"]["proof"]!["accountTerminal"]!["kind"]!.GetValue<string>());
        Assert.Equal("0x0", cases["nobody"]["proof"]!["balance"]!.GetValue<string>());

        // Every proof verifies at its block's root; the reference rejects what the proofs do not show.
        string Root(string name) => cases[name]["root"]!.GetValue<string>();
        JsonNode Tampered(string name, Action<JsonNode> tamper)
        {
            var copy = cases[name]["proof"]!.DeepClone();
            tamper(copy);
            return copy;
        }
        var valid = cases.Keys.Select(name => (Root(name), cases[name]["proof"]!)).ToList();
        var invalid = new List<(string, JsonNode)>
        {
            (Root("token"), Tampered("token", p => p["balance"] = "0x1")),
            (Root("token"), Tampered("token", p => p["storageProof"]![1]!["value"] = "0x1")),
            (Root("token"), Tampered("token", p => p["storageProof"]![3]!["value"] = "0x1")),   // an absent slot claimed set
            (Root("token"), Tampered("token", p => p["accountProof"]![0] = "0x" + new string('0', 63) + "1")),
            (Root("token-at-deploy"), cases["token"]["proof"]!),   // another block's root
            (Root("nobody"), Tampered("nobody", p => p["balance"] = "0x5")),
        };
        var verdicts = await SmtReference.VerifyProofs([.. valid, .. invalid]);
        for (int i = 0; i < valid.Count; i++) Assert.True(verdicts[i] is null, $"{cases.Keys.ElementAt(i)}: {verdicts[i]}");
        for (int i = valid.Count; i < verdicts.Count; i++) Assert.True(verdicts[i] is not null, $"tampered proof {i - valid.Count} was accepted");
    }

    [Fact]
    public async Task Bad_parameters_are_clear_errors()
    {
        await using var node = await TestNode.Start();
        string alice = TestNode.Keys[0].Address.ToString();
        var notArray = await Assert.ThrowsAsync<RpcError>(() => node.Rpc.Call("eth_getProof", alice, "0x1", "latest"));
        Assert.Equal(-32602, notArray.Code);
        Assert.Equal("invalid argument 1: json: cannot unmarshal string into Go value of type []string", notArray.RpcMessage);
        var longKey = await Assert.ThrowsAsync<RpcError>(() => node.Rpc.Call("eth_getProof", alice, new[] { "0x" + new string('1', 66) }, "latest"));
        Assert.Equal("invalid argument 1: hex string too long, want at most 32 bytes", longKey.RpcMessage);
        var tooMany = await Assert.ThrowsAsync<RpcError>(() => node.Rpc.Call("eth_getProof", alice, Enumerable.Repeat("0x1", 1025).ToArray(), "latest"));
        Assert.Equal("invalid argument 1: too many storage keys, want at most 1024", tooMany.RpcMessage);
        var noBlock = await Assert.ThrowsAsync<RpcError>(() => node.Rpc.Call("eth_getProof", alice, Array.Empty<string>(), "0x99"));
        Assert.Equal("header not found", noBlock.RpcMessage);
        // The node still serves.
        Assert.Equal("0x0", (await node.Rpc.Call("eth_getProof", alice, Array.Empty<string>(), "latest")).GetProperty("nonce").GetString());
    }
}
