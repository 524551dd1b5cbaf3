using System.Text.Json;
using Rollup.Core.Numerics;
using Rollup.Sequencer.Node;
using Rollup.State.Proofs;

namespace Rollup.Sequencer.Rpc.Methods;

/// <summary>eth_getProof(address, storageKeys, block): Ethereum's parameters; the answer is the Poseidon tree's own
/// proof format (docs/state-tree.md §6, docs/node.md), not RLP Merkle-Patricia nodes.</summary>
public static class ProofMethods
{
    /// <summary>Each key costs a storage path of Poseidon-hashed nodes; a bound keeps one call from tying up the node.</summary>
    public const int MaxStorageKeys = 1024;

    public static void Register(RpcMethodTable t, NodeContext node)
    {
        t.Add("eth_getProof", p =>
        {
            p.AtMost(3);
            var address = p.Required(0, RpcParams.Address);
            var slots = p.Required(1, StorageKeys);
            var block = BlockResolver.Require(node, p, 2);
            return AccountProofJson.ToJson(node.State.Prove(block.Number, address, slots));
        });
    }

    private static List<UInt256> StorageKeys(JsonElement e)
    {
        if (e.ValueKind != JsonValueKind.Array)
            throw new FormatException($"json: cannot unmarshal {RpcParams.Kind(e)} into Go value of type []string");
        if (e.GetArrayLength() > MaxStorageKeys) throw new FormatException($"too many storage keys, want at most {MaxStorageKeys}");
        return [.. e.EnumerateArray().Select(k => UInt256.FromBigEndian(StateMethods.SlotBytes(RpcParams.String(k))))];
    }
}
