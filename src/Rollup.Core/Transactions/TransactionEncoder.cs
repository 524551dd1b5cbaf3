using Rollup.Core.Crypto;
using Rollup.Core.Rlp;
using Rollup.Core.Types;

namespace Rollup.Core.Transactions;

/// <summary>The canonical encodings of a transaction: the network form (what is hashed for the transaction hash and
/// sent with eth_sendRawTransaction) and the signing payload (what the sender signs).</summary>
public static class TransactionEncoder
{
    /// <summary>Legacy: rlp([nonce, gasPrice, gas, to, value, data, v, r, s]). Typed: type ‖ rlp([...]) (EIP-2718).</summary>
    public static byte[] Encode(Transaction tx)
    {
        using var w = new RlpWriter();
        if (tx.Type != TxType.Legacy) w.WriteRaw([(byte)tx.Type]);
        int list = w.StartList();
        WriteFields(w, tx);
        w.WriteUInt256(tx.V);
        w.WriteUInt256(tx.R);
        w.WriteUInt256(tx.S);
        w.EndList(list);
        return w.ToArray();
    }

    /// <summary>The hash the sender signs. Legacy without a chain id: the six fields; with one (EIP-155): the six fields
    /// then chainId, 0, 0. Typed: type ‖ rlp(fields without the signature).</summary>
    public static Hash256 SigningHash(Transaction tx)
    {
        using var w = new RlpWriter();
        if (tx.Type != TxType.Legacy) w.WriteRaw([(byte)tx.Type]);
        int list = w.StartList();
        WriteFields(w, tx);
        if (tx.Type == TxType.Legacy && tx.ChainId is { } chainId)
        {
            w.WriteUInt256(chainId);
            w.WriteUInt64(0);
            w.WriteUInt64(0);
        }
        w.EndList(list);
        return Keccak256.Hash(w.WrittenSpan);
    }

    /// <summary>Every field except the signature, in the type's order.</summary>
    private static void WriteFields(RlpWriter w, Transaction tx)
    {
        if (tx.Type != TxType.Legacy) w.WriteUInt256(tx.ChainId ?? default);
        w.WriteUInt64(tx.Nonce);
        if (tx.Type is TxType.Legacy or TxType.AccessList)
        {
            w.WriteUInt256(tx.GasPrice);
        }
        else
        {
            w.WriteUInt256(tx.MaxPriorityFeePerGas);
            w.WriteUInt256(tx.MaxFeePerGas);
        }
        w.WriteUInt64(tx.GasLimit);
        if (tx.To is { } to) w.WriteBytes(to.Bytes); else w.WriteBytes([]);
        w.WriteUInt256(tx.Value);
        w.WriteBytes(tx.Data);
        if (tx.Type == TxType.Legacy) return;

        int accessList = w.StartList();
        foreach (var entry in tx.AccessList)
        {
            int item = w.StartList();
            w.WriteBytes(entry.Address.Bytes);
            int keys = w.StartList();
            foreach (var key in entry.StorageKeys) w.WriteBytes(key.Bytes);
            w.EndList(keys);
            w.EndList(item);
        }
        w.EndList(accessList);

        if (tx.Type == TxType.Blob)
        {
            w.WriteUInt256(tx.MaxFeePerBlobGas);
            int hashes = w.StartList();
            foreach (var h in tx.BlobVersionedHashes) w.WriteBytes(h.Bytes);
            w.EndList(hashes);
        }
    }
}
