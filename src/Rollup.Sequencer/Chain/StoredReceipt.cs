using Rollup.Core.Blocks;
using Rollup.Core.Rlp;
using Rollup.Core.Types;

namespace Rollup.Sequencer.Chain;

/// <summary>A receipt as the node stores it: the consensus receipt plus what JSON-RPC reports beside it and cannot
/// cheaply recompute (the sender, the created contract, the transaction's own gas).</summary>
public sealed record StoredReceipt(Receipt Receipt, Address Sender, Address? ContractAddress, ulong GasUsed)
{
    public static byte[] EncodeList(IReadOnlyList<StoredReceipt> receipts)
    {
        using var w = new RlpWriter(256 * Math.Max(1, receipts.Count));
        int list = w.StartList();
        foreach (var r in receipts)
        {
            int item = w.StartList();
            w.WriteBytes(ReceiptCodec.Encode(r.Receipt));
            w.WriteBytes(r.Sender.Bytes);
            if (r.ContractAddress is { } c) w.WriteBytes(c.Bytes); else w.WriteBytes([]);
            w.WriteUInt64(r.GasUsed);
            w.EndList(item);
        }
        w.EndList(list);
        return w.ToArray();
    }

    public static List<StoredReceipt> DecodeList(ReadOnlySpan<byte> encoded)
    {
        var reader = new RlpReader(encoded);
        var list = reader.ReadList();
        var result = new List<StoredReceipt>();
        while (!list.AtEnd)
        {
            var item = list.ReadList();
            var receipt = ReceiptCodec.Decode(item.ReadBytes());
            var sender = new Address(item.ReadBytes(20));
            var contract = item.ReadBytes();
            ulong gasUsed = item.ReadUInt64();
            result.Add(new StoredReceipt(receipt, sender, contract.Length == 0 ? null : new Address(contract), gasUsed));
        }
        return result;
    }
}
