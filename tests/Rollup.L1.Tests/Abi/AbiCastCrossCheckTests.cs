using Rollup.Core.Encoding;
using Rollup.Core.Numerics;
using Rollup.Core.Types;
using Rollup.L1.Abi;
using Rollup.L1.Tests.Support;

namespace Rollup.L1.Tests.Abi;

/// <summary>Our encoder against foundry's cast, an independent implementation, on the shapes the contracts use and
/// the nested ones they might.</summary>
public class AbiCastCrossCheckTests
{
    private static readonly Address A = Address.Parse("0x00000000000000000000000000000000000000aa");
    private static readonly Address B = Address.Parse("0x1111000000000000000000000000000000001111");

    [Fact]
    public async Task Calldata_matches_cast()
    {
        var root = Hash256.Parse("0x" + new string('1', 64));
        var f = new AbiFunction("commitBatch", [new("index", AbiType.Parse("uint64")), new("parent", AbiType.Parse("bytes32")), new("data", AbiType.Parse("bytes"))], []);
        var ours = Hex.ToHex(f.EncodeCall(7UL, root, Hex.Parse("0xdeadbeef00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff")));
        var theirs = await CastTool.RunAsync("calldata", "commitBatch(uint64,bytes32,bytes)", "7", root.ToString(),
            "0xdeadbeef00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff");
        Assert.Equal(theirs, ours);
    }

    [Fact]
    public async Task Nested_dynamic_values_match_cast()
    {
        var types = new[] { "(uint256,address)[]", "string", "bytes[]", "uint64[2]", "(bytes,(bool,uint8[]))" }.Select(AbiType.Parse).ToArray();
        object?[] values =
        [
            new object?[] { new object?[] { UInt256.One, A }, new object?[] { UInt256.MaxValue, B } },
            "rollup",
            new object?[] { Hex.Parse("0x01"), Array.Empty<byte>(), new byte[33] },
            new object?[] { 5UL, ulong.MaxValue },
            new object?[] { Hex.Parse("0xabcd"), new object?[] { true, new object?[] { 1, 2, 3 } } },
        ];
        var ours = Hex.ToHex(AbiEncoder.Encode(types, values));
        var theirs = await CastTool.RunAsync("abi-encode", "f((uint256,address)[],string,bytes[],uint64[2],(bytes,(bool,uint8[])))",
            $"[(1,{A}),({UInt256.MaxValue},{B})]", "rollup", $"[0x01,0x,0x{new string('0', 66)}]", $"[5,{ulong.MaxValue}]", "(0xabcd,(true,[1,2,3]))");
        Assert.Equal(theirs, ours);

        // And what cast encoded, we decode back to the same values.
        Assert.Equal(AbiFormatter.Value(values.Select(Normalise).ToArray()), AbiFormatter.Value(AbiDecoder.Decode(types, Hex.Parse(theirs))));
    }

    /// <summary>The decoder returns UInt256 for every uint; turn the test's plain numbers into that to compare.</summary>
    private static object? Normalise(object? value) => value switch
    {
        int i => new UInt256((ulong)i),
        ulong u => new UInt256(u),
        object?[] list => list.Select(Normalise).ToArray(),
        _ => value,
    };
}
