using Rollup.Core.Chain;
using Rollup.Core.Numerics;
using Rollup.Core.Types;

namespace Rollup.Evm.Host;

/// <summary>The host interface between the interpreter and the state: every account, storage and log access the EVM
/// makes goes through it. Writes are journaled, so a failed call frame is undone with <see cref="RevertToSnapshot"/>.</summary>
public interface IWorldState
{
    bool AccountExists(in Address address);
    /// <summary>EIP-161 "dead": the account does not exist or is empty (no nonce, balance or code).</summary>
    bool IsDead(in Address address);
    UInt256 GetBalance(in Address address);
    ulong GetNonce(in Address address);
    byte[] GetCode(in Address address);
    /// <summary>Keccak of the code; the zero hash for an account that does not exist.</summary>
    Hash256 GetCodeHash(in Address address);

    /// <summary>Whether any storage slot of the account is non-zero (EIP-7610: CREATE must not land on such an address).</summary>
    bool HasStorage(in Address address);
    UInt256 GetStorage(in Address address, in UInt256 key);
    /// <summary>The slot's value at the start of the transaction (EIP-2200's "original value").</summary>
    UInt256 GetOriginalStorage(in Address address, in UInt256 key);
    void SetStorage(in Address address, in UInt256 key, in UInt256 value);
    UInt256 GetTransientStorage(in Address address, in UInt256 key);
    void SetTransientStorage(in Address address, in UInt256 key, in UInt256 value);

    /// <summary>EIP-2929: marks the account warm and tells whether it was cold before.</summary>
    bool WarmAccount(in Address address);
    /// <summary>EIP-2929: marks the slot warm and tells whether it was cold before.</summary>
    bool WarmStorage(in Address address, in UInt256 key);
    bool IsWarm(in Address address);

    void AddBalance(in Address address, in UInt256 amount);
    void SubtractBalance(in Address address, in UInt256 amount);
    void SetNonce(in Address address, ulong nonce);
    void SetCode(in Address address, byte[] code);
    /// <summary>Makes a fresh account for CREATE/CREATE2 at the address: storage and code cleared, balance kept.</summary>
    void CreateAccount(in Address address);
    /// <summary>EIP-6780: SELFDESTRUCT deletes only accounts created in the same transaction.</summary>
    bool WasCreatedInTransaction(in Address address);
    void MarkSelfDestructed(in Address address);
    bool HasSelfDestructed(in Address address);
    /// <summary>EIP-161: a touched account that ends the transaction empty is deleted.</summary>
    void Touch(in Address address);

    void AddLog(LogEntry log);
    void AddRefund(long gas);
    void SubtractRefund(long gas);
    long Refund { get; }

    int TakeSnapshot();
    void RevertToSnapshot(int snapshot);
}
