using System.Runtime.CompilerServices;
using Rollup.Core.Numerics;

namespace Rollup.Evm.State;

/// <summary>An account's storage slots, keyed by slot: a chained hash table over <see cref="StorageSlot"/> records.
/// Records are only ever added (until <see cref="Clear"/>), so an index stays valid for a whole transaction and the
/// journal can name a slot by it. They sit in chunks of 512 (56 KB, under the large-object threshold), so a contract
/// with many slots grows by a chunk at a time instead of copying every record into a larger array. Written for the
/// SLOAD/SSTORE path: no allocation per access, a keyed hash cheaper than <see cref="HashCode"/>'s, and the last slot
/// found remembered, because the EVM asks about the same slot several times per instruction (warm check, current
/// value, original value, write). Not thread-safe, even for reads (they update that memory).</summary>
internal sealed class SlotTable
{
    // Random per process, so which keys share a bucket cannot be chosen in advance by a contract author.
    private static readonly ulong Seed = (ulong)Random.Shared.NextInt64();

    private const int ChunkBits = 9;
    private const int ChunkSize = 1 << ChunkBits;

    private StorageSlot[][] _chunks = [[]];
    private int[] _buckets = [];
    private int _count;
    private int _shift = 64;
    private int _last = -1;

    public int Count => _count;

    public ref StorageSlot this[int index]
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => ref _chunks[index >> ChunkBits][index & (ChunkSize - 1)];
    }

    /// <summary>The record's index, or -1.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int Find(in UInt256 key)
    {
        int last = _last;
        if (last >= 0 && this[last].Key == key) return last;
        return FindInBuckets(key);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int FindInBuckets(in UInt256 key)
    {
        if (_count == 0) return -1;
        for (int i = _buckets[Bucket(key)] - 1; i >= 0; i = this[i].Next - 1)
            if (this[i].Key == key) return _last = i;
        return -1;
    }

    /// <summary>The record's index, adding a blank record for the key if there is none.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public int FindOrAdd(in UInt256 key)
    {
        int i = Find(key);
        return i >= 0 ? i : Add(key);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int Add(in UInt256 key)
    {
        if (_count == _buckets.Length) Grow();
        int i = _count++;
        int chunk = i >> ChunkBits;
        if (chunk > 0 && _chunks[chunk] is null) _chunks[chunk] = new StorageSlot[ChunkSize]; // one at a time, as filled
        ref var slot = ref this[i];
        slot.Key = key;
        ref int head = ref _buckets[Bucket(key)];
        slot.Next = head;
        head = i + 1;
        return _last = i;
    }

    public void Clear()
    {
        _chunks = [[]];
        _buckets = [];
        _count = 0;
        _shift = 64;
        _last = -1;
    }

    private void Grow()
    {
        // Capacity doubles; the first chunk grows with it up to the chunk size, then whole chunks are added.
        int capacity = _buckets.Length == 0 ? 8 : _buckets.Length * 2;
        if (capacity <= ChunkSize) Array.Resize(ref _chunks[0], capacity);
        else Array.Resize(ref _chunks, capacity >> ChunkBits);
        _buckets = new int[capacity];
        _shift = 64 - System.Numerics.BitOperations.Log2((uint)capacity);
        for (int i = 0; i < _count; i++)
        {
            ref var slot = ref this[i];
            ref int head = ref _buckets[Bucket(slot.Key)];
            slot.Next = head;
            head = i + 1;
        }
    }

    // Each word is folded in after an xor-shift and a multiply of everything before it, so (unlike a sum of per-word
    // products, where colliding keys can be built without the seed) keys differing in one word never collide in all
    // 64 bits, and building colliding keys needs the seed. The top bits index the power-of-two bucket array.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int Bucket(in UInt256 key)
    {
        ulong h = (key.U0 ^ Seed) * 0x9E3779B97F4A7C15UL;
        h = ((h ^ (h >> 29)) ^ key.U1) * 0xBF58476D1CE4E5B9UL;
        h = ((h ^ (h >> 32)) ^ key.U2) * 0x94D049BB133111EBUL;
        h = ((h ^ (h >> 29)) ^ key.U3) * 0x9E3779B97F4A7C15UL;
        return (int)((h ^ (h >> 31)) >> _shift);
    }
}
