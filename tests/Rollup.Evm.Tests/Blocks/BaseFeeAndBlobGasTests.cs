using Rollup.Core.Blocks;
using Rollup.Core.Numerics;
using Rollup.Evm.Blocks;
using Rollup.Evm.Execution;

namespace Rollup.Evm.Tests.Blocks;

public class BaseFeeAndBlobGasTests
{
    private static BlockHeader Parent(ulong used, UInt256? fee) => new() { GasLimit = 30_000_000, GasUsed = used, BaseFeePerGas = fee };

    [Theory]
    [InlineData(15_000_000UL, 1_000_000_000UL)] // at the target: unchanged
    [InlineData(30_000_000UL, 1_125_000_000UL)] // full: +1/8
    [InlineData(0UL, 875_000_000UL)]            // empty: −1/8
    [InlineData(22_500_000UL, 1_062_500_000UL)] // halfway above: +1/16
    public void Follows_the_parents_gas_use(ulong used, ulong expected) =>
        Assert.Equal(new UInt256(expected), BaseFee.Next(Parent(used, 1_000_000_000)));

    [Fact]
    public void Rises_by_at_least_one_wei_above_the_target_and_never_goes_negative()
    {
        Assert.Equal(new UInt256(8), BaseFee.Next(Parent(15_000_001, 7)));
        Assert.Equal(new UInt256(7), BaseFee.Next(Parent(15_000_000, 7)));
        Assert.Equal(UInt256.Zero, BaseFee.Next(Parent(0, 0)));
    }

    [Fact]
    public void The_first_London_block_starts_at_one_gwei() =>
        Assert.Equal(new UInt256(BaseFee.Initial), BaseFee.Next(Parent(0, null)));

    [Theory]
    [InlineData(0UL, 0UL, 0UL)]
    [InlineData(0UL, 3 * 131_072UL, 0UL)]                 // at the target: nothing in excess
    [InlineData(0UL, 6 * 131_072UL, 3 * 131_072UL)]       // full: the target's worth of excess
    [InlineData(2 * 131_072UL, 2 * 131_072UL, 131_072UL)] // carried excess plus use, less the target
    [InlineData(131_072UL, 0UL, 0UL)]                     // below the target: clamps at zero
    public void Excess_blob_gas_carries_what_exceeds_the_target(ulong parentExcess, ulong parentUsed, ulong expected) =>
        Assert.Equal(expected, BlobGas.Excess(parentExcess, parentUsed));
}
