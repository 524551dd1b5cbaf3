using Rollup.Core.Blocks;
using Rollup.Sequencer.Chain;

namespace Rollup.Sequencer.Batches;

/// <summary>Groups blocks into batches: it follows the open batch (the blocks after the last sealed one) and seals it
/// when the policy says so. The open batch is derived from the store, so after a restart the sealer picks up exactly
/// where it was; a seal is its own atomic write.</summary>
public sealed class BatchSealer
{
    private readonly ChainStore _chain;
    private readonly BatchStore _batches;
    private readonly BatchPolicy _policy;
    private readonly TimeProvider _time;

    // The open batch: blocks _first.._last (none when _first > _last).
    private ulong _first, _last;
    private int _bytes, _txs;
    private ulong _gas;
    private ulong _openedAt;

    public BatchSealer(ChainStore chain, BatchStore batches, BatchPolicy policy, TimeProvider time)
    {
        _chain = chain;
        _batches = batches;
        _policy = policy;
        _time = time;
        _first = (_batches.Latest?.LastBlock ?? 0) + 1;
        _last = _first - 1;
        ulong head = chain.Head?.Number ?? 0;
        for (ulong n = _first; n <= head; n++) Add(chain.GetBlock(n)!);
    }

    public int OpenBlocks => (int)(_last + 1 - _first);

    /// <summary>Adds a stored block to the open batch; returns the batch if that sealed it.</summary>
    public BatchRecord? OnBlock(Block block)
    {
        Add(block);
        return Due() ? Seal() : null;
    }

    /// <summary>Seals the open batch if it has grown too old; called on a timer.</summary>
    public BatchRecord? OnTick() => OpenBlocks > 0 && Due() ? Seal() : null;

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
