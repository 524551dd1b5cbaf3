using Rollup.Core.Blocks;
using Rollup.Core.Chain;
using Rollup.Evm.Execution;

namespace Rollup.Evm.Blocks;

/// <summary>The rules a header must meet against its parent before any transaction runs, in the order that reports
/// a header breaking several rules for the rule the fixtures name (geth's order, but the gas limit's bounds before
/// the gas used against it). Proof-of-work (the difficulty formula
/// and the seal) is not checked: the chains this code imports are post-merge, and pre-merge blocks come only from
/// fixtures sealed with "NoProof".</summary>
public static class HeaderValidator
{
    public const int MaxExtraDataSize = 32;
    public const ulong MinGasLimit = 5_000;
    public const ulong MaxGasLimit = long.MaxValue;
    /// <summary>The gas limit may move by less than parent/1024 per block.</summary>
    public const ulong GasLimitBoundDivisor = 1_024;

    /// <exception cref="BlockException">naming the first rule broken.</exception>
    public static void Validate(BlockHeader header, BlockHeader parent, ForkRules rules)
    {
        CheckForkFields(header, rules);

        if (header.ExtraData.Length > MaxExtraDataSize)
            throw Fail(BlockError.ExtraDataTooLong, $"extra data is {header.ExtraData.Length} bytes, at most {MaxExtraDataSize}");
        if (rules.IsParis)
        {
            if (!header.Difficulty.IsZero) throw Fail(BlockError.DifficultyAfterMerge, $"difficulty {header.Difficulty} after the merge");
            if (header.Nonce != 0) throw Fail(BlockError.NonceAfterMerge, $"nonce {header.Nonce} after the merge");
            if (header.OmmersHash != BlockHeader.EmptyOmmersHash)
                throw Fail(BlockError.OmmersAfterMerge, $"ommers hash {header.OmmersHash} after the merge; only the empty list's is allowed");
        }
        if (header.Timestamp <= parent.Timestamp)
            throw Fail(BlockError.TimestampNotAfterParent, $"timestamp {header.Timestamp} is not after the parent's {parent.Timestamp}");
        if (header.Number != parent.Number + 1)
            throw Fail(BlockError.InvalidNumber, $"number {header.Number} does not follow the parent's {parent.Number}");
        if (header.GasLimit > MaxGasLimit)
            throw Fail(BlockError.GasLimitTooBig, $"gas limit {header.GasLimit} is above 2^63-1");
        // The limit's bounds before the gas used against it: a zero limit is reported as the bad limit it is.
        CheckGasLimit(header, parent, rules);
        if (header.GasUsed > header.GasLimit)
            throw Fail(BlockError.GasUsedAboveLimit, $"gas used {header.GasUsed} is above the gas limit {header.GasLimit}");
        if (rules.IsLondon)
        {
            var expected = BaseFee.Next(parent);
            if (header.BaseFeePerGas != expected)
                throw Fail(BlockError.InvalidBaseFee, $"base fee {header.BaseFeePerGas} is not the {expected} the parent implies");
        }
        if (rules.IsCancun)
        {
            ulong used = header.BlobGasUsed!.Value;
            if (used > BlobGas.MaxPerBlock)
                throw Fail(BlockError.BlobGasUsedAboveLimit, $"blob gas used {used} is above the block maximum {BlobGas.MaxPerBlock}");
            if (used % BlobGas.PerBlob != 0)
                throw Fail(BlockError.InvalidBlobGasUsed, $"blob gas used {used} is not a multiple of {BlobGas.PerBlob}");
            ulong expected = BlobGas.Excess(parent.ExcessBlobGas ?? 0, parent.BlobGasUsed ?? 0);
            if (header.ExcessBlobGas != expected)
                throw Fail(BlockError.InvalidExcessBlobGas, $"excess blob gas {header.ExcessBlobGas} is not the {expected} the parent implies");
        }
    }

    /// <summary>The gas limit stays within parent ± parent/1024 (exclusive) and at or above the minimum. At the London
    /// fork block the parent's limit is doubled first (EIP-1559 elasticity), so the usable target stays the same.</summary>
    private static void CheckGasLimit(BlockHeader header, BlockHeader parent, ForkRules rules)
    {
        ulong parentLimit = parent.GasLimit;
        if (rules.IsLondon && parent.BaseFeePerGas is null) parentLimit *= BaseFee.ElasticityMultiplier;
        ulong diff = header.GasLimit > parentLimit ? header.GasLimit - parentLimit : parentLimit - header.GasLimit;
        ulong bound = parentLimit / GasLimitBoundDivisor;
        if (diff >= bound)
            throw Fail(BlockError.InvalidGasLimit, $"gas limit {header.GasLimit} moved by {diff} from the parent's {parentLimit}; less than {bound} is allowed");
        if (header.GasLimit < MinGasLimit)
            throw Fail(BlockError.InvalidGasLimit, $"gas limit {header.GasLimit} is below the minimum {MinGasLimit}");
    }

    /// <summary>The optional header fields are exactly those of the fork.</summary>
    private static void CheckForkFields(BlockHeader h, ForkRules rules)
    {
        Check(h.BaseFeePerGas.HasValue, rules.IsLondon, "baseFeePerGas", "London");
        Check(h.WithdrawalsRoot.HasValue, rules.IsShanghai, "withdrawalsRoot", "Shanghai");
        Check(h.BlobGasUsed.HasValue, rules.IsCancun, "blobGasUsed", "Cancun");
        Check(h.ExcessBlobGas.HasValue, rules.IsCancun, "excessBlobGas", "Cancun");
        Check(h.ParentBeaconBlockRoot.HasValue, rules.IsCancun, "parentBeaconBlockRoot", "Cancun");

        static void Check(bool present, bool required, string field, string fork)
        {
            if (required && !present) throw Fail(BlockError.ForkFieldMissing, $"the header has no {field}, which {fork} requires");
            if (!required && present) throw Fail(BlockError.ForkFieldUnexpected, $"the header has {field}, which exists only from {fork}");
        }
    }

    private static BlockException Fail(BlockError error, string message) => new(error, message);
}
