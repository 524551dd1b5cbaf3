using Rollup.Core.Crypto;
using Rollup.Core.Numerics;
using Rollup.Core.Types;

namespace Rollup.Evm.State;

/// <summary>An account's fields as stored: nonce, balance and the hash of its code (storage is kept apart).</summary>
public readonly record struct AccountData(ulong Nonce, UInt256 Balance, Hash256 CodeHash)
{
    /// <summary>Keccak-256 of empty code: the code hash of every account without code.</summary>
    public static readonly Hash256 EmptyCodeHash = Keccak256.Hash([]);

    public static AccountData Empty => new(0, UInt256.Zero, EmptyCodeHash);

    /// <summary>EIP-161 "empty": no nonce, no balance, no code.</summary>
    public bool IsEmpty => Nonce == 0 && Balance.IsZero && CodeHash == EmptyCodeHash;
}
