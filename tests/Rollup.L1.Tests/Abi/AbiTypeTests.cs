using Rollup.Core.Encoding;
using Rollup.L1.Abi;

namespace Rollup.L1.Tests.Abi;

public class AbiTypeTests
{
    [Theory]
    [InlineData("uint", "uint256")]
    [InlineData("uint64", "uint64")]
    [InlineData("int", "int256")]
    [InlineData("bytes32[]", "bytes32[]")]
    [InlineData("uint8[2][]", "uint8[2][]")]
    [InlineData("(uint64, bytes)[3]", "(uint64,bytes)[3]")]
    [InlineData("((address,bool)[],string)", "((address,bool)[],string)")]
    public void Canonical_names(string spelling, string canonical) => Assert.Equal(canonical, AbiType.Parse(spelling).Name);

    [Theory]
    [InlineData("uint7")]
    [InlineData("uint264")]
    [InlineData("bytes33")]
    [InlineData("bytes0")]
    [InlineData("uint256[0]")]
    [InlineData("(uint256")]
    [InlineData("tuple")]
    [InlineData("fixed128x18")]
    public void Bad_types_are_refused(string spelling) => Assert.ThrowsAny<FormatException>(() => AbiType.Parse(spelling));

    [Fact]
    public void Static_and_dynamic_head_sizes()
    {
        Assert.False(AbiType.Parse("(uint256,address)[2]").IsDynamic);
        Assert.Equal(128, AbiType.Parse("(uint256,address)[2]").HeadSize);
        Assert.True(AbiType.Parse("(uint256,bytes)").IsDynamic);
        Assert.Equal(32, AbiType.Parse("(uint256,bytes)").HeadSize);
        Assert.True(AbiType.Parse("uint256[]").IsDynamic);
    }

    [Fact]
    public void Selectors_and_topics_match_the_well_known_ones()
    {
        var transfer = new AbiFunction("transfer", [new("to", AbiType.Parse("address")), new("amount", AbiType.Parse("uint256"))], []);
        Assert.Equal("0xa9059cbb", Hex.ToHex(transfer.Selector));
        var transferEvent = new AbiEvent("Transfer",
            [new("from", AbiType.Parse("address"), true), new("to", AbiType.Parse("address"), true), new("value", AbiType.Parse("uint256"))]);
        Assert.Equal("0xddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef", transferEvent.Topic0.ToString());
        Assert.Equal("0x08c379a0", Hex.ToHex(AbiError.ErrorString.Selector));
        Assert.Equal("0x4e487b71", Hex.ToHex(AbiError.Panic.Selector));
    }
}
