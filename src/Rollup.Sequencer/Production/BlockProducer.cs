using Microsoft.Extensions.Logging;
using RocksDbSharp;
using Rollup.Core.Blocks;
using Rollup.Core.Chain;
using Rollup.Core.Types;
using Rollup.Evm.Blocks;
using Rollup.Sequencer.Batches;
using Rollup.Sequencer.Chain;
using Rollup.Sequencer.Mempool;
using Rollup.Sequencer.State;

namespace Rollup.Sequencer.Production;

/// <summary>Makes blocks: on every tick of the block time (or, in instant mode, as soon as transactions wait), builds
/// a block from the pool, commits its state, and writes block, receipts, indexes, state and the pool-journal removals
/// in ONE RocksDB write. Then it moves the head, tells the pool and subscribers, and hands the block to the batch
/// sealer. One producer per node; <see cref="ProduceBlock"/> is serialized.</summary>
public sealed class BlockProducer
{
    private readonly ChainStore _chain;
    private readonly IStateStore _state;
    private readonly TxPool _pool;
    private readonly BatchSealer _sealer;
    private readonly BatchPipeline _pipeline;
    private readonly ChainEvents _events;
    private readonly ProducerConfig _config;
    private readonly BlockBuilder _builder;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly object _produceLock = new();
    private readonly SemaphoreSlim _wake = new(0);

    public BlockProducer(ChainStore chain, IStateStore state, TxPool pool, BatchSealer sealer, BatchPipeline pipeline, ChainEvents events,
        ProducerConfig config, ForkRules rules, ulong chainId, TimeProvider time, ILogger logger)
    {
        _chain = chain; _state = state; _pool = pool; _sealer = sealer; _pipeline = pipeline; _events = events;
        _config = config; _time = time; _logger = logger;
        _builder = new BlockBuilder(rules, chainId);
    }

    public BlockBuilder Builder => _builder;

    /// <summary>The prover's circuit, when the node proves: every block is kept within one batch's capacity.</summary>
    public IBatchCapacity? Capacity { get; init; }

    public bool Instant => _config.BlockTime == TimeSpan.Zero;

    /// <summary>A transaction arrived: in instant mode, make a block now.</summary>
    public void Trigger()
    {
        if (Instant && _wake.CurrentCount == 0) _wake.Release();
    }

    public async Task RunAsync(CancellationToken cancellation)
    {
        var nextBatchCheck = _time.GetUtcNow() + _config.BatchCheckInterval;
        while (!cancellation.IsCancellationRequested)
        {
            try
            {
                var wait = Instant ? _config.BatchCheckInterval : _config.BlockTime;
                if (Instant) await _wake.WaitAsync(wait, cancellation);
                else await Task.Delay(wait, _time, cancellation);

                // In interval mode a full block is followed at once by the next while transactions remain.
                while (ProduceBlock() is { } block && !Instant && block.Header.GasLimit - block.Header.GasUsed < Core.Transactions.IntrinsicGas.TxBase
                       && _pool.Count > 0 && !cancellation.IsCancellationRequested) { }

                if (_time.GetUtcNow() >= nextBatchCheck)
                {
                    nextBatchCheck = _time.GetUtcNow() + _config.BatchCheckInterval;
                    lock (_produceLock)
                        if (_sealer.OnTick() is { } batch) OnSealed(batch);
                }
            }
            catch (OperationCanceledException) { break; }
            catch (Exception e)
            {
                _logger.LogError(e, "block production failed; retrying");
                await Task.Delay(TimeSpan.FromMilliseconds(200), CancellationToken.None);
            }
        }
    }

    /// <summary>Builds, commits and publishes one block from the pool; returns null when there was nothing to include
    /// (and empty blocks are off).</summary>
    public Block? ProduceBlock()
    {
        lock (_produceLock)
        {
            var parent = _chain.Head!.Header;
            var draft = NextDraft(parent);
            var baseFee = draft.BaseFeePerGas!.Value;
            var parentState = _state.At(parent.Number);
            BuiltBlock Build(int maxTransactions)
            {
                var result = _builder.Build(draft, parentState, _pool.Select(parentState, baseFee), n => _chain.GetBlock(n)?.Hash ?? Hash256.Zero, maxTransactions);
                foreach (var hash in result.Rejected) _pool.Drop(hash);
                return result;
            }
            var built = Build(int.MaxValue);
            if (Capacity is { } capacity) built = WithinCapacity(capacity, draft, built, Build);
            // An empty block is made when asked for, or when transactions wait only because the base fee rose above
            // their fee cap: each empty block lowers it by an eighth (at most one such block per second).
            bool unblock = built.BelowBaseFee > 0 && draft.Timestamp <= (ulong)_time.GetUtcNow().ToUnixTimeSeconds();
            if (built.Transactions.Count == 0 && !_config.EmptyBlocks && !unblock) return null;

            var block = Commit(draft, built);
            var included = block.Transactions.Select(t => t.Hash).ToHashSet();
            _pool.OnNewHead(_state.At(block.Number), included);
            _events.PublishBlock(block, built.Receipts);
            if (block.Transactions.Count > 0)
                _logger.LogInformation("block {Number} {Hash}: {Txs} txs, {Gas} gas", block.Number, block.Hash, block.Transactions.Count, block.Header.GasUsed);
            foreach (var batch in _sealer.OnBlock(block)) OnSealed(batch);
            return block;
        }
    }

    /// <summary>The header of the block that would follow <paramref name="parent"/> now, before its transactions and
    /// roots (also what admission checks run a transaction against).</summary>
    public BlockHeader NextDraft(BlockHeader parent) => new()
    {
        ParentHash = parent.Hash, Coinbase = _config.Coinbase, Number = parent.Number + 1, GasLimit = parent.GasLimit,
        Timestamp = Math.Max((ulong)_time.GetUtcNow().ToUnixTimeSeconds(), parent.Timestamp + 1),
        BaseFeePerGas = BaseFee.Next(parent), WithdrawalsRoot = BlockHeader.EmptyTrieRoot, BlobGasUsed = 0, ExcessBlobGas = 0,
        ParentBeaconBlockRoot = Hash256.Zero,
    };

    /// <summary>Cuts the block to the longest run of its transactions that fits one batch of the prover's circuit (the
    /// rest stay in the pool for the next block). A transaction that alone does not fit could never be proven and would
    /// stop finalization at its batch for good, so it is dropped from the pool, with a warning.</summary>
    private BuiltBlock WithinCapacity(IBatchCapacity capacity, BlockHeader draft, BuiltBlock built, Func<int, BuiltBlock> build)
    {
        string? Overflow(BuiltBlock b, int count) =>
            capacity.Overflow(draft, b.Transactions.Take(count).ToList(), b.Receipts.Take(count).Select(r => r.Sender).ToList());

        while (built.Transactions.Count > 0 && Overflow(built, built.Transactions.Count) is { } why)
        {
            // Binary search: Overflow(fits) is null, Overflow(tooMany) is not.
            int fits = 0, tooMany = built.Transactions.Count;
            while (tooMany - fits > 1)
            {
                int middle = (fits + tooMany) / 2;
                if (Overflow(built, middle) is null) fits = middle; else tooMany = middle;
            }
            if (fits == 0)
            {
                var culprit = built.Transactions[0];
                _logger.LogWarning("transaction {Hash} alone overflows the prover's circuit ({Why}): dropped from the pool, it could never be proven",
                    culprit.Hash, Overflow(built, 1) ?? why);
                _pool.Drop(culprit.Hash);
                built = build(int.MaxValue);
                continue;
            }
            _logger.LogInformation("block {Number}: {Fits} of {Count} transactions fit the prover's circuit ({Why}); the rest wait for the next block",
                draft.Number, fits, built.Transactions.Count, why);
            // Rebuilt, not truncated: the state changes and receipts must be those of exactly these transactions. The
            // pool may have changed meanwhile, so the loop checks the rebuilt block again.
            built = build(fits);
        }
        return built;
    }

    private Block Commit(BlockHeader draft, BuiltBlock built)
    {
        using var batch = new WriteBatch();
        Block block;
        try
        {
            var root = _state.Commit(draft.Number, built.Changes, batch);
            var bloom = new Bloom();
            foreach (var r in built.Receipts) bloom.UnionWith(r.Receipt.Bloom);
            var header = draft with
            {
                StateRoot = root,
                TransactionsRoot = BlockRoots.Transactions(built.Transactions),
                ReceiptsRoot = BlockRoots.Receipts([.. built.Receipts.Select(r => r.Receipt)]),
                LogsBloom = bloom,
                GasUsed = built.GasUsed,
            };
            block = new Block { Header = header, Transactions = built.Transactions, Withdrawals = [] };
            ChainStore.Stage(batch, block, built.Receipts);
            foreach (var tx in built.Transactions) PoolJournal.Remove(batch, tx.Hash);
            _state.Write(batch);
        }
        catch
        {
            // Nothing was written: the state's head stays at the stored block and its staged records are dropped.
            _state.Abandon();
            throw;
        }
        _chain.SetHead(block);
        return block;
    }

    private void OnSealed(BatchRecord batch)
    {
        _logger.LogInformation("batch {Batch} sealed: blocks {First}-{Last}, {Txs} txs, {Bytes} bytes", batch.Number, batch.FirstBlock,
            batch.LastBlock, batch.TransactionCount, batch.DataSize);
        _pipeline.OnSealed(batch);
    }
}
