using System.Numerics;
using Rollup.Core.Encoding;
using Rollup.Core.Numerics;
using Rollup.Core.Types;
using Rollup.L1.Abi;

namespace Rollup.L1.Tests.Abi;

public class AbiCodecTests
{
    private static readonly Address Alice = Address.Parse("0x00000000000000000000000000000000000a11ce");

    [Fact]
    public void Round_trip_of_every_supported_kind()
    {
        var types = new[] { "uint64", "int32", "address", "bool", "bytes4", "bytes32", "bytes", "string", "uint256[]", "(uint8,bytes)[]", "address[2]" }
            .Select(AbiType.Parse).ToArray();
        var hash = Hash256.Parse("0x" + new string('c', 64));
        object?[] values =
        [
            new UInt256(ulong.MaxValue), new BigInteger(-5), Alice, true, new byte[] { 1, 2, 3, 4 }, hash, new byte[] { 9, 8, 7 }, "héllo",
            new object?[] { UInt256.One, UInt256.MaxValue }, new object?[] { new object?[] { new UInt256(7), new byte[40] } }, new object?[] { Alice, Address.Zero },
        ];
        var decoded = AbiDecoder.Decode(types, AbiEncoder.Encode(types, values));
        Assert.Equal(AbiFormatter.Value(values), AbiFormatter.Value(decoded));
    }

    [Fact]
    public void Plain_CLR_values_are_accepted_for_uints_and_arrays()
    {
        var types = new[] { AbiType.Parse("uint64"), AbiType.Parse("uint256[]") };
        var encoded = AbiEncoder.Encode(types, [42UL, new UInt256[] { 1, 2 }]);
        var decoded = AbiDecoder.Decode(types, encoded);
        Assert.Equal(new UInt256(42), decoded[0]);
        Assert.Equal(2, ((object?[])decoded[1]!).Length);
    }

    [Fact]
    public void Values_that_do_not_fit_are_refused()
    {
        Assert.Throws<ArgumentException>(() => AbiEncoder.Encode([AbiType.Parse("uint8")], [256]));
        Assert.Throws<ArgumentException>(() => AbiEncoder.Encode([AbiType.Parse("int8")], [new BigInteger(-129)]));
        Assert.Throws<ArgumentException>(() => AbiEncoder.Encode([AbiType.Parse("bytes32")], [new byte[31]]));
        Assert.Throws<ArgumentException>(() => AbiEncoder.Encode([AbiType.Parse("uint256[2]")], [new UInt256[3]]));
        Assert.Throws<ArgumentException>(() => AbiEncoder.Encode([AbiType.Parse("address")], [42]));
        Assert.Throws<ArgumentException>(() => AbiEncoder.Encode([AbiType.Parse("uint256")], [-1]));
    }

    [Fact]
    public void Negative_ints_are_sign_extended()
    {
        var encoded = AbiEncoder.Encode([AbiType.Parse("int16")], [new BigInteger(-1)]);
        Assert.All(encoded, b => Assert.Equal(0xff, b));
        Assert.Equal(new BigInteger(-1), AbiDecoder.Decode([AbiType.Parse("int16")], encoded)[0]);
    }

    [Fact]
    public void Malformed_data_is_refused()
    {
        var bytesType = new[] { AbiType.Parse("bytes") };
        // Offset pointing past the end.
        Assert.Throws<AbiDecodingException>(() => AbiDecoder.Decode(bytesType, Word(0x1000)));
        // A length larger than the data that follows.
        Assert.Throws<AbiDecodingException>(() => AbiDecoder.Decode(bytesType, [.. Word(0x20), .. Word(1_000_000)]));
        // Too short for a static head.
        Assert.Throws<AbiDecodingException>(() => AbiDecoder.Decode([AbiType.Parse("uint256")], new byte[31]));
        // Dirty high bytes of an address, a bool of 2, a uint8 of 256.
        var dirty = Word(1); dirty[0] = 1;
        Assert.Throws<AbiDecodingException>(() => AbiDecoder.Decode([AbiType.Parse("address")], dirty));
        Assert.Throws<AbiDecodingException>(() => AbiDecoder.Decode([AbiType.Parse("bool")], Word(2)));
        Assert.Throws<AbiDecodingException>(() => AbiDecoder.Decode([AbiType.Parse("uint8")], Word(256)));
        // A huge array length cannot make the decoder allocate.
        Assert.Throws<AbiDecodingException>(() => AbiDecoder.Decode([AbiType.Parse("uint256[]")], [.. Word(0x20), .. Word(0x7fffffff)]));
    }

    [Fact]
    public void Revert_data_decodes_to_custom_error_names()
    {
        var abi = ContractAbi.Parse("""
            [{"type":"error","name":"NotSequencer","inputs":[{"name":"caller","type":"address"}]},
             {"type":"function","name":"f","inputs":[],"outputs":[],"stateMutability":"nonpayable"}]
            """);
        var data = abi.Error("NotSequencer").Encode(Alice);
        var revert = abi.DecodeRevert(data);
        Assert.Equal("NotSequencer", revert.Name);
        Assert.Equal($"NotSequencer(caller={Alice})", revert.ToString());

        Assert.Equal("Error", abi.DecodeRevert(AbiError.ErrorString.Encode("no")).Name);
        Assert.Equal("Panic(0x11: arithmetic overflow or underflow)", abi.DecodeRevert(AbiError.Panic.Encode(new UInt256(0x11))).ToString());
        Assert.Null(abi.DecodeRevert(Hex.Parse("0xdeadbeef")).Name);
        Assert.Equal("reverted without data", abi.DecodeRevert([]).ToString());
        // A known selector with arguments that do not decode is reported as raw data, not as that error.
        Assert.Null(abi.DecodeRevert(data[..10]).Name);
    }

    private static byte[] Word(ulong value) => new UInt256(value).ToBigEndian();
}
