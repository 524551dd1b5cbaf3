using MessagePack;
using Rollup.Core.Numerics;
using Rollup.Core.Types;

namespace Rollup.Evm.Tracing.Zk;

/// <summary>What a read/write log entry is about. The state circuit sorts the log by (tag, id, address, key) and checks
/// that every read returns the previous write of the same cell (or the cell's initial value).</summary>
public enum RwTag : byte
{
    /// <summary>A stack slot of a call. Id: call id. Key: slot index from the bottom (0..1023).</summary>
    Stack = 1,
    /// <summary>One 32-byte word of a call's memory. Id: call id. Key: the word index (byte address / 32; the word holds
    /// bytes 32·key … 32·key + 31). Value: the word as a big-endian number, as memory holds it (the byte at the lowest
    /// address is the most significant). An access that straddles a word boundary touches both words; a write logs each
    /// word whole, with its previous value.</summary>
    Memory = 2,
    /// <summary>A storage slot. Address: the contract. Key: the slot. Committed: the value at transaction start.</summary>
    Storage = 3,
    /// <summary>An EIP-1153 transient slot. Address: the contract. Key: the slot.</summary>
    TransientStorage = 4,
    /// <summary>An account field. Address: the account. Key: an <see cref="AccountField"/>.</summary>
    Account = 5,
    /// <summary>A field of a call's context. Id: call id. Key: a <see cref="CallContextField"/>.</summary>
    CallContext = 6,
    /// <summary>EIP-2929 warmth of an account (value 1 = warm). Id: transaction. Address: the account.</summary>
    AccessListAccount = 7,
    /// <summary>EIP-2929 warmth of a storage slot. Id: transaction. Address and Key: the slot.</summary>
    AccessListStorage = 8,
    /// <summary>The transaction's gas refund counter. Id: transaction.</summary>
    TxRefund = 9,
}

public enum AccountField : byte { Nonce = 1, Balance = 2, CodeHash = 3 }

public enum CallContextField : byte
{
    CallerAddress = 1, CalleeAddress = 2, CodeAddress = 3, Value = 4, CallDataLength = 5, IsStatic = 6, Depth = 7, IsCreate = 8,
    /// <summary>Whether the call ended successfully (written when it ends).</summary>
    IsSuccess = 9,
}

/// <summary>One access in the ordered read/write log of a transaction's execution.</summary>
[MessagePackObject]
public readonly record struct RwEntry(
    [property: Key(0)] int RwCounter,
    [property: Key(1)] bool IsWrite,
    [property: Key(2)] RwTag Tag,
    [property: Key(3)] int Id,
    [property: Key(4)] Address Address,
    [property: Key(5)] UInt256 Key,
    [property: Key(6)] UInt256 Value,
    [property: Key(7)] UInt256 Previous,
    [property: Key(8)] UInt256 Committed)
{
    /// <summary>The transaction of a batch the access belongs to (1, 2, …): set by the circuits' witness builder, which
    /// numbers a batch's transactions; not part of a trace.</summary>
    [IgnoreMember]
    public int TxId { get; init; }
}
