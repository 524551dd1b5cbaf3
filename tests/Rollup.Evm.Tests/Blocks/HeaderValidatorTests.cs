using Rollup.Core.Blocks;
using Rollup.Core.Chain;
using Rollup.Core.Types;
using Rollup.Evm.Blocks;
using Rollup.Evm.Execution;
using Rollup.Evm.Tests.Support;

namespace Rollup.Evm.Tests.Blocks;

/// <summary>Each header rule on its own: a valid Cancun child of the test genesis, with one field broken.</summary>
public class HeaderValidatorTests
{
    private static readonly TestBlocks Blocks = new();
    private static readonly BlockHeader Parent = Blocks.Genesis.Header;
    private static readonly BlockHeader Valid = Blocks.Build([]).Header;

    [Fact]
    public void Accepts_the_valid_child() => HeaderValidator.Validate(Valid, Parent, TestBlocks.Cancun);

    public static TheoryData<string, Func<BlockHeader, BlockHeader>, BlockError> Broken => new()
    {
        { "extra data of 33 bytes", h => h with { ExtraData = new byte[33] }, BlockError.ExtraDataTooLong },
        { "difficulty 1", h => h with { Difficulty = 1 }, BlockError.DifficultyAfterMerge },
        { "nonce 1", h => h with { Nonce = 1 }, BlockError.NonceAfterMerge },
        { "ommers hash of a non-empty list", h => h with { OmmersHash = Hash256.Zero }, BlockError.OmmersAfterMerge },
        { "the parent's timestamp", h => h with { Timestamp = Parent.Timestamp }, BlockError.TimestampNotAfterParent },
        { "number skips one", h => h with { Number = 2 }, BlockError.InvalidNumber },
        { "gas limit 2^63", h => h with { GasLimit = 1UL << 63 }, BlockError.GasLimitTooBig },
        { "gas limit up by parent/1024", h => h with { GasLimit = Parent.GasLimit + Parent.GasLimit / 1024 }, BlockError.InvalidGasLimit },
        { "gas limit down by parent/1024", h => h with { GasLimit = Parent.GasLimit - Parent.GasLimit / 1024 }, BlockError.InvalidGasLimit },
        { "gas limit 0 with gas used", h => h with { GasLimit = 0, GasUsed = 21_000 }, BlockError.InvalidGasLimit },
        { "gas used above the limit", h => h with { GasUsed = h.GasLimit + 1 }, BlockError.GasUsedAboveLimit },
        { "base fee off by one", h => h with { BaseFeePerGas = h.BaseFeePerGas!.Value + 1 }, BlockError.InvalidBaseFee },
        { "seven blobs", h => h with { BlobGasUsed = 7 * BlobGas.PerBlob }, BlockError.BlobGasUsedAboveLimit },
        { "blob gas not a whole blob", h => h with { BlobGasUsed = 1 }, BlockError.InvalidBlobGasUsed },
        { "excess blob gas off", h => h with { ExcessBlobGas = BlobGas.PerBlob }, BlockError.InvalidExcessBlobGas },
        { "no parent beacon root", h => h with { ParentBeaconBlockRoot = null }, BlockError.ForkFieldMissing },
        { "no base fee", h => h with { BaseFeePerGas = null }, BlockError.ForkFieldMissing },
    };

    [Theory]
    [MemberData(nameof(Broken))]
    public void Rejects_each_broken_rule_by_name(string what, Func<BlockHeader, BlockHeader> breakIt, BlockError expected)
    {
        var e = Assert.Throws<BlockException>(() => HeaderValidator.Validate(breakIt(Valid), Parent, TestBlocks.Cancun));
        Assert.True(expected == e.Error, $"{what}: {e.Error}: {e.Message}");
    }

    [Fact]
    public void Gas_limit_may_move_by_just_under_parent_over_1024() =>
        HeaderValidator.Validate(Valid with { GasLimit = Parent.GasLimit + Parent.GasLimit / 1024 - 1 }, Parent, TestBlocks.Cancun);

    [Fact]
    public void Cancun_fields_are_unexpected_before_Cancun() =>
        Assert.Equal(BlockError.ForkFieldUnexpected,
            Assert.Throws<BlockException>(() => HeaderValidator.Validate(Valid, Parent, ForkRules.For(Fork.Shanghai))).Error);
}
