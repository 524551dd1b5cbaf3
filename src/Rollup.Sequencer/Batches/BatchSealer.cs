using Microsoft.Extensions.Logging;
using Rollup.Core.Blocks;
using Rollup.Sequencer.Chain;

namespace Rollup.Sequencer.Batches;

/// <summary>Groups blocks into batches: it follows the open batch (the blocks after the last sealed one) and seals it
/// when the policy says so. The open batch is derived from the store, so after a restart the sealer picks up exactly
/// where it was; a seal is its own atomic write.
/// <para>With a prover's <see cref="IBatchCapacity"/> it also keeps each batch within the circuit: a block that would
/// make the open batch overflow seals the open batch first and starts the next one; a block that alone overflows is
/// sealed on its own (the prover then refuses it by name; the block builder's gas limit is what bounds a block).</para></summary>
public sealed class BatchSealer
{
    private readonly ChainStore _chain;
    private readonly BatchStore _batches;
    private readonly BatchPolicy _policy;
    private readonly TimeProvider _time;
    private readonly IBatchCapacity? _capacity;
    private readonly ILogger? _logger;

    // The open batch: blocks _first.._last (none when _first > _last).
    private ulong _first, _last;
    private int _bytes, _txs;
    private ulong _gas;
    private ulong _openedAt;
    // Set when the open batch is at the circuit's capacity: the next block starts a new batch, whatever the policy.
    private bool _full;

    /// <param name="capacity">The prover's circuit, when the node proves; null seals by the policy alone.</param>
    /// <param name="logger">Where capacity seals are explained; null for none.</param>
    public BatchSealer(ChainStore chain, BatchStore batches, BatchPolicy policy, TimeProvider time, IBatchCapacity? capacity = null,
        ILogger? logger = null)
    {
        _chain = chain;
        _batches = batches;
        _policy = policy;
        _time = time;
        _capacity = capacity;
        _logger = logger;
        _first = (_batches.Latest?.LastBlock ?? 0) + 1;
        _last = _first - 1;
        ulong head = chain.Head?.Number ?? 0;
        // Replaying the open batch after a restart applies the capacity rule again (its batches reach the pipeline
        // through BatchStore.Unfinalized); the policy's seal waits for the next block or tick, as before.
        for (ulong n = _first; n <= head; n++) AddWithinCapacity(chain.GetBlock(n)!);
    }

    public int OpenBlocks => (int)(_last + 1 - _first);

    /// <summary>Adds a stored block to the open batch; returns the batches that sealed (none, one, or with a
    /// capacity limit two: the open batch the block did not fit in, then the block alone if it overflows by itself).</summary>
    public IReadOnlyList<BatchRecord> OnBlock(Block block)
    {
        var sealedNow = AddWithinCapacity(block);
        if (OpenBlocks > 0 && (_full || Due())) sealedNow.Add(Seal());
        return sealedNow;
    }

    /// <summary>Adds the block, first sealing the open batch if the block would make it overflow the circuit; marks
    /// the open batch full if the block alone overflows.</summary>
    private List<BatchRecord> AddWithinCapacity(Block block)
    {
        var sealedNow = new List<BatchRecord>();
        if (_capacity is null) { Add(block); return sealedNow; }
        if (OpenBlocks > 0 && _capacity.Overflow(_first, block.Number) is { } why)
        {
            var batch = Seal();
            _logger?.LogInformation("batch {Batch} sealed at block {Last}: with block {Next} it would overflow the prover's circuit ({Why})",
                batch.Number, batch.LastBlock, block.Number, why);
            sealedNow.Add(batch);
        }
        Add(block);
        if (OpenBlocks == 1 && _capacity.Overflow(_first, _last) is { } alone)
        {
            _full = true;
            _logger?.LogWarning("block {Block} alone overflows the prover's circuit ({Why}): it is sealed as its own batch, which the prover will refuse",
                block.Number, alone);
        }
        return sealedNow;
    }

    /// <summary>Seals the open batch if it has grown too old; called on a timer.</summary>
    public BatchRecord? OnTick() => OpenBlocks > 0 && (_full || Due()) ? Seal() : null;

    /// <summary>Seals whatever is open (at shutdown, or on request).</summary>
    public BatchRecord? SealNow() => OpenBlocks > 0 ? Seal() : null;

    private void Add(Block block)
    {
        if (OpenBlocks == 0) _openedAt = block.Header.Timestamp;
        _last = block.Number;
        _bytes += BatchData.SizeOf(block);
        _gas += block.Header.GasUsed;
        _txs += block.Transactions.Count;
    }

    private bool Due()
    {
        if (OpenBlocks == 0) return false;
        if (_policy.MaxBlocks > 0 && OpenBlocks >= _policy.MaxBlocks) return true;
        if (_policy.MaxGas > 0 && _gas >= _policy.MaxGas) return true;
        if (_policy.MaxBytes > 0 && _bytes >= _policy.MaxBytes) return true;
        ulong now = (ulong)_time.GetUtcNow().ToUnixTimeSeconds();
        return _policy.MaxAgeSeconds > 0 && now >= _openedAt && now - _openedAt >= _policy.MaxAgeSeconds;
    }

    private BatchRecord Seal()
    {
        var blocks = new List<Block>();
        for (ulong n = _first; n <= _last; n++) blocks.Add(_chain.GetBlock(n)!);
        var data = BatchData.Encode(blocks);
        var batch = new BatchRecord
        {
            Number = _batches.LatestNumber + 1,
            FirstBlock = _first,
            LastBlock = _last,
            TransactionCount = _txs,
            GasUsed = _gas,
            DataHash = Core.Crypto.Keccak256.Hash(data),
            DataSize = data.Length,
            PrevStateRoot = _chain.GetBlock(_first - 1)!.Header.StateRoot,
            StateRoot = blocks[^1].Header.StateRoot,
            SealedAt = (ulong)_time.GetUtcNow().ToUnixTimeSeconds(),
            Status = BatchStatus.Sealed,
        };
        _batches.Add(batch);
        _first = _last + 1;
        _bytes = 0; _gas = 0; _txs = 0;
        _full = false;
        return batch;
    }

    /// <summary>The data of a sealed batch, rebuilt from its stored blocks.</summary>
    public static byte[] DataOf(ChainStore chain, BatchRecord batch)
    {
        var blocks = new List<Block>();
        for (ulong n = batch.FirstBlock; n <= batch.LastBlock; n++) blocks.Add(chain.GetBlock(n)!);
        return BatchData.Encode(blocks);
    }
}
