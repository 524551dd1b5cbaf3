namespace Rollup.Core.Transactions;

/// <summary>Why a transaction is invalid, independent of any state. Each kind is a distinct rule, so callers
/// (the mempool, JSON-RPC, the conformance runner) can tell a user exactly what is wrong.</summary>
public enum TxError
{
    /// <summary>The bytes are not well-formed RLP (truncated, lengths past the end, trailing bytes, non-canonical lengths).</summary>
    MalformedRlp,
    /// <summary>The list has fewer fields than the type needs.</summary>
    TooFewFields,
    /// <summary>The list has more fields than the type has.</summary>
    TooManyFields,
    /// <summary>A field that must be a byte string is a list (see <see cref="TxException.Field"/>).</summary>
    FieldIsList,
    /// <summary>An integer field has leading zero bytes (see <see cref="TxException.Field"/>).</summary>
    LeadingZeros,
    /// <summary>The first byte names no transaction type this fork knows, or a typed transaction before its fork.</summary>
    TypeNotSupported,
    /// <summary>The nonce does not fit in 64 bits.</summary>
    NonceOverflow,
    /// <summary>EIP-2681: the nonce is 2^64 − 1, which could never be incremented.</summary>
    NonceTooBig,
    /// <summary>The gas limit does not fit in 64 bits.</summary>
    GasLimitOverflow,
    /// <summary>The gas price or fee cap does not fit in 256 bits.</summary>
    GasPriceOverflow,
    /// <summary>The priority fee does not fit in 256 bits.</summary>
    PriorityFeeOverflow,
    /// <summary>The value does not fit in 256 bits.</summary>
    ValueOverflow,
    /// <summary>The recipient is shorter than 20 bytes (and not empty, which means contract creation).</summary>
    AddressTooShort,
    /// <summary>The recipient is longer than 20 bytes.</summary>
    AddressTooLong,
    AccessListAddressTooShort,
    AccessListAddressTooLong,
    AccessListStorageKeyTooShort,
    AccessListStorageKeyTooLong,
    /// <summary>A blob transaction without a recipient, or a versioned hash that is not 32 bytes.</summary>
    InvalidBlobField,
    /// <summary>v, r or s outside their allowed ranges (r, s in [1, n−1]; s ≤ n/2 from Homestead; v per type and fork).</summary>
    InvalidSignature,
    /// <summary>The signature commits to a different chain id than this chain's (or EIP-155 before its fork).</summary>
    InvalidChainId,
    /// <summary>The signature is in range but no public key can be recovered from it.</summary>
    RecoveryFailed,
    /// <summary>The gas limit is below the intrinsic gas.</summary>
    IntrinsicGasTooLow,
    /// <summary>gas limit × gas price (or fee cap) exceeds 2^256 − 1.</summary>
    GasLimitPriceProductOverflow,
    /// <summary>EIP-1559: the priority fee is above the fee cap.</summary>
    PriorityFeeAboveMaxFee,
    /// <summary>EIP-3860: contract creation with initcode over 49,152 bytes.</summary>
    InitCodeTooLarge,

    // Rules against the state and the block, checked when the transaction is about to run.

    /// <summary>The nonce is below the sender's account nonce (already used).</summary>
    NonceTooLow,
    /// <summary>The nonce is above the sender's account nonce (a gap).</summary>
    NonceTooHigh,
    /// <summary>The sender cannot pay gas limit × fee cap + value (+ blob gas × blob fee cap).</summary>
    InsufficientFunds,
    /// <summary>EIP-1559: the fee cap is below the block's base fee.</summary>
    FeeCapBelowBaseFee,
    /// <summary>EIP-4844: the blob fee cap is below the block's blob base fee.</summary>
    BlobFeeCapBelowBlobBaseFee,
    /// <summary>EIP-3607: the sender has code, so it is not an externally owned account.</summary>
    SenderNotEoa,
    /// <summary>The gas limit is more than the block has left.</summary>
    GasLimitAboveBlockGas,
    /// <summary>EIP-4844: a blob transaction must carry at least one blob.</summary>
    BlobCountZero,
    /// <summary>EIP-4844: more blobs than a block may hold.</summary>
    BlobCountExceeded,
    /// <summary>EIP-4844: a versioned hash whose first byte is not the KZG version 0x01.</summary>
    BlobVersionedHashInvalid,
    /// <summary>EIP-4844: blob transactions cannot create contracts.</summary>
    BlobContractCreation,
}

/// <summary>A transaction was rejected; <see cref="Error"/> says which rule it broke.</summary>
public sealed class TxException(TxError error, string message, TxField field = TxField.None) : Exception(message)
{
    public TxError Error { get; } = error;

    /// <summary>The field the error is about, where it is about one.</summary>
    public TxField Field { get; } = field;
}

/// <summary>The fields of a transaction, for error reports.</summary>
public enum TxField
{
    None, ChainId, Nonce, GasPrice, MaxPriorityFeePerGas, MaxFeePerGas, GasLimit, To, Value, Data, AccessList,
    MaxFeePerBlobGas, BlobVersionedHashes, V, R, S,
}
