using Rollup.Core.Chain;
using Rollup.Core.Crypto;
using Rollup.Core.Numerics;
using Rollup.Core.Transactions;
using Rollup.Core.Types;
using Rollup.Evm.Execution;
using Rollup.Evm.State;
using Rollup.Evm.Tracing;

namespace Rollup.Evm.Tests.Support;

/// <summary>A one-block chain in memory: accounts set up by the test, transactions signed by a funded key and run
/// through the real transaction processor.</summary>
public sealed class TestChain
{
    public const ulong ChainId = 1337;
    public static readonly PrivateKey Key = PrivateKey.Parse("0x" + string.Concat(Enumerable.Repeat("a1", 32)));
    public Address Sender => Key.Address;

    public InMemoryStateSource State { get; } = new();
    public ForkRules Rules { get; init; } = ForkRules.For(Fork.Cancun);
    public BlockEnvironment Block { get; init; } = new()
    {
        Coinbase = Address.Parse("0x00000000000000000000000000000000000c0ffe"), Number = 10, Timestamp = 1_700_000_000,
        GasLimit = 30_000_000, BaseFee = 7, ChainId = ChainId,
    };

    private ulong _nonce;

    public TestChain()
    {
        State.SetAccount(Sender, 0, UInt256.Parse("1000000000000000000000"), []);
    }

    public Address Deploy(string name, byte[] code, IEnumerable<KeyValuePair<UInt256, UInt256>>? storage = null)
    {
        var address = new Address(Keccak256.Hash(System.Text.Encoding.UTF8.GetBytes(name)).Bytes[12..]);
        State.SetAccount(address, 1, UInt256.Zero, code, storage);
        return address;
    }

    /// <summary>Signs and runs a call; commits its changes to <see cref="State"/>.</summary>
    public TransactionResult Call(Address to, byte[] data, ITracer? tracer = null, ulong gas = 5_000_000, UInt256 value = default)
    {
        var tx = TransactionSigner.Sign(new Transaction
        {
            Type = TxType.DynamicFee, ChainId = ChainId, Nonce = _nonce++, MaxPriorityFeePerGas = 2, MaxFeePerGas = 100,
            GasLimit = gas, To = to, Value = value, Data = data,
        }, Key);
        var sender = TransactionValidator.Validate(tx, Rules, ChainId);
        var journal = new JournaledState(State);
        var result = new TransactionProcessor(Rules, Block).Execute(tx, sender, journal, Block.GasLimit, tracer);
        State.Apply(journal.GetChanges());
        return result;
    }
}
