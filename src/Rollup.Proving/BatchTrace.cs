using Rollup.Circuits.Tables;
using Rollup.Circuits.Witness;
using Rollup.Core.Blocks;
using Rollup.Core.Transactions;
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
        var tracer = new Tracer(chain, state, chainId);
        for (ulong n = batch.FirstBlock; n <= batch.LastBlock; n++)
        {
            var block = chain.GetBlock(n) ?? throw new InvalidOperationException($"block {n} of batch {batch.Number} is not stored");
            var receipts = chain.GetReceipts(n)!;
            tracer.Add(block.Header, block.Transactions, receipts.Select(r => r.Sender).ToList(), receipts.Select(r => r.GasUsed).ToList());
        }
        return tracer.Result();
    }

    /// <summary>A block the builder has made but not stored (<paramref name="draft"/> with its number, timestamp, gas
    /// limit and base fee), traced as a batch of its own on the stored state after its parent: what the sealer's
    /// capacity check runs before the block is committed.</summary>
    public static BatchTrace RunDraft(ChainStore chain, IStateStore state, ulong chainId, BlockHeader draft,
        IReadOnlyList<Transaction> transactions, IReadOnlyList<Address> senders)
    {
        var tracer = new Tracer(chain, state, chainId);
        tracer.Add(draft, transactions, senders, expectedGas: null);
        return tracer.Result();
    }

    /// <summary>Runs blocks in order, each on a journaled state over the stored state after its parent, the way the
    /// block builder ran them.</summary>
    private sealed class Tracer(ChainStore chain, IStateStore state, ulong chainId)
    {
        private readonly BlockBuilder _builder = new(SequencerNode.Rules, chainId);
        private readonly List<TracedTx> _txs = [];
        private readonly List<Hash256> _hashes = [];
        private readonly List<BlockRecord> _blocks = [];
        private readonly Dictionary<Fr, byte[]> _codes = [];

        /// <param name="expectedGas">The stored receipts' gas, which re-execution must reproduce (anything else means
        /// the node's state and blocks disagree); null for a draft.</param>
        public void Add(BlockHeader header, IReadOnlyList<Transaction> transactions, IReadOnlyList<Address> senders, IReadOnlyList<ulong>? expectedGas)
        {
            ulong n = header.Number;
            var env = _builder.Environment(header, h => chain.GetBlock(h)?.Hash ?? Hash256.Zero);
            var record = new BlockRecord(n, header.Coinbase, header.Timestamp, header.GasLimit, env.BaseFee, chainId);
            _blocks.Add(record);
            var parent = state.At(n - 1);
            var journal = new JournaledState(parent);
            var processor = new TransactionProcessor(SequencerNode.Rules, env);
            ulong gasUsed = 0;
            for (int i = 0; i < transactions.Count; i++)
            {
                var tx = transactions[i];
                // Code is never created in a provable batch (CREATE has no gadget), so the parent state has all of it.
                if (tx.To is { } to && parent.TryGetAccount(to, out var account) && account.CodeHash != AccountData.EmptyCodeHash)
                    _codes[EvmWitnessBuilder.CodeIdOf(EvmWord.FromHash(account.CodeHash))] = parent.GetCode(account.CodeHash);
                var zk = new ZkTracer { TransactionId = _txs.Count + 1 };
                var result = processor.Execute(tx, senders[i], journal, header.GasLimit - gasUsed, zk);
                if (expectedGas is not null && result.GasUsed != expectedGas[i])
                    throw new InvalidOperationException($"re-executing transaction {tx.Hash} (block {n}) used {result.GasUsed} gas, its receipt says {expectedGas[i]}");
                gasUsed += result.GasUsed;
                var txRecord = new TxRecord(_txs.Count + 1, tx.Nonce, tx.GasLimit, tx.EffectiveGasPrice(env.BaseFee), tx.MaxFeePerGas, tx.MaxPriorityFeePerGas,
                    senders[i], tx.To, tx.Value, tx.Data, chainId, n);
                _txs.Add(new TracedTx(txRecord, record, zk.Trace));
                _hashes.Add(tx.Hash);
            }
        }

        public BatchTrace Result() => new(_txs, _hashes, _blocks, _codes);
    }
}
