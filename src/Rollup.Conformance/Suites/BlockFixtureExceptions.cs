using Rollup.Core.Blocks;

namespace Rollup.Conformance.Suites;

/// <summary>Matches the exception names BlockchainTests expect for an invalid block ("BlockException.INVALID_GASLIMIT",
/// or "TransactionException.NONCE_MISMATCH_TOO_LOW" for a block rejected because of one of its transactions) against
/// the <see cref="BlockException"/> we raised, so that an invalid block passes only when rejected for the named rule.</summary>
public static class BlockFixtureExceptions
{
    private const string BlockPrefix = "BlockException.";
    private const string TransactionPrefix = "TransactionException.";

    /// <summary>Whether our error is one of the rules named; alternatives are separated by '|'.</summary>
    public static bool Matches(string expected, BlockException actual) =>
        expected.Split('|').Select(e => e.Trim()).Any(e => e.StartsWith(TransactionPrefix, StringComparison.Ordinal)
            ? actual.Transaction is { } tx && FixtureExceptions.Matches(e, tx)
            : e.StartsWith(BlockPrefix, StringComparison.Ordinal) && Rule(e[BlockPrefix.Length..]) is { } rule && rule == actual.Error);

    private static BlockError? Rule(string name) => name switch
    {
        "RLP_STRUCTURES_ENCODING" => BlockError.MalformedRlp,
        "RLP_INVALID_FIELD_OVERFLOW_64" => BlockError.FieldOverflow64,
        "RLP_INVALID_ADDRESS" => BlockError.InvalidAddress,
        // The body has no withdrawals list where Shanghai requires one: the decoder "did not read" it.
        "RLP_WITHDRAWALS_NOT_READ" => BlockError.ForkFieldMissing,
        "UNKNOWN_PARENT" or "UNKNOWN_PARENT_ZERO" => BlockError.UnknownParent,
        "INVALID_BLOCK_NUMBER" => BlockError.InvalidNumber,
        "INVALID_BLOCK_TIMESTAMP_OLDER_THAN_PARENT" => BlockError.TimestampNotAfterParent,
        "INVALID_GASLIMIT" => BlockError.InvalidGasLimit,
        "GASLIMIT_TOO_BIG" => BlockError.GasLimitTooBig,
        "GAS_USED_OVERFLOW" => BlockError.GasUsedAboveLimit,
        "EXTRA_DATA_TOO_BIG" => BlockError.ExtraDataTooLong,
        "INVALID_BASEFEE_PER_GAS" => BlockError.InvalidBaseFee,
        "IMPORT_IMPOSSIBLE_DIFFICULTY_OVER_PARIS" => BlockError.DifficultyAfterMerge,
        "IMPORT_IMPOSSIBLE_UNCLES_OVER_PARIS" => BlockError.OmmersAfterMerge,
        "INCORRECT_EXCESS_BLOB_GAS" => BlockError.InvalidExcessBlobGas,
        "BLOB_GAS_USED_ABOVE_LIMIT" => BlockError.BlobGasUsedAboveLimit,
        "INCORRECT_BLOB_GAS_USED" => BlockError.InvalidBlobGasUsed,
        "INVALID_UNCLES_HASH" => BlockError.InvalidOmmersHash,
        "INVALID_TRANSACTIONS_ROOT" => BlockError.InvalidTransactionsRoot,
        "INVALID_WITHDRAWALS_ROOT" => BlockError.InvalidWithdrawalsRoot,
        "INVALID_GAS_USED" => BlockError.InvalidGasUsed,
        "INVALID_LOG_BLOOM" => BlockError.InvalidLogsBloom,
        "INVALID_RECEIPTS_ROOT" => BlockError.InvalidReceiptsRoot,
        "INVALID_STATE_ROOT" => BlockError.InvalidStateRoot,
        _ => null,
    };
}
