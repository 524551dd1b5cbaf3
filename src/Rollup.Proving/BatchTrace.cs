using Rollup.Circuits.Tables;
using Rollup.Circuits.Witness;
using Rollup.Core.Types;
using Rollup.Crypto.Bn254.Fields;
using Rollup.Evm;
using Rollup.Evm.Execution;
using Rollup.Evm.State;
using Rollup.Evm.Tracing.Zk;
using Rollup.Sequencer.Batches;
using Rollup.Sequencer.Chain;
using Rollup.Sequencer.Node;
using Rollup.Sequencer.Production;
using Rollup.Sequencer.State;

namespace Rollup.Proving;

/// <summary>A sealed batch re-executed with the zk tracer: each transaction's trace with its table records, the blocks,
/// the code the transactions ran, and each transaction's hash (to name it in errors).</summary>
public sealed record BatchTrace(IReadOnlyList<TracedTx> Txs, IReadOnlyList<Hash256> TxHashes, IReadOnlyList<BlockRecord> Blocks,
    IReadOnlyDictionary<Fr, byte[]> Codes)
{
    /// <summary>Re-runs blocks <see cref="BatchRecord.FirstBlock"/>..<see cref="BatchRecord.LastBlock"/> the way the
    /// block builder ran them (one journaled state per block, on the stored state after the block's parent) with a zk
    /// tracer per transaction. Transaction ids run 1, 2, … across the batch, as the transaction table numbers them. The
    /// re-execution must give the stored receipts' gas; anything else means the node's state and blocks disagree.</summary>
    public static BatchTrace Run(ChainStore chain, IStateStore state, ulong chainId, BatchRecord batch)
    {
        var builder = new BlockBuilder(SequencerNode.Rules, chainId);
        var txs = new List<TracedTx>();
        var hashes = new List<Hash256>();
        var blocks = new List<BlockRecord>();
        var codes = new Dictionary<Fr, byte[]>();
        for (ulong n = batch.FirstBlock; n <= batch.LastBlock; n++)
        {
            var block = chain.GetBlock(n) ?? throw new InvalidOperationException($"block {n} of batch {batch.Number} is not stored");
            var receipts = chain.GetReceipts(n)!;
            var header = block.Header;
            var env = builder.Environment(header, h => chain.GetBlock(h)?.Hash ?? Hash256.Zero);
            var record = new BlockRecord(n, header.Coinbase, header.Timestamp, header.GasLimit, env.BaseFee, chainId);
            blocks.Add(record);
            var parent = state.At(n - 1);
            var journal = new JournaledState(parent);
            var processor = new TransactionProcessor(SequencerNode.Rules, env);
            ulong gasUsed = 0;
            for (int i = 0; i < block.Transactions.Count; i++)
            {
                var tx = block.Transactions[i];
                var sender = receipts[i].Sender;
                // Code is never created in a provable batch (CREATE has no gadget), so the parent state has all of it.
                if (tx.To is { } to && parent.TryGetAccount(to, out var account) && account.CodeHash != AccountData.EmptyCodeHash)
                    codes[EvmWitnessBuilder.CodeIdOf(EvmWord.FromHash(account.CodeHash))] = parent.GetCode(account.CodeHash);
                var zk = new ZkTracer { TransactionId = txs.Count + 1 };
                var result = processor.Execute(tx, sender, journal, header.GasLimit - gasUsed, zk);
                if (result.GasUsed != receipts[i].GasUsed)
                    throw new InvalidOperationException($"re-executing transaction {tx.Hash} (block {n}) used {result.GasUsed} gas, its receipt says {receipts[i].GasUsed}");
                gasUsed += result.GasUsed;
                var txRecord = new TxRecord(txs.Count + 1, tx.Nonce, tx.GasLimit, tx.EffectiveGasPrice(env.BaseFee), tx.MaxFeePerGas, tx.MaxPriorityFeePerGas,
                    sender, tx.To, tx.Value, tx.Data, chainId, n);
                txs.Add(new TracedTx(txRecord, record, zk.Trace));
                hashes.Add(tx.Hash);
            }
        }
        return new BatchTrace(txs, hashes, blocks, codes);
    }
}
