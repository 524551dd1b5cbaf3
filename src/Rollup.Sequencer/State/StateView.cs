using Rollup.Core.Numerics;
using Rollup.Core.Types;
using Rollup.Evm.State;
using Rollup.Sequencer.Storage;

namespace Rollup.Sequencer.State;

/// <summary>The stored state as it was after one block: each read finds the newest version at or before that block.
/// Views are cheap and short-lived (one block build, one RPC call); they cache account records, which every storage
/// read needs for the incarnation. Later blocks never change what a view sees, so views need no locking.</summary>
public sealed class StateView(Database db, ulong blockNumber) : IStateSource
{
    private readonly Dictionary<Address, AccountRecord?> _records = [];

    public ulong BlockNumber => blockNumber;

    /// <summary>The account's record (a tombstone if it was deleted); null if it never existed.</summary>
    public AccountRecord? Record(in Address address)
    {
        if (_records.TryGetValue(address, out var cached)) return cached;
        var prefix = Keys.Of(Keys.Account, address);
        AccountRecord? record = db.TrySeekAtOrBefore(Keys.Versioned(prefix, blockNumber), prefix, out _, out var value)
            ? AccountRecord.Decode(value) : null;
        _records[address] = record;
        return record;
    }

    public bool TryGetAccount(in Address address, out AccountData account)
    {
        if (Record(address) is { Exists: true } r)
        {
            account = r.Data;
            return true;
        }
        account = default;
        return false;
    }

    public UInt256 GetStorage(in Address address, in UInt256 key) =>
        Record(address) is { Exists: true } r ? ReadSlot(db, address, r.Incarnation, key, blockNumber) : UInt256.Zero;

    public bool HasStorage(in Address address)
    {
        if (Record(address) is not { Exists: true } r) return false;
        // Rare (only CREATE's collision rule asks): walk the slots of this incarnation, newest version of each.
        foreach (var (_, value) in LatestSlots(db, address, r.Incarnation, blockNumber))
            if (!value.IsZero) return true;
        return false;
    }

    public byte[] GetCode(in Hash256 codeHash) =>
        codeHash == AccountData.EmptyCodeHash ? [] : db.Get(Keys.Of(Keys.Code, codeHash)) ?? [];

    internal static UInt256 ReadSlot(Database db, in Address address, ulong incarnation, in UInt256 slot, ulong blockNumber)
    {
        var prefix = Keys.StorageSlot(address, incarnation, slot);
        return db.TrySeekAtOrBefore(Keys.Versioned(prefix, blockNumber), prefix, out _, out var value)
            ? UInt256.FromBigEndian(value) : UInt256.Zero;
    }

    /// <summary>Every slot ever written in this incarnation with its value at the block (zero included).</summary>
    internal static IEnumerable<KeyValuePair<UInt256, UInt256>> LatestSlots(Database db, Address address, ulong incarnation, ulong blockNumber)
    {
        const int slotEnd = 1 + 20 + 8 + 32;
        byte[]? currentSlot = null;
        UInt256 currentValue = default;
        bool have = false;
        foreach (var (key, value) in db.Scan(Keys.StorageOf(address, incarnation)))
        {
            var slot = key[..slotEnd];
            if (currentSlot is null || !slot.AsSpan().SequenceEqual(currentSlot))
            {
                if (have) yield return new(UInt256.FromBigEndian(currentSlot.AsSpan(29, 32)), currentValue);
                currentSlot = slot;
                have = false;
            }
            if (Keys.ReadNumber(key.AsSpan(slotEnd)) <= blockNumber)
            {
                currentValue = UInt256.FromBigEndian(value);
                have = true;
            }
        }
        if (have) yield return new(UInt256.FromBigEndian(currentSlot.AsSpan(29, 32)), currentValue);
    }
}
