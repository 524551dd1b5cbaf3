using Rollup.Core.Numerics;
using Rollup.Evm.State;
using Rollup.Sequencer.Node;
using static Rollup.Sequencer.Rpc.RpcHex;

namespace Rollup.Sequencer.Rpc.Methods;

/// <summary>Account reads at a block: eth_getBalance, eth_getTransactionCount ("pending" counts the pool),
/// eth_getCode, eth_getStorageAt.</summary>
public static class StateMethods
{
    public static void Register(RpcMethodTable t, NodeContext node)
    {
        t.Add("eth_getBalance", p =>
        {
            var (state, address) = Read(node, p);
            return Quantity(state.TryGetAccount(address, out var a) ? a.Balance : UInt256.Zero);
        });
        t.Add("eth_getTransactionCount", p =>
        {
            var (state, address) = Read(node, p);
            ulong nonce = state.TryGetAccount(address, out var a) ? a.Nonce : 0;
            bool pending = p.Has(1) && p.Raw(1).ValueKind == System.Text.Json.JsonValueKind.String && p.Raw(1).GetString() == "pending";
            return Quantity(pending ? node.Pool.PendingNonce(address, nonce) : nonce);
        });
        t.Add("eth_getCode", p =>
        {
            var (state, address) = Read(node, p);
            return Data(state.TryGetAccount(address, out var a) ? state.GetCode(a.CodeHash) : []);
        });
        t.Add("eth_getStorageAt", p =>
        {
            p.AtMost(3);
            var address = p.Required(0, RpcParams.Address);
            var slot = p.Required(1, e => UInt256.FromBigEndian(SlotBytes(RpcParams.String(e))));
            var block = BlockResolver.Require(node, p, 2);
            return Data(node.State.At(block.Number).GetStorage(address, slot).ToBigEndian());
        });
    }

    private static (IStateSource State, Core.Types.Address Address) Read(NodeContext node, RpcParams p)
    {
        p.AtMost(2);
        var address = p.Required(0, RpcParams.Address);
        var block = BlockResolver.Require(node, p, 1);
        return (node.State.At(block.Number), address);
    }

    /// <summary>A storage slot as geth takes it: any hex of at most 32 bytes (a quantity or a padded hash).</summary>
    internal static byte[] SlotBytes(string text)
    {
        if (!text.StartsWith("0x", StringComparison.OrdinalIgnoreCase)) throw new FormatException("hex string without 0x prefix");
        var bytes = Core.Encoding.Hex.Parse(text);
        if (bytes.Length > 32) throw new FormatException("hex string too long, want at most 32 bytes");
        return bytes;
    }
}
