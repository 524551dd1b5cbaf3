using System.Text.Json.Nodes;
using Rollup.Core.Numerics;
using Rollup.Core.Types;
using Rollup.Crypto.Bn254.Fields;
using Rollup.Evm.State;
using Rollup.State.Leaves;
using Rollup.State.Trie;

namespace Rollup.State.Proofs;

/// <summary>
/// The JSON of <c>eth_getProof</c> on this chain (docs/state-tree.md, "eth_getProof"). Ethereum's field names keep
/// their meaning (address, nonce, balance, codeHash, storageHash, accountProof, storageProof with key, value,
/// proof); the proofs themselves are this tree's: sibling hashes root first, and a terminal node, instead of RLP
/// trie nodes. Quantities are minimal hex ("0x0"), field elements and hashes 32 bytes of hex.
/// </summary>
public static class AccountProofJson
{
    public static JsonObject ToJson(AccountProof proof)
    {
        AccountLeaf? a = proof.Account;
        return new JsonObject
        {
            ["address"] = proof.Address.ToString(),
            ["nonce"] = new UInt256(a?.Nonce ?? 0).ToHexString(),
            ["balance"] = (a?.Balance ?? UInt256.Zero).ToHexString(),
            ["codeHash"] = (a?.CodeHash ?? AccountData.EmptyCodeHash).ToString(),
            ["storageHash"] = (a?.StorageRoot ?? Fr.Zero).ToString(),
            ["poseidonCodeHash"] = (a?.PoseidonCodeHash ?? Fr.Zero).ToString(),
            ["codeSize"] = new UInt256(a?.CodeSize ?? 0).ToHexString(),
            ["accountKey"] = proof.Path.Key.ToString(),
            ["accountProof"] = Siblings(proof.Path),
            ["accountTerminal"] = Terminal(proof.Path),
            ["storageProof"] = new JsonArray([.. proof.Storage.Select(s => (JsonNode)new JsonObject
            {
                ["key"] = Hash(s.Slot),
                ["value"] = s.Value.ToHexString(),
                ["pathKey"] = s.Path.Key.ToString(),
                ["proof"] = Siblings(s.Path),
                ["terminal"] = Terminal(s.Path),
            })]),
        };
    }

    /// <summary>Reads the JSON back (for clients and tests); the account is present when the terminal is a leaf of
    /// the account key. Validity is <see cref="StateProofs.Verify"/>'s to judge.</summary>
    public static AccountProof FromJson(JsonNode json)
    {
        var address = Address.Parse(Str(json, "address"));
        TrieProof path = Path(json, "accountKey", "accountProof", "accountTerminal");
        AccountLeaf? account = path.ProvesPresence
            ? new AccountLeaf(address, U64(Str(json, "nonce")), UInt256.Parse(Str(json, "balance")),
                Hash256.Parse(Str(json, "codeHash")), Field(Str(json, "poseidonCodeHash")), U64(Str(json, "codeSize")),
                Field(Str(json, "storageHash")))
            : null;
        var storage = json["storageProof"]!.AsArray().Select(s => new StorageProof(
            UInt256.Parse(Str(s!, "key")), UInt256.Parse(Str(s!, "value")), Path(s!, "pathKey", "proof", "terminal"))).ToList();
        return new AccountProof(address, account, path, storage);
    }

    private static JsonArray Siblings(TrieProof path) => new([.. path.Siblings.Select(s => (JsonNode)s.ToString())]);

    private static JsonObject Terminal(TrieProof path) => path.Terminal == TerminalKind.Leaf
        ? new JsonObject { ["kind"] = "leaf", ["key"] = path.LeafKey.ToString(), ["valueHash"] = path.LeafValueHash.ToString() }
        : new JsonObject { ["kind"] = "empty" };

    private static TrieProof Path(JsonNode json, string keyName, string siblingsName, string terminalName)
    {
        Fr key = Field(Str(json, keyName));
        Fr[] siblings = [.. json[siblingsName]!.AsArray().Select(s => Field(s!.GetValue<string>()))];
        JsonNode terminal = json[terminalName]!;
        return Str(terminal, "kind") switch
        {
            "leaf" => new TrieProof(key, siblings, TerminalKind.Leaf, Field(Str(terminal, "key")), Field(Str(terminal, "valueHash"))),
            "empty" => new TrieProof(key, siblings, TerminalKind.Empty, Fr.Zero, Fr.Zero),
            var other => throw new FormatException($"unknown terminal kind '{other}'"),
        };
    }

    private static string Hash(in UInt256 word) => Core.Encoding.Hex.ToHex(word.ToBigEndian());

    private static string Str(JsonNode json, string name) =>
        json[name]?.GetValue<string>() ?? throw new FormatException($"proof JSON lacks '{name}'");

    private static ulong U64(string quantity) =>
        UInt256.Parse(quantity) is { FitsInUlong: true } v ? v.U0 : throw new FormatException($"'{quantity}' does not fit 64 bits");

    private static Fr Field(string hex) => StateRoot.FromHash(Hash256.Parse(hex));
}
