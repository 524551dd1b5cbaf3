using RocksDbSharp;
using Rollup.Core.Numerics;
using Rollup.Core.Types;
using Rollup.Crypto.Bn254.Fields;
using Rollup.Evm.State;
using Rollup.State.Leaves;
using Rollup.State.Trie;

namespace Rollup.State.Store;

/// <summary>
/// The state tree's nodes and the contract code, in RocksDB, behind an in-memory cache. Nodes are content-addressed
/// (key = hash), so a commit only ever adds records and every root committed before stays readable: this store
/// never prunes (an archive node). Pruning would be a mark-and-sweep from the roots to keep, run off-line.
/// <para>
/// Writes go through a <see cref="WriteBatch"/> the caller may share with its own block data; until
/// <see cref="Write"/> writes that batch, its nodes and code are held in a pending set, so the new root is
/// readable at once and the cache cannot evict what is not yet on disk. One batch may be in flight at a time:
/// <see cref="Write"/> moves every pending record to the cache.
/// </para>
/// </summary>
public sealed class StateStore : INodeReader, IDisposable
{
    /// <summary>Decoded nodes kept per generation (up to twice as many in all): 256 Ki × 2 × ~300 bytes (a record and
    /// an account's preimage) ≈ 150 MB at most.</summary>
    public const int DefaultNodeCacheCapacity = 1 << 18;

    private readonly RocksDb _db;
    private readonly bool _ownsDb;
    private readonly GenerationalCache<Fr, NodeRecord> _nodes;
    private readonly GenerationalCache<Hash256, byte[]> _code;
    private readonly GenerationalCache<Hash256, (Fr Hash, ulong Size)> _codeCommitments;
    // Path keys are Poseidon hashes (20-30 µs each): the EVM asks for the same accounts and slots over and over.
    private readonly GenerationalCache<Address, TrieKey> _accountKeys = new(1 << 16);
    private readonly GenerationalCache<UInt256, TrieKey> _storageKeys = new(1 << 16);
    private readonly Lock _pendingLock = new();
    private Dictionary<Fr, NodeRecord> _pendingNodes = [];
    private Dictionary<Hash256, byte[]> _pendingCode = [];

    /// <summary>Uses a database the caller opened and will dispose (the node shares one database for all data).</summary>
    public StateStore(RocksDb db, int nodeCacheCapacity = DefaultNodeCacheCapacity) : this(db, ownsDb: false, nodeCacheCapacity) { }

    private StateStore(RocksDb db, bool ownsDb, int nodeCacheCapacity)
    {
        _db = db;
        _ownsDb = ownsDb;
        _nodes = new GenerationalCache<Fr, NodeRecord>(nodeCacheCapacity);
        _code = new GenerationalCache<Hash256, byte[]>(4096);
        _codeCommitments = new GenerationalCache<Hash256, (Fr, ulong)>(16384);
    }

    /// <summary>Opens (creating it and its folders if missing) a database of its own at <paramref name="path"/>.</summary>
    public static StateStore Open(string path, int nodeCacheCapacity = DefaultNodeCacheCapacity)
    {
        Directory.CreateDirectory(path);   // RocksDB creates the last folder only
        return new(RocksDb.Open(new DbOptions().SetCreateIfMissing(true), path), ownsDb: true, nodeCacheCapacity);
    }

    public RocksDb Database => _db;

    /// <summary>Threads a commit may use for its per-account work (storage tries, leaf hashing); 1 runs it all on the
    /// caller's thread. Defaults to the processor count.</summary>
    public int Parallelism { get; set; } = Environment.ProcessorCount;

    /// <summary>A view of the state at <paramref name="root"/> (0 is the empty state).</summary>
    public PoseidonStateDb At(in Fr root) => new(this, root);

    /// <summary><see cref="StateKeys.AccountPath"/>, memoized.</summary>
    public TrieKey AccountKey(in Address address)
    {
        if (_accountKeys.TryGet(address, out var key)) return key;
        key = StateKeys.AccountPath(address);
        _accountKeys.Set(address, key);
        return key;
    }

    /// <summary><see cref="StateKeys.StoragePath"/>, memoized.</summary>
    public TrieKey StorageKey(in UInt256 slot)
    {
        if (_storageKeys.TryGet(slot, out var key)) return key;
        key = StateKeys.StoragePath(slot);
        _storageKeys.Set(slot, key);
        return key;
    }

    public NodeRecord? TryGetNode(in Fr hash)
    {
        if (_nodes.TryGet(hash, out var cached)) return cached;
        lock (_pendingLock)
            if (_pendingNodes.TryGetValue(hash, out var pending)) return pending;
        byte[]? bytes = _db.Get(StoreKeys.Node(hash));
        if (bytes is null) return null;
        var record = NodeRecord.Decode(bytes);
        _nodes.Set(hash, record);
        return record;
    }

    /// <summary>The code whose keccak-256 is <paramref name="codeHash"/>; empty for the empty-code hash or unknown code.</summary>
    public byte[] GetCode(in Hash256 codeHash)
    {
        if (codeHash == AccountData.EmptyCodeHash) return [];
        if (_code.TryGet(codeHash, out var cached)) return cached;
        lock (_pendingLock)
            if (_pendingCode.TryGetValue(codeHash, out var pending)) return pending;
        byte[]? code = _db.Get(StoreKeys.Code(codeHash));
        if (code is null) return [];
        _code.Set(codeHash, code);
        return code;
    }

    /// <summary>The Poseidon code hash and size of the code with keccak <paramref name="codeHash"/>, memoized
    /// (hashing a 24 KB contract takes 53 permutations).</summary>
    public (Fr Hash, ulong Size) CodeCommitment(in Hash256 codeHash, byte[]? code = null)
    {
        if (codeHash == AccountData.EmptyCodeHash) return (Fr.Zero, 0);
        if (_codeCommitments.TryGet(codeHash, out var known)) return known;
        code ??= GetCode(codeHash);
        if (code.Length == 0) throw new InvalidOperationException($"code {codeHash} is not in the store");
        var commitment = (PoseidonCodeHash.Compute(code), (ulong)code.Length);
        _codeCommitments.Set(codeHash, commitment);
        return commitment;
    }

    internal void AddNodes(WriteBatch batch, IEnumerable<KeyValuePair<Fr, NodeRecord>> nodes)
    {
        lock (_pendingLock)
            foreach (var (hash, record) in nodes)
            {
                if (!_pendingNodes.TryAdd(hash, record)) continue;
                batch.Put(StoreKeys.Node(hash), record.Encode());
            }
    }

    internal void AddCode(WriteBatch batch, in Hash256 codeHash, byte[] code)
    {
        lock (_pendingLock)
        {
            if (!_pendingCode.TryAdd(codeHash, code)) return;
            batch.Put(StoreKeys.Code(codeHash), code);
        }
    }

    /// <summary>Writes <paramref name="batch"/> atomically (the state's records and whatever else the caller put
    /// in it) and moves the pending records into the cache.</summary>
    public void Write(WriteBatch batch, WriteOptions? options = null)
    {
        _db.Write(batch, options);
        Dictionary<Fr, NodeRecord> nodes;
        Dictionary<Hash256, byte[]> code;
        lock (_pendingLock)
        {
            (nodes, _pendingNodes) = (_pendingNodes, []);
            (code, _pendingCode) = (_pendingCode, []);
        }
        foreach (var (hash, record) in nodes) _nodes.Set(hash, record);
        foreach (var (hash, bytes) in code) _code.Set(hash, bytes);
    }

    /// <summary>Forgets the pending records of a batch that will not be written (its write failed or was abandoned).
    /// Without this, a later commit producing the same nodes would find them pending, leave them out of its own
    /// batch, and a root would reference nodes that never reached the disk.</summary>
    public void DiscardPending()
    {
        lock (_pendingLock)
        {
            _pendingNodes = [];
            _pendingCode = [];
        }
    }

    public void Dispose()
    {
        if (_ownsDb) _db.Dispose();
    }
}
