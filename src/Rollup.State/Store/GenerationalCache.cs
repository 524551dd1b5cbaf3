namespace Rollup.State.Store;

/// <summary>
/// A bounded cache approximating LRU at O(1) cost and no per-entry links: entries go into a young generation;
/// when it is full the old generation is dropped and the young one becomes old. A hit in the old generation is
/// moved back to the young one, so anything used within the last ~capacity insertions stays. Holds at most
/// 2 × capacity entries. Thread-safe (one lock: its work is tiny next to the Poseidon hashing around it).
/// </summary>
public sealed class GenerationalCache<TKey, TValue> where TKey : notnull
{
    private readonly int _capacity;
    private readonly Lock _lock = new();
    private Dictionary<TKey, TValue> _young = [];
    private Dictionary<TKey, TValue> _old = [];

    public GenerationalCache(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _capacity = capacity;
    }

    public int Count { get { lock (_lock) return _young.Count + _old.Count; } }

    public bool TryGet(TKey key, out TValue value)
    {
        lock (_lock)
        {
            if (_young.TryGetValue(key, out value!)) return true;
            if (!_old.Remove(key, out value!)) return false;
            AddYoung(key, value);
            return true;
        }
    }

    public void Set(TKey key, TValue value)
    {
        lock (_lock) AddYoung(key, value);
    }

    private void AddYoung(TKey key, TValue value)
    {
        if (_young.Count >= _capacity && !_young.ContainsKey(key))
        {
            _old = _young;
            _young = new Dictionary<TKey, TValue>(_capacity);
        }
        _young[key] = value;
    }
}
