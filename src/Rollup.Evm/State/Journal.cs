using System.Runtime.CompilerServices;

namespace Rollup.Evm.State;

/// <summary>The journal's storage: <see cref="JournalEntry"/> values in fixed chunks of 1,024 (56 KB, under the
/// large-object threshold). Growing adds a chunk instead of copying the whole journal into a twice-as-large array:
/// a storage-heavy transaction journals tens of thousands of entries, and doubling would allocate and copy them
/// again and again on the large-object heap. Chunks stay allocated for reuse by later frames and transactions.
/// A snapshot is a length.</summary>
internal sealed class Journal
{
    private const int ChunkBits = 10;
    private const int ChunkSize = 1 << ChunkBits;

    private JournalEntry[][] _chunks = [new JournalEntry[64]];
    private int _count;

    public int Count => _count;

    /// <summary>A fresh entry at the end, to fill in.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public ref JournalEntry Push(JournalKind kind)
    {
        int chunk = _count >> ChunkBits, offset = _count & (ChunkSize - 1);
        if (chunk >= _chunks.Length || _chunks[chunk] is not { } c || offset >= c.Length) Grow(chunk);
        _count++;
        ref var entry = ref _chunks[chunk][offset];
        entry = default;
        entry.Kind = kind;
        return ref entry;
    }

    public ref JournalEntry this[int index] => ref _chunks[index >> ChunkBits][index & (ChunkSize - 1)];

    /// <summary>Drops the entries from <paramref name="count"/> on, clearing them so their references do not keep
    /// objects alive.</summary>
    public void Truncate(int count)
    {
        for (int i = count; i < _count; i++) this[i] = default;
        _count = count;
    }

    // The first chunk starts small (most transactions journal a few entries) and doubles up to the chunk size.
    private void Grow(int chunk)
    {
        if (chunk == 0) Array.Resize(ref _chunks[0], Math.Min(_chunks[0].Length * 2, ChunkSize));
        else
        {
            if (chunk >= _chunks.Length) Array.Resize(ref _chunks, _chunks.Length * 2);
            _chunks[chunk] = new JournalEntry[ChunkSize];
        }
    }
}
