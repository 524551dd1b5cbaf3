using Rollup.Core.Chain;
using Rollup.Core.Crypto;
using Rollup.Core.Numerics;
using Rollup.Core.Transactions;
using Rollup.Core.Types;
using Rollup.Evm.Execution;
using Rollup.Evm.State;

namespace Rollup.Evm.Tests.Processing;

/// <summary>A transaction in a block is checked in geth's order: its sender first, then nonce, sender code, fee caps,
/// balance and block gas, and only then intrinsic gas. A transaction breaking several rules is named for the first.</summary>
public class TransactionCheckOrderTests
{
    private static readonly ForkRules Cancun = ForkRules.For(Fork.Cancun);
    private static readonly PrivateKey Key = PrivateKey.Parse("0x" + string.Concat(Enumerable.Repeat("c3", 32)));
    private static readonly BlockEnvironment Block = new() { Number = 1, Timestamp = 12, GasLimit = 100_000, BaseFee = 10, ChainId = 1 };

    private static TxError Reject(UInt256 balance, ulong gasLimit, UInt256 maxFee, ulong blockGasLeft = 100_000)
    {
        var tx = TransactionSigner.Sign(new Transaction
        {
            Type = TxType.DynamicFee, ChainId = 1, Nonce = 0, MaxFeePerGas = maxFee, MaxPriorityFeePerGas = 0, GasLimit = gasLimit,
            To = Address.Parse("0x" + new string('5', 40)),
        }, Key);
        var source = new InMemoryStateSource();
        source.SetAccount(Key.Address, 0, balance, []);
        var sender = TransactionValidator.ValidateSignature(tx, Cancun, 1);
        var e = Assert.Throws<TxException>(() => new TransactionProcessor(Cancun, Block).Execute(tx, sender, new JournaledState(source), blockGasLeft));
        return e.Error;
    }

    [Fact]
    public void Fee_cap_below_the_base_fee_comes_before_intrinsic_gas() =>
        Assert.Equal(TxError.FeeCapBelowBaseFee, Reject(balance: 1_000_000, gasLimit: 12, maxFee: 1));

    [Fact]
    public void Insufficient_funds_comes_before_intrinsic_gas() =>
        Assert.Equal(TxError.InsufficientFunds, Reject(balance: 0, gasLimit: 12, maxFee: 10));

    [Fact]
    public void Insufficient_funds_comes_before_the_block_gas_limit() =>
        Assert.Equal(TxError.InsufficientFunds, Reject(balance: 0, gasLimit: 50_000, maxFee: 10, blockGasLeft: 21_000));

    [Fact]
    public void Block_gas_comes_before_intrinsic_gas() =>
        Assert.Equal(TxError.GasLimitAboveBlockGas, Reject(balance: 1_000_000, gasLimit: 12, maxFee: 10, blockGasLeft: 11));

    [Fact]
    public void Intrinsic_gas_is_still_checked_when_everything_else_holds() =>
        Assert.Equal(TxError.IntrinsicGasTooLow, Reject(balance: 1_000_000, gasLimit: 12, maxFee: 10));

    [Fact]
    public void The_full_static_validation_still_names_intrinsic_gas_first()
    {
        var tx = TransactionSigner.Sign(new Transaction
        {
            Type = TxType.DynamicFee, ChainId = 1, MaxFeePerGas = 1, GasLimit = 12, To = Address.Parse("0x" + new string('5', 40)),
        }, Key);
        Assert.Equal(TxError.IntrinsicGasTooLow, Assert.Throws<TxException>(() => TransactionValidator.Validate(tx, Cancun, 1)).Error);
    }
}
