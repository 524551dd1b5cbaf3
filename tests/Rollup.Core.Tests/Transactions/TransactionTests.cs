using Rollup.Core.Chain;
using Rollup.Core.Crypto;
using Rollup.Core.Encoding;
using Rollup.Core.Numerics;
using Rollup.Core.Transactions;
using Rollup.Core.Types;

namespace Rollup.Core.Tests.Transactions;

public class TransactionTests
{
    private static readonly PrivateKey Eip155Key = PrivateKey.Parse("0x" + string.Concat(Enumerable.Repeat("46", 32)));
    private static readonly ForkRules Cancun = ForkRules.For(Fork.Cancun);

    [Fact]
    public void Reproduces_the_EIP155_example()
    {
        // The worked example in EIP-155: its signing hash, signature and signed encoding.
        var tx = new Transaction
        {
            Type = TxType.Legacy, ChainId = 1, Nonce = 9, MaxFeePerGas = 20_000_000_000, MaxPriorityFeePerGas = 20_000_000_000,
            GasLimit = 21_000, To = Address.Parse("0x3535353535353535353535353535353535353535"),
            Value = UInt256.Parse("1000000000000000000"),
        };
        Assert.Equal(Hash256.Parse("0xdaf5a779ae972f972197303d7b574746c7ef83eadac0f2791ad23db92e4c8e53"), TransactionEncoder.SigningHash(tx));
        var signed = TransactionSigner.Sign(tx, Eip155Key);
        Assert.Equal(new UInt256(37), signed.V);
        Assert.Equal(UInt256.Parse("18515461264373351373200002665853028612451056578545711640558177340181847433846"), signed.R);
        Assert.Equal(UInt256.Parse("46948507304638947509940763649030358759909902576025900602547168820602576006531"), signed.S);
        Assert.Equal(
            "0xf86c098504a817c800825208943535353535353535353535353535353535353535880de0b6b3a76400008025a028ef61340bd939bc2195fe537567866003e1a15d3c71ff63e1590620aa636276a067cbe9d8997f761aecb703304b3800ccf555c9f3dc64214b297fb1966a3b6d83",
            Hex.ToHex(TransactionEncoder.Encode(signed)));
    }

    public static TheoryData<TxType> AllTypes => new() { TxType.Legacy, TxType.AccessList, TxType.DynamicFee, TxType.Blob };

    [Theory]
    [MemberData(nameof(AllTypes))]
    public void Every_type_round_trips_and_recovers_its_sender(TxType type)
    {
        var versioned = new byte[32];
        versioned[0] = 1;
        var unsigned = new Transaction
        {
            Type = type, ChainId = 1337, Nonce = 7, MaxPriorityFeePerGas = type is TxType.DynamicFee or TxType.Blob ? 2 : 30, MaxFeePerGas = 30,
            GasLimit = 100_000, To = Address.Parse("0x00000000000000000000000000000000000000aa"), Value = 12345, Data = [1, 0, 2],
            AccessList = type == TxType.Legacy ? [] : [new AccessListEntry(Address.Parse("0x00000000000000000000000000000000000000bb"), [Hash256.Zero])],
            MaxFeePerBlobGas = type == TxType.Blob ? 5 : 0, BlobVersionedHashes = type == TxType.Blob ? [new Hash256(versioned)] : [],
        };
        var signed = TransactionSigner.Sign(unsigned, Eip155Key);
        var bytes = TransactionEncoder.Encode(signed);
        var decoded = TransactionDecoder.Decode(bytes, Cancun);
        Assert.Equal(bytes, TransactionEncoder.Encode(decoded));
        Assert.Equal(signed.Hash, decoded.Hash);
        Assert.Equal(Eip155Key.Address, TransactionValidator.Validate(decoded, Cancun, 1337));
        var wrongChain = Assert.Throws<TxException>(() => TransactionValidator.Validate(decoded, Cancun, 1));
        Assert.Equal(TxError.InvalidChainId, wrongChain.Error);
        if (type != TxType.Legacy) Assert.Equal((byte)type, bytes[0]);
    }

    [Fact]
    public void A_typed_transaction_before_its_fork_is_not_supported()
    {
        var tx = TransactionSigner.Sign(new Transaction { Type = TxType.DynamicFee, ChainId = 1, GasLimit = 21_000, MaxFeePerGas = 1, To = Address.Zero }, Eip155Key);
        var e = Assert.Throws<TxException>(() => TransactionValidator.Validate(tx, ForkRules.For(Fork.Berlin), 1));
        Assert.Equal(TxError.TypeNotSupported, e.Error);
    }

    [Theory]
    // 21,000 base; 4 per zero byte; 16 (Istanbul+) or 68 per non-zero byte; 32,000 and 2 per initcode word for creates.
    [InlineData(Fork.Cancun, false, new byte[] { }, 21_000)]
    [InlineData(Fork.Cancun, false, new byte[] { 0, 1, 0, 2 }, 21_000 + 4 + 16 + 4 + 16)]
    [InlineData(Fork.Byzantium, false, new byte[] { 0, 1 }, 21_000 + 4 + 68)]
    [InlineData(Fork.Frontier, true, new byte[] { 1 }, 21_000 + 68)]
    [InlineData(Fork.Homestead, true, new byte[] { 1 }, 53_000 + 68)]
    [InlineData(Fork.Shanghai, true, new byte[] { 1 }, 53_000 + 16 + 2)]
    public void Intrinsic_gas_follows_the_schedule(Fork fork, bool create, byte[] data, long expected) =>
        Assert.Equal((ulong)expected, IntrinsicGas.Calculate(data, create, [], ForkRules.For(fork)));

    [Fact]
    public void Access_lists_cost_2400_per_address_and_1900_per_key()
    {
        var list = new[] { new AccessListEntry(Address.Zero, [Hash256.Zero, Hash256.Zero]), new AccessListEntry(Address.Zero, []) };
        Assert.Equal(21_000UL + 2 * 2_400 + 2 * 1_900, IntrinsicGas.Calculate([], false, list, Cancun));
    }

    [Theory]
    [InlineData("0x", TxError.MalformedRlp)]
    [InlineData("0xc0", TxError.TooFewFields)]
    [InlineData("0x05c0", TxError.TypeNotSupported)]
    [InlineData("0xc9808080808080808080ff", TxError.MalformedRlp)]
    public void Malformed_input_is_rejected_with_its_kind(string hex, TxError error) =>
        Assert.Equal(error, Assert.Throws<TxException>(() => TransactionDecoder.Decode(Hex.Parse(hex))).Error);
}
