using System.Text.Json;
using System.Text.Json.Nodes;
using Rollup.Core.Encoding;
using Rollup.Core.Types;
using Rollup.Evm.State;

namespace Rollup.Sequencer.Tests.Support;

/// <summary>js/smt-reference.mjs: the state tree written again from docs/state-tree.md in JavaScript on circomlibjs's
/// Poseidon. The independent check of the node's state roots and of the proofs eth_getProof serves.</summary>
public static class SmtReference
{
    private static string Script => Path.Combine(JsTools.JsDir, "smt-reference.mjs");

    /// <summary>The root of a whole state.</summary>
    public static async Task<Hash256> Root(InMemoryStateSource state)
    {
        var accounts = new JsonArray();
        foreach (var (address, account) in state.Accounts)
        {
            var storage = new JsonArray();
            foreach (var (slot, value) in state.StorageOf(address))
                storage.Add(new JsonArray(Hex.ToHex(slot.ToBigEndian()), Hex.ToHex(value.ToBigEndian())));
            accounts.Add(new JsonObject
            {
                ["address"] = address.ToString(), ["nonce"] = account.Nonce.ToString(), ["balance"] = Hex.ToHex(account.Balance.ToBigEndian()),
                ["codeHash"] = account.CodeHash.ToString(), ["code"] = Hex.ToHex(state.GetCode(account.CodeHash)), ["storage"] = storage,
            });
        }
        var output = await Run("state", new JsonObject { ["accounts"] = accounts });
        return Hash256.Parse(output.RootElement.GetProperty("root").GetString()!);
    }

    /// <summary>Checks eth_getProof results against state roots, all in one run of the script: for each, null when
    /// valid, else the reason.</summary>
    public static async Task<List<string?>> VerifyProofs(IEnumerable<(string Root, JsonNode Proof)> proofs)
    {
        var input = new JsonArray([.. proofs.Select(p => (JsonNode)new JsonObject { ["root"] = p.Root, ["proof"] = p.Proof.DeepClone() })]);
        var output = await Run("proof", input);
        return [.. output.RootElement.EnumerateArray().Select(v => v.GetProperty("valid").GetBoolean() ? null : v.GetProperty("reason").GetString())];
    }

    private static async Task<JsonDocument> Run(string mode, JsonNode input)
    {
        var result = await JsTools.Run("node", [Script, mode], input.ToJsonString());
        if (result.ExitCode != 0) throw new InvalidOperationException($"smt-reference.mjs {mode} failed: {result.Stderr}");
        return JsonDocument.Parse(result.Stdout);
    }
}
