using Rollup.Core.Numerics;
using Rollup.Core.Types;

namespace Rollup.Evm.State;

/// <summary>A whole state in dictionaries: the pre-state of a test, or a small devnet. Applies change sets and
/// enumerates everything, which the Merkle-Patricia root computation needs.</summary>
public sealed class InMemoryStateSource : IStateSource
{
    private readonly Dictionary<Address, AccountData> _accounts = [];
    private readonly Dictionary<Address, Dictionary<UInt256, UInt256>> _storage = [];
    private readonly Dictionary<Hash256, byte[]> _code = new() { [AccountData.EmptyCodeHash] = [] };

    public IEnumerable<KeyValuePair<Address, AccountData>> Accounts => _accounts;

    public IReadOnlyDictionary<UInt256, UInt256> StorageOf(in Address address) =>
        _storage.TryGetValue(address, out var s) ? s : new Dictionary<UInt256, UInt256>();

    public bool TryGetAccount(in Address address, out AccountData account) => _accounts.TryGetValue(address, out account);

    public UInt256 GetStorage(in Address address, in UInt256 key) =>
        _storage.TryGetValue(address, out var s) && s.TryGetValue(key, out var v) ? v : UInt256.Zero;

    public bool HasStorage(in Address address) => _storage.TryGetValue(address, out var s) && s.Count > 0;

    public byte[] GetCode(in Hash256 codeHash) => _code.TryGetValue(codeHash, out var c) ? c : [];

    /// <summary>Adds an account with code and storage (zero values are not stored).</summary>
    public void SetAccount(Address address, ulong nonce, UInt256 balance, byte[] code, IEnumerable<KeyValuePair<UInt256, UInt256>>? storage = null)
    {
        var codeHash = code.Length == 0 ? AccountData.EmptyCodeHash : Core.Crypto.Keccak256.Hash(code);
        _code[codeHash] = code;
        _accounts[address] = new AccountData(nonce, balance, codeHash);
        var slots = new Dictionary<UInt256, UInt256>();
        if (storage is not null)
            foreach (var (k, v) in storage) if (!v.IsZero) slots[k] = v;
        _storage[address] = slots;
    }

    /// <summary>An independent copy: a block is executed against a copy of its parent's state, so a rejected block
    /// leaves nothing behind and sibling blocks each start from the same parent. Code is immutable and shared.</summary>
    public InMemoryStateSource Clone()
    {
        var copy = new InMemoryStateSource();
        foreach (var (address, account) in _accounts) copy._accounts[address] = account;
        foreach (var (address, slots) in _storage) copy._storage[address] = new Dictionary<UInt256, UInt256>(slots);
        foreach (var (hash, code) in _code) copy._code[hash] = code;
        return copy;
    }

    public void Apply(StateChanges changes)
    {
        foreach (var (hash, code) in changes.Code) _code[hash] = code;
        foreach (var address in changes.StorageCleared) _storage.Remove(address);
        foreach (var (address, account) in changes.Accounts)
        {
            if (account is { } a) _accounts[address] = a;
            else { _accounts.Remove(address); _storage.Remove(address); }
        }
        foreach (var (address, writes) in changes.Storage)
        {
            if (!_accounts.ContainsKey(address)) continue;
            if (!_storage.TryGetValue(address, out var slots)) _storage[address] = slots = [];
            foreach (var (k, v) in writes)
                if (v.IsZero) slots.Remove(k); else slots[k] = v;
        }
    }
}
