using Rollup.Core.Transactions;

namespace Rollup.Conformance.Suites;

/// <summary>Matches the exception names the ethereum/tests fixtures expect ("TransactionException.NONCE_OVERFLOW")
/// against the error we raised, so that an invalid case passes only when it was rejected for the right reason.</summary>
public static class FixtureExceptions
{
    /// <summary>Whether our error is the rule the fixture's exception names. Several fixture names may be given,
    /// separated by '|' (state tests do that where clients disagree on the first rule broken).</summary>
    public static bool Matches(string expected, TxException actual) =>
        expected.Split('|').Any(e => MatchesOne(e.Trim(), actual));

    private static bool MatchesOne(string expected, TxException e)
    {
        const string prefix = "TransactionException.";
        string name = expected.StartsWith(prefix, StringComparison.Ordinal) ? expected[prefix.Length..] : expected;
        return name switch
        {
            // Structural RLP failures: the fixtures name the byte-level symptom; any malformed-RLP verdict is that rule.
            "RLP_ERROR_SIZE" or "RLP_ERROR_EOF" or "RLP_ERROR_SIZE_LEADING_ZEROS" or "RLP_INVALID_HEADER"
                or "RLP_LEADING_ZEROS_NONCE_SIZE" or "RLP_LEADING_ZEROS_DATA_SIZE" => e.Error == TxError.MalformedRlp,
            "RLP_TOO_FEW_ELEMENTS" => e.Error == TxError.TooFewFields,
            "RLP_TOO_MANY_ELEMENTS" => e.Error == TxError.TooManyFields,
            "RLP_INVALID_NONCE" => IsField(e, TxError.FieldIsList, TxField.Nonce),
            "RLP_INVALID_GASLIMIT" => IsField(e, TxError.FieldIsList, TxField.GasLimit),
            "RLP_INVALID_TO" => IsField(e, TxError.FieldIsList, TxField.To),
            "RLP_INVALID_DATA" => IsField(e, TxError.FieldIsList, TxField.Data),
            "RLP_INVALID_SIGNATURE_R" => IsField(e, TxError.FieldIsList, TxField.R),
            "RLP_INVALID_SIGNATURE_S" => IsField(e, TxError.FieldIsList, TxField.S),
            "RLP_LEADING_ZEROS_NONCE" => IsField(e, TxError.LeadingZeros, TxField.Nonce),
            "RLP_LEADING_ZEROS_GASPRICE" => IsField(e, TxError.LeadingZeros, TxField.GasPrice),
            "RLP_LEADING_ZEROS_GASLIMIT" => IsField(e, TxError.LeadingZeros, TxField.GasLimit),
            "RLP_LEADING_ZEROS_VALUE" => IsField(e, TxError.LeadingZeros, TxField.Value),
            "RLP_LEADING_ZEROS_V" => IsField(e, TxError.LeadingZeros, TxField.V),
            "RLP_LEADING_ZEROS_R" => IsField(e, TxError.LeadingZeros, TxField.R),
            "RLP_LEADING_ZEROS_S" => IsField(e, TxError.LeadingZeros, TxField.S),
            "RLP_LEADING_ZEROS_BASEFEE" => IsField(e, TxError.LeadingZeros, TxField.MaxFeePerGas),
            "RLP_LEADING_ZEROS_PRIORITY_FEE" => IsField(e, TxError.LeadingZeros, TxField.MaxPriorityFeePerGas),
            "RLP_INVALID_ACCESS_LIST_ADDRESS_TOO_LONG" => e.Error == TxError.AccessListAddressTooLong,
            "RLP_INVALID_ACCESS_LIST_ADDRESS_TOO_SHORT" => e.Error == TxError.AccessListAddressTooShort,
            "RLP_INVALID_ACCESS_LIST_STORAGE_TOO_LONG" => e.Error == TxError.AccessListStorageKeyTooLong,
            "RLP_INVALID_ACCESS_LIST_STORAGE_TOO_SHORT" => e.Error == TxError.AccessListStorageKeyTooShort,
            "TYPE_NOT_SUPPORTED" => e.Error == TxError.TypeNotSupported,
            "NONCE_OVERFLOW" => e.Error == TxError.NonceOverflow,
            "NONCE_TOO_BIG" => e.Error == TxError.NonceTooBig,
            "GASLIMIT_OVERFLOW" => e.Error == TxError.GasLimitOverflow,
            "GASPRICE_OVERFLOW" => e.Error == TxError.GasPriceOverflow,
            "PRIORITY_OVERFLOW" => e.Error == TxError.PriorityFeeOverflow,
            "VALUE_OVERFLOW" => e.Error == TxError.ValueOverflow,
            "ADDRESS_TOO_SHORT" => e.Error == TxError.AddressTooShort,
            "ADDRESS_TOO_LONG" => e.Error == TxError.AddressTooLong,
            "INVALID_SIGNATURE_VRS" => e.Error == TxError.InvalidSignature,
            "INVALID_CHAINID" => e.Error == TxError.InvalidChainId,
            "EC_RECOVERY_FAIL" => e.Error == TxError.RecoveryFailed,
            "INTRINSIC_GAS_TOO_LOW" => e.Error == TxError.IntrinsicGasTooLow,
            "GASLIMIT_PRICE_PRODUCT_OVERFLOW" => e.Error == TxError.GasLimitPriceProductOverflow,
            "PRIORITY_GREATER_THAN_MAX_FEE_PER_GAS" or "PRIORITY_GREATER_THAN_MAX_FEE_PER_GAS_2" => e.Error == TxError.PriorityFeeAboveMaxFee,
            "INITCODE_SIZE_EXCEEDED" => e.Error == TxError.InitCodeTooLarge,
            "NONCE_MISMATCH_TOO_LOW" => e.Error == TxError.NonceTooLow,
            "NONCE_MISMATCH_TOO_HIGH" => e.Error == TxError.NonceTooHigh,
            "INSUFFICIENT_ACCOUNT_FUNDS" => e.Error == TxError.InsufficientFunds,
            "INSUFFICIENT_MAX_FEE_PER_GAS" => e.Error == TxError.FeeCapBelowBaseFee,
            "INSUFFICIENT_MAX_FEE_PER_BLOB_GAS" => e.Error == TxError.BlobFeeCapBelowBlobBaseFee,
            "SENDER_NOT_EOA" => e.Error == TxError.SenderNotEoa,
            "GAS_ALLOWANCE_EXCEEDED" => e.Error == TxError.GasLimitAboveBlockGas,
            "TYPE_3_TX_ZERO_BLOBS" => e.Error == TxError.BlobCountZero,
            "TYPE_3_TX_BLOB_COUNT_EXCEEDED" => e.Error == TxError.BlobCountExceeded,
            "TYPE_3_TX_INVALID_BLOB_VERSIONED_HASH" => e.Error == TxError.BlobVersionedHashInvalid,
            "TYPE_3_TX_CONTRACT_CREATION" => e.Error == TxError.BlobContractCreation,
            "TYPE_3_TX_PRE_FORK" => e.Error == TxError.TypeNotSupported,
            "RLP_INVALID_VALUE" => e.Error is TxError.ValueOverflow || IsField(e, TxError.FieldIsList, TxField.Value) || IsField(e, TxError.LeadingZeros, TxField.Value),
            _ => false,
        };
    }

    private static bool IsField(TxException e, TxError error, TxField field) => e.Error == error && e.Field == field;
}
