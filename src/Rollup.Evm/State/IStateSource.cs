using Rollup.Core.Numerics;
using Rollup.Core.Types;

namespace Rollup.Evm.State;

/// <summary>The committed state a transaction starts from: an in-memory map for tests and conformance runs, the
/// node's persistent store in production. Read-only to the EVM; changes come back through <see cref="StateChanges"/>.</summary>
public interface IStateSource
{
    bool TryGetAccount(in Address address, out AccountData account);
    UInt256 GetStorage(in Address address, in UInt256 key);
    bool HasStorage(in Address address);
    byte[] GetCode(in Hash256 codeHash);
}

/// <summary>What a block (or a transaction) changed, ready to apply to a state source.</summary>
public sealed class StateChanges
{
    /// <summary>Accounts written; a null value means the account was deleted (with all its storage).</summary>
    public Dictionary<Address, AccountData?> Accounts { get; } = [];
    /// <summary>Accounts whose storage was wiped before the writes below (re-created at an address that had storage).</summary>
    public HashSet<Address> StorageCleared { get; } = [];
    public Dictionary<Address, Dictionary<UInt256, UInt256>> Storage { get; } = [];
    public Dictionary<Hash256, byte[]> Code { get; } = [];
}
