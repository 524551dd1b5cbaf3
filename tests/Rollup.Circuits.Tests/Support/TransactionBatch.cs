using Rollup.Circuits.Tables;
using Rollup.Circuits.Witness;
using Rollup.Core.Chain;
using Rollup.Core.Crypto;
using Rollup.Core.Numerics;
using Rollup.Core.Transactions;
using Rollup.Core.Types;
using Rollup.Crypto.Bn254.Fields;
using Rollup.Evm;
using Rollup.Evm.Execution;
using Rollup.Evm.State;
using Rollup.Evm.Tracing.Zk;

namespace Rollup.Circuits.Tests.Support;

/// <summary>A batch of real transactions on one block: contracts deployed into an in-memory state, EIP-1559
/// transactions signed by funded keys, each run by the real transaction processor with the zk tracer attached and
/// its changes committed before the next (as a block builder does).</summary>
public sealed class TransactionBatch
{
    public const ulong ChainId = 1337;
    public static readonly PrivateKey Alice = PrivateKey.Parse("0x" + string.Concat(Enumerable.Repeat("a1", 32)));
    public static readonly PrivateKey Bob = PrivateKey.Parse("0x" + string.Concat(Enumerable.Repeat("b2", 32)));

    private readonly Dictionary<Address, ulong> _nonces = [];
    private readonly List<Transaction> _txs = [];

    public InMemoryStateSource State { get; } = new();
    public ForkRules Rules { get; } = ForkRules.For(Fork.Cancun);
    public BlockEnvironment Block { get; init; } = new()
    {
        Coinbase = Address.Parse("0x00000000000000000000000000000000000c0ffe"), Number = 10, Timestamp = 1_700_000_000,
        GasLimit = 30_000_000, BaseFee = 7, ChainId = ChainId,
    };
    /// <summary>The code every deployed contract runs, by code id (for the bytecode table).</summary>
    public Dictionary<Fr, byte[]> Codes { get; } = [];

    public TransactionBatch()
    {
        // Rich enough to send values above 2^128 (one limb's worth), so transfers exercise both limbs.
        var rich = UInt256.One << 160;
        State.SetAccount(Alice.Address, 0, rich, []);
        State.SetAccount(Bob.Address, 0, rich, []);
    }

    public Address Deploy(byte[] code, Address? at = null, IEnumerable<KeyValuePair<UInt256, UInt256>>? storage = null, UInt256 balance = default)
    {
        var address = at ?? new Address(Keccak256.Hash(code).Bytes[12..]);
        State.SetAccount(address, 1, balance, code, storage);
        Codes[EvmWitnessBuilder.CodeIdOf(EvmWord.FromHash(Keccak256.Hash(code)))] = code;
        return address;
    }

    /// <summary>Adds a signed call; <paramref name="gas"/> is the gas the call itself gets (the limit adds the intrinsic gas).</summary>
    public Transaction Call(Address to, byte[]? data = null, long gas = 1_000_000, UInt256 value = default, PrivateKey? from = null,
        ulong maxPriorityFee = 2, ulong maxFee = 100)
    {
        var key = from ?? Alice;
        data ??= [];
        ulong nonce = _nonces.GetValueOrDefault(key.Address);
        _nonces[key.Address] = nonce + 1;
        var tx = TransactionSigner.Sign(new Transaction
        {
            Type = TxType.DynamicFee, ChainId = ChainId, Nonce = nonce, MaxPriorityFeePerGas = maxPriorityFee, MaxFeePerGas = maxFee,
            GasLimit = (ulong)gas + IntrinsicGas.Calculate(data, false, [], Rules), To = to, Value = value, Data = data,
        }, key);
        _txs.Add(tx);
        return tx;
    }

    public BlockRecord BlockRecord => new(Block.Number, Block.Coinbase, Block.Timestamp, Block.GasLimit, Block.BaseFee, Block.ChainId);

    /// <summary>The state before <see cref="Run"/> (the batch's pre-state, whose tree root is the previous state root).</summary>
    public InMemoryStateSource? PreState { get; private set; }
    /// <summary>Each transaction's committed changes, in order (what the node commits to its state tree).</summary>
    public List<StateChanges> Changes { get; } = [];

    /// <summary>Runs every added transaction in order; returns each one's results and traced form (tx ids 1, 2, …).</summary>
    public List<(TransactionResult Result, TracedTx Traced)> Run()
    {
        PreState = State.Clone();
        var results = new List<(TransactionResult, TracedTx)>();
        var block = BlockRecord;
        foreach (var tx in _txs)
        {
            int id = results.Count + 1;
            var sender = TransactionValidator.Validate(tx, Rules, ChainId);
            var zk = new ZkTracer { TransactionId = id };
            var journal = new JournaledState(State);
            var result = new TransactionProcessor(Rules, Block).Execute(tx, sender, journal, Block.GasLimit, zk);
            var changes = journal.GetChanges();
            Changes.Add(changes);
            State.Apply(changes);
            var record = new TxRecord(id, tx.Nonce, tx.GasLimit, tx.EffectiveGasPrice(Block.BaseFee), tx.MaxFeePerGas, tx.MaxPriorityFeePerGas,
                sender, tx.To, tx.Value, tx.Data, ChainId, Block.Number);
            results.Add((result, new TracedTx(record, block, zk.Trace)));
        }
        return results;
    }
}
