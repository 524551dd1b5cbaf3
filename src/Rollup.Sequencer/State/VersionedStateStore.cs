using RocksDbSharp;
using Rollup.Core.Numerics;
using Rollup.Core.Types;
using Rollup.Evm.State;
using Rollup.Sequencer.Storage;

namespace Rollup.Sequencer.State;

/// <summary>World state in RocksDB with every version kept: an account or slot written by block N is stored under a key
/// ending in N, and reading "as of block M" seeks to the newest key at or before M. So the state after any block stays
/// readable (eth_call and eth_getBalance at old blocks, debug_traceTransaction replays) without copies, and a block's
/// state writes are plain puts that go into the block's own atomic batch. The root comes from an
/// <see cref="IStateCommitment"/> (the interim Merkle-Patricia trie for now).</summary>
public sealed class VersionedStateStore(Database db, IStateCommitment commitment) : IStateStore
{
    private ulong _head;

    public Hash256 Root => commitment.Root;

    public IStateSource At(ulong number) => new StateView(db, number);

    public Hash256 Open(ulong headNumber)
    {
        _head = headNumber;
        commitment.Reset(LiveAccounts(headNumber));
        return commitment.Root;
    }

    public Hash256 Commit(ulong number, StateChanges changes, WriteBatch batch)
    {
        var before = new StateView(db, _head);
        foreach (var (hash, code) in changes.Code) batch.Put(Keys.Of(Keys.Code, hash), code);

        foreach (var (address, account) in changes.Accounts)
        {
            var previous = before.Record(address);
            ulong incarnation = previous?.Incarnation ?? 0;
            AccountRecord record;
            if (account is not { } data)
            {
                record = AccountRecord.Tombstone(incarnation + 1);
            }
            else
            {
                if (changes.StorageCleared.Contains(address)) incarnation++;
                record = new AccountRecord(true, data, incarnation);
            }
            batch.Put(Keys.Versioned(Keys.Of(Keys.Account, address), number), record.Encode());

            if (!record.Exists || !changes.Storage.TryGetValue(address, out var writes)) continue;
            foreach (var (slot, value) in writes)
            {
                // The journal's storage layer also holds values that were only read: store real changes only.
                var old = StateView.ReadSlot(db, address, incarnation, slot, _head);
                if (old == value) continue;
                batch.Put(Keys.Versioned(Keys.StorageSlot(address, incarnation, slot), number), value.ToBigEndianTrimmed());
            }
        }
        _head = number;
        return commitment.Apply(changes);
    }

    /// <summary>The whole state after a block: the newest version of every account, with its non-zero storage.</summary>
    private IEnumerable<(Address, AccountData, IEnumerable<KeyValuePair<UInt256, UInt256>>)> LiveAccounts(ulong number)
    {
        Address? current = null;
        AccountRecord? latest = null;
        foreach (var (key, value) in db.Scan(Keys.Of(Keys.Account)))
        {
            var address = new Address(key.AsSpan(1, 20));
            if (current is { } c && c != address)
            {
                if (latest is { Exists: true } r) yield return Live(c, r, number);
                latest = null;
            }
            current = address;
            if (Keys.ReadNumber(key.AsSpan(21)) <= number) latest = AccountRecord.Decode(value);
        }
        if (current is { } last && latest is { Exists: true } lr) yield return Live(last, lr, number);
    }

    private (Address, AccountData, IEnumerable<KeyValuePair<UInt256, UInt256>>) Live(Address address, AccountRecord record, ulong number) =>
        (address, record.Data, StateView.LatestSlots(db, address, record.Incarnation, number).Where(kv => !kv.Value.IsZero));
}
