using RocksDbSharp;
using Rollup.Core.Numerics;
using Rollup.Core.Types;
using Rollup.Crypto.Bn254.Fields;
using Rollup.Evm.State;
using Rollup.Sequencer.Storage;
using Rollup.State;
using Rollup.State.Proofs;
using Rollup.State.Store;

namespace Rollup.Sequencer.State;

/// <summary>The node's state: the rollup's Poseidon sparse Merkle tree (docs/state-tree.md) in the node's own RocksDB
/// database. Tree nodes are content-addressed and never pruned, so the state after every stored block stays readable
/// from its root; the root after each block is indexed by block number (<see cref="Keys.StateRootByBlock"/>) in the
/// same write as the block, so historical reads (eth_getBalance at an old block, eth_call, traces, proofs) need no
/// copy of the state.</summary>
public sealed class PoseidonStateStore : IStateStore
{
    private readonly Database _db;
    private readonly StateStore _tree;
    private readonly Lock _headLock = new();
    private (ulong Number, PoseidonStateDb View) _head;
    private (ulong Number, Fr Root)? _staged;

    public PoseidonStateStore(Database db)
    {
        _db = db;
        _tree = new StateStore(db.Rocks);
        _head = (0, _tree.At(StateRoot.Empty));
    }

    /// <summary>The root of <paramref name="changes"/> applied to the empty state, computed without writing anything
    /// (a throw-away store of pending records): what the genesis header carries.</summary>
    public static Hash256 GenesisRoot(Database db, StateChanges changes) =>
        StateRoot.ToHash(new StateStore(db.Rocks, nodeCacheCapacity: 1024).At(StateRoot.Empty).Commit(changes, new WriteBatch()));

    public Hash256 Root => HeadView.RootHash;

    private PoseidonStateDb HeadView
    {
        get { lock (_headLock) return _head.View; }
    }

    public Hash256 Open(ulong headNumber)
    {
        Fr root = StoredRoot(headNumber) ?? throw new InvalidDataException($"no state root is stored for block #{headNumber}");
        // A root whose node is missing would make every read fail later; refuse to start instead.
        if (!root.IsZero && _tree.TryGetNode(root) is null)
            throw new InvalidDataException($"the state tree of block #{headNumber} (root {StateRoot.ToHash(root)}) is not in the database");
        _tree.DiscardPending();
        lock (_headLock)
        {
            _staged = null;
            _head = (headNumber, _tree.At(root));
        }
        return StateRoot.ToHash(root);
    }

    public IStateSource At(ulong number) => View(number);

    /// <summary>The state tree after block <paramref name="number"/>: the node store and that block's root (what the
    /// prover builds the state transition's Merkle paths from).</summary>
    public (Rollup.State.Trie.INodeReader Nodes, Fr Root) TreeAt(ulong number) =>
        (_tree, StoredRoot(number) ?? throw new ArgumentOutOfRangeException(nameof(number), $"no state is stored for block #{number}"));

    public AccountProof Prove(ulong number, in Address address, IReadOnlyList<UInt256> slots) => View(number).GetProof(address, slots);

    /// <summary>The head's view is shared (it memoizes accounts, which the pool and calls read over and over);
    /// older blocks get a fresh view at their stored root.</summary>
    private PoseidonStateDb View(ulong number)
    {
        lock (_headLock)
            if (_head.Number == number) return _head.View;
        Fr root = StoredRoot(number) ?? throw new ArgumentOutOfRangeException(nameof(number), $"no state is stored for block #{number}");
        return _tree.At(root);
    }

    public Hash256 Commit(ulong number, StateChanges changes, WriteBatch batch)
    {
        // A view of its own: the head's view keeps serving readers until the block is written.
        var view = _tree.At(HeadView.Root);
        Fr root = view.Commit(changes, batch);
        batch.Put(Keys.Of(Keys.StateRootByBlock, number), root.ToBigEndian());
        lock (_headLock) _staged = (number, root);
        return StateRoot.ToHash(root);
    }

    public void Write(WriteBatch batch)
    {
        _tree.Write(batch, _db.WriteOptions);
        lock (_headLock)
        {
            if (_staged is { } staged) _head = (staged.Number, _tree.At(staged.Root));
            _staged = null;
        }
    }

    public void Abandon()
    {
        _tree.DiscardPending();
        lock (_headLock) _staged = null;
    }

    private Fr? StoredRoot(ulong number) =>
        _db.Get(Keys.Of(Keys.StateRootByBlock, number)) is { } bytes ? Fr.FromBigEndian(bytes) : null;
}
