using System.Text.Json.Nodes;
using Rollup.Core.Blocks;
using Rollup.Core.Chain;
using Rollup.Core.Numerics;
using Rollup.Core.Transactions;
using Rollup.Core.Types;
using Rollup.Sequencer.Chain;
using static Rollup.Sequencer.Rpc.RpcHex;

namespace Rollup.Sequencer.Rpc;

/// <summary>The JSON shapes of blocks, transactions, receipts and logs, field for field as geth returns them.</summary>
public static class RpcJson
{
    public static JsonObject Block(Block block, bool fullTransactions, IReadOnlyList<StoredReceipt>? receipts = null)
    {
        var h = block.Header;
        var txs = new JsonArray();
        for (int i = 0; i < block.Transactions.Count; i++)
        {
            var tx = block.Transactions[i];
            txs.Add(fullTransactions && receipts is not null
                ? Transaction(tx, receipts[i].Sender, block, i)
                : (JsonNode)Data(tx.Hash.Bytes));
        }
        return new JsonObject
        {
            ["number"] = Quantity(h.Number),
            ["hash"] = Data(h.Hash.Bytes),
            ["parentHash"] = Data(h.ParentHash.Bytes),
            ["nonce"] = Data(new byte[8]),
            ["mixHash"] = Data(h.MixHash.Bytes),
            ["sha3Uncles"] = Data(h.OmmersHash.Bytes),
            ["logsBloom"] = Data(h.LogsBloom.Bytes),
            ["transactionsRoot"] = Data(h.TransactionsRoot.Bytes),
            ["stateRoot"] = Data(h.StateRoot.Bytes),
            ["receiptsRoot"] = Data(h.ReceiptsRoot.Bytes),
            ["miner"] = Data(h.Coinbase.Bytes),
            ["difficulty"] = "0x0",
            ["totalDifficulty"] = "0x0",
            ["extraData"] = Data(h.ExtraData),
            ["size"] = Quantity((ulong)BlockCodec.Encode(block).Length),
            ["gasLimit"] = Quantity(h.GasLimit),
            ["gasUsed"] = Quantity(h.GasUsed),
            ["timestamp"] = Quantity(h.Timestamp),
            ["baseFeePerGas"] = Quantity(h.BaseFeePerGas ?? UInt256.Zero),
            ["withdrawalsRoot"] = Data((h.WithdrawalsRoot ?? BlockHeader.EmptyTrieRoot).Bytes),
            ["withdrawals"] = new JsonArray(),
            ["blobGasUsed"] = Quantity(h.BlobGasUsed ?? 0),
            ["excessBlobGas"] = Quantity(h.ExcessBlobGas ?? 0),
            ["parentBeaconBlockRoot"] = Data((h.ParentBeaconBlockRoot ?? Hash256.Zero).Bytes),
            ["transactions"] = txs,
            ["uncles"] = new JsonArray(),
        };
    }

    /// <summary>A transaction, mined (with its block and index) or pending (block fields null).</summary>
    public static JsonObject Transaction(Transaction tx, Address sender, Block? block = null, int index = 0)
    {
        var baseFee = block?.Header.BaseFeePerGas;
        var gasPrice = block is not null && baseFee is { } fee ? tx.EffectiveGasPrice(fee) : tx.MaxFeePerGas;
        var json = new JsonObject
        {
            ["blockHash"] = block is null ? null : Data(block.Hash.Bytes),
            ["blockNumber"] = block is null ? null : Quantity(block.Number),
            ["transactionIndex"] = block is null ? null : Quantity((ulong)index),
            ["hash"] = Data(tx.Hash.Bytes),
            ["type"] = Quantity((ulong)tx.Type),
            ["from"] = Data(sender.Bytes),
            ["to"] = tx.To is { } to ? Data(to.Bytes) : null,
            ["nonce"] = Quantity(tx.Nonce),
            ["gas"] = Quantity(tx.GasLimit),
            ["gasPrice"] = Quantity(gasPrice),
            ["value"] = Quantity(tx.Value),
            ["input"] = Data(tx.Data),
            ["v"] = Quantity(tx.V),
            ["r"] = Quantity(tx.R),
            ["s"] = Quantity(tx.S),
        };
        if (tx.ChainId is { } chainId) json["chainId"] = Quantity(chainId);
        if (tx.Type != TxType.Legacy)
        {
            json["yParity"] = Quantity(tx.V);
            json["accessList"] = AccessList(tx.AccessList);
        }
        if (tx.Type is TxType.DynamicFee or TxType.Blob)
        {
            json["maxFeePerGas"] = Quantity(tx.MaxFeePerGas);
            json["maxPriorityFeePerGas"] = Quantity(tx.MaxPriorityFeePerGas);
        }
        return json;
    }

    public static JsonArray AccessList(IReadOnlyList<AccessListEntry> list)
    {
        var array = new JsonArray();
        foreach (var entry in list)
        {
            var keys = new JsonArray();
            foreach (var k in entry.StorageKeys) keys.Add(Data(k.Bytes));
            array.Add(new JsonObject { ["address"] = Data(entry.Address.Bytes), ["storageKeys"] = keys });
        }
        return array;
    }

    public static JsonObject Receipt(Block block, int index, IReadOnlyList<StoredReceipt> receipts)
    {
        var stored = receipts[index];
        var tx = block.Transactions[index];
        var r = stored.Receipt;
        int firstLog = 0;
        for (int i = 0; i < index; i++) firstLog += receipts[i].Receipt.Logs.Count;
        var logs = new JsonArray();
        for (int i = 0; i < r.Logs.Count; i++) logs.Add(Log(r.Logs[i], block, index, tx.Hash, firstLog + i));
        return new JsonObject
        {
            ["transactionHash"] = Data(tx.Hash.Bytes),
            ["transactionIndex"] = Quantity((ulong)index),
            ["blockHash"] = Data(block.Hash.Bytes),
            ["blockNumber"] = Quantity(block.Number),
            ["from"] = Data(stored.Sender.Bytes),
            ["to"] = tx.To is { } to ? Data(to.Bytes) : null,
            ["cumulativeGasUsed"] = Quantity(r.CumulativeGasUsed),
            ["gasUsed"] = Quantity(stored.GasUsed),
            ["effectiveGasPrice"] = Quantity(tx.EffectiveGasPrice(block.Header.BaseFeePerGas ?? UInt256.Zero)),
            ["contractAddress"] = stored.ContractAddress is { } c ? Data(c.Bytes) : null,
            ["logs"] = logs,
            ["logsBloom"] = Data(r.Bloom.Bytes),
            ["type"] = Quantity((ulong)r.Type),
            ["status"] = r.Success ? "0x1" : "0x0",
        };
    }

    public static JsonObject Log(LogEntry log, Block block, int txIndex, Hash256 txHash, int logIndex)
    {
        var topics = new JsonArray();
        foreach (var t in log.Topics) topics.Add(Data(t.Bytes));
        return new JsonObject
        {
            ["address"] = Data(log.Address.Bytes),
            ["topics"] = topics,
            ["data"] = Data(log.Data),
            ["blockNumber"] = Quantity(block.Number),
            ["blockHash"] = Data(block.Hash.Bytes),
            ["blockTimestamp"] = Quantity(block.Header.Timestamp),
            ["transactionHash"] = Data(txHash.Bytes),
            ["transactionIndex"] = Quantity((ulong)txIndex),
            ["logIndex"] = Quantity((ulong)logIndex),
            ["removed"] = false,
        };
    }

    /// <summary>The header as newHeads subscribers get it (a block without transactions).</summary>
    public static JsonObject Header(Block block)
    {
        var json = Block(block, false);
        json.Remove("transactions");
        json.Remove("uncles");
        json.Remove("withdrawals");
        json.Remove("size");
        json.Remove("totalDifficulty");
        return json;
    }
}
