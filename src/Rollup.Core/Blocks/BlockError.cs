using Rollup.Core.Transactions;

namespace Rollup.Core.Blocks;

/// <summary>Why a block is invalid. Each kind is one rule, so the conformance runner can tell that a block was
/// rejected for the reason a fixture names, and a node can log exactly what a peer sent wrong.</summary>
public enum BlockError
{
    // ---- encoding ----

    /// <summary>The bytes are not a well-formed block: bad RLP, a wrong number of fields, a list where a string belongs.</summary>
    MalformedRlp,
    /// <summary>A 64-bit field (number, gas, timestamp, a withdrawal's index or amount) has more than 8 bytes.</summary>
    FieldOverflow64,
    /// <summary>An address (coinbase, a withdrawal's recipient) is not 20 bytes.</summary>
    InvalidAddress,
    /// <summary>A header field or body list that the block's fork requires is absent (base fee from London,
    /// withdrawals from Shanghai, blob gas and the beacon root from Cancun).</summary>
    ForkFieldMissing,
    /// <summary>A header field or body list that the block's fork does not have yet is present.</summary>
    ForkFieldUnexpected,

    // ---- the header against its parent ----

    /// <summary>No block with the header's parent hash is known.</summary>
    UnknownParent,
    /// <summary>The number is not the parent's plus one.</summary>
    InvalidNumber,
    /// <summary>The timestamp is not later than the parent's.</summary>
    TimestampNotAfterParent,
    /// <summary>The gas limit moved by parent/1024 or more from the parent's, or is below the 5,000 minimum.</summary>
    InvalidGasLimit,
    /// <summary>The gas limit is above 2^63 − 1.</summary>
    GasLimitTooBig,
    /// <summary>The header claims more gas used than its gas limit.</summary>
    GasUsedAboveLimit,
    /// <summary>The extra data is longer than 32 bytes.</summary>
    ExtraDataTooLong,
    /// <summary>EIP-1559: the base fee is not the one the parent's gas use implies.</summary>
    InvalidBaseFee,
    /// <summary>After the merge the difficulty must be 0.</summary>
    DifficultyAfterMerge,
    /// <summary>After the merge the nonce must be 0.</summary>
    NonceAfterMerge,
    /// <summary>After the merge a block has no ommers, and its ommers hash is that of the empty list.</summary>
    OmmersAfterMerge,
    /// <summary>EIP-4844: the excess blob gas is not the one the parent implies.</summary>
    InvalidExcessBlobGas,
    /// <summary>EIP-4844: the header's blob gas used is over the block maximum or not a multiple of the blob size.</summary>
    BlobGasUsedAboveLimit,

    // ---- the body against the header ----

    /// <summary>The ommers hash is not the hash of the block's ommers list.</summary>
    InvalidOmmersHash,
    /// <summary>Before the merge: more than two ommers, or an ommer that is not 1 to 6 generations older than the block.</summary>
    InvalidOmmer,
    InvalidTransactionsRoot,
    InvalidWithdrawalsRoot,
    /// <summary>EIP-4844: the header's blob gas used is not the blob gas of its transactions.</summary>
    InvalidBlobGasUsed,
    /// <summary>A transaction is invalid (malformed, or it broke a rule against the state or the block); see
    /// <see cref="BlockException.Transaction"/> and <see cref="BlockException.TransactionIndex"/>.</summary>
    InvalidTransaction,

    // ---- the header against the result of execution ----

    InvalidGasUsed,
    InvalidLogsBloom,
    InvalidReceiptsRoot,
    InvalidStateRoot,
}

/// <summary>A block was rejected; <see cref="Error"/> says which rule it broke.</summary>
public sealed class BlockException : Exception
{
    public BlockException(BlockError error, string message) : base(message) => Error = error;

    /// <summary>A block rejected because one of its transactions is.</summary>
    public BlockException(TxException transaction, int index)
        : base($"transaction {index}: {transaction.Error}: {transaction.Message}", transaction)
    {
        Error = BlockError.InvalidTransaction;
        Transaction = transaction;
        TransactionIndex = index;
    }

    public BlockError Error { get; }

    /// <summary>For <see cref="BlockError.InvalidTransaction"/>: why the transaction was rejected.</summary>
    public TxException? Transaction { get; }

    public int TransactionIndex { get; } = -1;
}
