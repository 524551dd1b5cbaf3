using Rollup.Core.Chain;
using Rollup.Core.Crypto;
using Rollup.Core.Numerics;
using Rollup.Core.Transactions;
using Rollup.Core.Types;
using Rollup.Evm.Execution;
using Rollup.Evm.State;
using Rollup.State.Proofs;
using Rollup.State.Store;
using Rollup.State.Tests.Support;

namespace Rollup.State.Tests.State;

/// <summary>
/// The EVM running on the tree: real signed transactions (a transfer, a contract creation, calls that write and
/// clear storage) through the transaction processor, with a <see cref="JournaledState"/> over
/// <see cref="PoseidonStateDb"/>; each block's changes committed; balances, code and storage read back, and equal
/// to the same blocks run on <see cref="InMemoryStateSource"/>.
/// </summary>
public class EvmOnStateTests
{
    private const ulong ChainId = 1337;
    private static readonly PrivateKey Key = PrivateKey.Parse("0x" + string.Concat(Enumerable.Repeat("b2", 32)));
    private static readonly ForkRules Rules = ForkRules.For(Fork.Cancun);
    private static readonly Address Recipient = Address.Parse("0x00000000000000000000000000000000000000aa");
    private static readonly UInt256 Eth = UInt256.Parse("1000000000000000000");

    /// <summary>Runtime: sstore(calldataload(32), calldataload(0)); stop. Initcode returns it.</summary>
    private static readonly byte[] Runtime = [0x60, 0x00, 0x35, 0x60, 0x20, 0x35, 0x55, 0x00];
    private static readonly byte[] Initcode = [0x67, .. Runtime, 0x60, 0x00, 0x52, 0x60, 0x08, 0x60, 0x18, 0xf3];

    private static readonly BlockEnvironment Block = new()
    {
        Coinbase = Address.Parse("0x00000000000000000000000000000000000c0ffe"), Number = 1, Timestamp = 1_700_000_000,
        GasLimit = 30_000_000, BaseFee = 7, ChainId = ChainId,
    };

    private static Transaction Tx(ulong nonce, Address? to, byte[] data, UInt256 value = default) =>
        TransactionSigner.Sign(new Transaction
        {
            Type = TxType.DynamicFee, ChainId = ChainId, Nonce = nonce, MaxPriorityFeePerGas = 2, MaxFeePerGas = 100,
            GasLimit = 1_000_000, To = to, Value = value, Data = data,
        }, Key);

    private static byte[] Store(ulong slot, UInt256 value) => [.. value.ToBigEndian(), .. new UInt256(slot).ToBigEndian()];

    /// <summary>Runs one block's transactions on <paramref name="source"/> and returns what they changed.</summary>
    private static StateChanges RunBlock(IStateSource source, IEnumerable<Transaction> txs)
    {
        var journal = new JournaledState(source);
        var processor = new TransactionProcessor(Rules, Block);
        ulong gasLeft = Block.GasLimit;
        foreach (var tx in txs)
        {
            var result = processor.Execute(tx, TransactionValidator.Validate(tx, Rules, ChainId), journal, gasLeft);
            Assert.True(result.Success, $"transaction {tx.Nonce}: {result.Reason}");
            gasLeft -= result.GasUsed;
        }
        return journal.GetChanges();
    }

    [Fact]
    public void BlocksOfRealTransactionsCommitAndReadBack()
    {
        using var dir = new TempDirectory();
        using var store = StateStore.Open(dir.Path);
        var state = store.At(StateRoot.Empty);
        var reference = new InMemoryStateSource();

        var genesis = new StateChanges();
        genesis.Accounts[Key.Address] = new AccountData(0, Eth * new UInt256(100), AccountData.EmptyCodeHash);
        state.Commit(genesis);
        reference.Apply(genesis);

        Address contract = ContractAddress.FromNonce(Key.Address, 1);
        Transaction[][] blocks =
        [
            [Tx(0, Recipient, [], Eth), Tx(1, null, Initcode), Tx(2, contract, Store(5, new UInt256(42)))],
            [Tx(3, contract, Store(5, UInt256.Zero)), Tx(4, contract, Store(7, UInt256.MaxValue)), Tx(5, Recipient, [], new UInt256(3))],
        ];
        foreach (var txs in blocks)
        {
            state.Commit(RunBlock(state, txs));
            reference.Apply(RunBlock(reference, txs));
        }

        Assert.True(state.TryGetAccount(Recipient, out var recipient));
        Assert.Equal(Eth + new UInt256(3), recipient.Balance);
        Assert.True(state.TryGetAccount(contract, out var deployed));
        Assert.Equal(Runtime, state.GetCode(deployed.CodeHash));
        Assert.Equal(UInt256.Zero, state.GetStorage(contract, new UInt256(5)));
        Assert.Equal(UInt256.MaxValue, state.GetStorage(contract, new UInt256(7)));
        Assert.True(state.TryGetAccount(Key.Address, out var sender));
        Assert.Equal(6UL, sender.Nonce);

        foreach (var address in new[] { Key.Address, Recipient, contract, Block.Coinbase })
        {
            Assert.Equal(reference.TryGetAccount(address, out var expected), state.TryGetAccount(address, out var actual));
            Assert.Equal(expected, actual);
        }
        Assert.True(state.TryGetAccountLeaf(contract, out var leaf));
        Assert.Equal((ulong)Runtime.Length, leaf.CodeSize);
        Assert.True(StateProofs.Verify(state.Root, state.GetProof(contract, [new UInt256(5), new UInt256(7)])));

        // The same blocks on a reopened database reach the same root.
        var replay = StateStore.Open(Path.Combine(dir.Path, "replay"));
        using (replay)
        {
            var again = replay.At(StateRoot.Empty);
            again.Commit(genesis);
            foreach (var txs in blocks) again.Commit(RunBlock(again, txs));
            Assert.Equal(state.Root, again.Root);
        }
    }
}
