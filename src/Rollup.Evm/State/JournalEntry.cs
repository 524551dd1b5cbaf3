using System.Runtime.InteropServices;
using Rollup.Core.Numerics;
using Rollup.Core.Types;

namespace Rollup.Evm.State;

/// <summary>What a journal entry undoes.</summary>
internal enum JournalKind : byte
{
    Balance, Nonce, Code, Storage, WarmSlotAndStorage, Transient, Existence, Recreated, SelfDestruct, Touch, WarmAccount, WarmSlot, Refund, Log,
}

/// <summary>One undoable change to the journaled state, as a value: the journal is an array of these, so recording a
/// change allocates nothing (SSTORE and SLOAD record one or two per instruction). Reverting a call frame undoes
/// entries newest first (<see cref="JournaledState"/>'s RevertToSnapshot). Which fields mean what depends on
/// <see cref="Kind"/>; the rare changes with more to save (code, re-creation) keep it in <see cref="Target"/>. The
/// address and the word share their bytes (no kind uses both), keeping an entry at 56 bytes.</summary>
[StructLayout(LayoutKind.Explicit)]
internal struct JournalEntry
{
    /// <summary>The <see cref="AccountObject"/> changed, or a <see cref="SavedCode"/> / <see cref="SavedAccount"/>.</summary>
    [FieldOffset(0)] public object? Target;
    /// <summary>A previous balance or slot value.</summary>
    [FieldOffset(8)] public UInt256 Word;
    /// <summary>Touch and warm-account changes: the address.</summary>
    [FieldOffset(8)] public Address Address;
    /// <summary>A previous nonce, refund, stamp or flag (for WarmSlotAndStorage: the warm stamp in the low 32 bits,
    /// the write stamp in the high 32).</summary>
    [FieldOffset(40)] public long Number;
    /// <summary>Storage, transient and warm-slot changes: the record's index in the account's slot table.</summary>
    [FieldOffset(48)] public int Slot;
    [FieldOffset(52)] public JournalKind Kind;
}

/// <summary>An account's code before SetCode.</summary>
internal sealed record SavedCode(AccountObject Account, Hash256 CodeHash, byte[]? Code);

/// <summary>An account's fields before CreateAccount (its storage is journaled slot by slot).</summary>
internal sealed record SavedAccount(AccountObject Account, bool TxStorageCleared, bool CreatedInTx, bool Existed, ulong Nonce,
    Hash256 CodeHash, byte[]? Code);
