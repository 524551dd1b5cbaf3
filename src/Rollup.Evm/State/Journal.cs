namespace Rollup.Evm.State;

/// <summary>The journal's storage: a growable array of <see cref="JournalEntry"/> values. A snapshot is a length.</summary>
internal sealed class Journal
{
    private JournalEntry[] _entries = new JournalEntry[64];
    private int _count;

    public int Count => _count;

    /// <summary>A fresh entry at the end, to fill in.</summary>
    public ref JournalEntry Push(JournalKind kind)
    {
        if (_count == _entries.Length) Array.Resize(ref _entries, _entries.Length * 2);
        ref var entry = ref _entries[_count++];
        entry = default;
        entry.Kind = kind;
        return ref entry;
    }

    public ref JournalEntry this[int index] => ref _entries[index];

    /// <summary>Drops the entries from <paramref name="count"/> on (their references too, for the collector).</summary>
    public void Truncate(int count)
    {
        Array.Clear(_entries, count, _count - count);
        _count = count;
    }
}
