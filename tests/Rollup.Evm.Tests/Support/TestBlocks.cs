using Rollup.Core.Blocks;
using Rollup.Core.Chain;
using Rollup.Core.Crypto;
using Rollup.Core.Encoding;
using Rollup.Core.Numerics;
using Rollup.Core.Transactions;
using Rollup.Core.Types;
using Rollup.Evm.Blocks;
using Rollup.Evm.Bytecode;
using Rollup.Evm.Execution;
using Rollup.Evm.Instructions;
using Rollup.Evm.State;

namespace Rollup.Evm.Tests.Support;

/// <summary>A small Cancun chain for block tests: a genesis with a funded key, the EIP-4788 beacon-roots contract and a
/// contract that logs and stores BLOCKHASH(NUMBER − 1); and a builder that seals valid blocks on any parent by running a
/// draft and filling its header in from the result.</summary>
public sealed class TestBlocks
{
    public const ulong ChainId = 1337;
    public static readonly ForkRules Cancun = ForkRules.For(Fork.Cancun);
    public static readonly PrivateKey Key = PrivateKey.Parse("0x" + string.Concat(Enumerable.Repeat("d4", 32)));
    public static readonly Address Coinbase = Address.Parse("0x00000000000000000000000000000000000c0ffe");
    public static readonly Address Logger = Address.Parse("0x00000000000000000000000000000000000010c0");
    public static readonly Hash256 LogTopic = Keccak256.Hash("Logged()"u8);

    /// <summary>The beacon-roots contract's deployed code as EIP-4788 specifies it.</summary>
    public static readonly byte[] BeaconRootsCode = Hex.Parse(
        "0x3373fffffffffffffffffffffffffffffffffffffffe14604d57602036146024575f5ffd5b5f35801560495762001fff810690815414603c575f5ffd5b62001fff01545f5260205ff35b5f5ffd5b62001fff42064281555f359062001fff015500");

    /// <summary>LOG1(LogTopic) with no data, then storage[0] = BLOCKHASH(NUMBER − 1).</summary>
    public static readonly byte[] LoggerCode = new BytecodeBuilder()
        .PushBytes(LogTopic.Bytes).Push(0).Push(0).Op(Opcode.LOG1)
        .Push(1).Op(Opcode.NUMBER).Op(Opcode.SUB).Op(Opcode.BLOCKHASH).Push(0).Op(Opcode.SSTORE).Op(Opcode.STOP).Build();

    public InMemoryBlockchain Chain { get; }
    public Block Genesis { get; }
    private ulong _nonce;

    public TestBlocks()
    {
        var state = new InMemoryStateSource();
        state.SetAccount(Key.Address, 0, UInt256.Parse("1000000000000000000000"), []);
        state.SetAccount(BeaconRoots.ContractAddress, 1, UInt256.Zero, BeaconRootsCode);
        state.SetAccount(Logger, 1, UInt256.Zero, LoggerCode);
        Genesis = new Block
        {
            Header = new BlockHeader
            {
                Coinbase = Coinbase, StateRoot = MptStateRoot.Compute(state), GasLimit = 30_000_000, Timestamp = 1_000,
                BaseFeePerGas = 1_000_000_000, WithdrawalsRoot = BlockHeader.EmptyTrieRoot, BlobGasUsed = 0, ExcessBlobGas = 0,
                ParentBeaconBlockRoot = Hash256.Zero,
            },
            Withdrawals = [],
        };
        Chain = new InMemoryBlockchain(Genesis, state, Cancun, ChainId);
    }

    /// <summary>A signed call to the logger contract with the next nonce.</summary>
    public Transaction CallLogger(ulong? nonce = null) => TransactionSigner.Sign(new Transaction
    {
        Type = TxType.DynamicFee, ChainId = ChainId, Nonce = nonce ?? _nonce++, MaxFeePerGas = 10_000_000_000,
        MaxPriorityFeePerGas = 2, GasLimit = 100_000, To = Logger,
    }, Key);

    /// <summary>A valid block on <paramref name="parent"/> (the head by default), sealed but not imported.</summary>
    public Block Build(IReadOnlyList<Transaction> transactions, IReadOnlyList<Withdrawal>? withdrawals = null, Block? parent = null,
        Hash256? beaconRoot = null, ulong timeStep = 12)
    {
        var p = (parent ?? Chain.Head).Header;
        withdrawals ??= [];
        ulong blobGas = (ulong)transactions.Sum(t => t.BlobVersionedHashes.Count) * BlobGas.PerBlob;
        var draft = new Block
        {
            Header = new BlockHeader
            {
                ParentHash = p.Hash, Coinbase = Coinbase, Number = p.Number + 1, GasLimit = p.GasLimit, Timestamp = p.Timestamp + timeStep,
                MixHash = Keccak256.Hash(p.Hash.Bytes), BaseFeePerGas = BaseFee.Next(p), WithdrawalsRoot = BlockRoots.Withdrawals(withdrawals),
                BlobGasUsed = blobGas, ExcessBlobGas = BlobGas.Excess(p.ExcessBlobGas ?? 0, p.BlobGasUsed ?? 0),
                ParentBeaconBlockRoot = beaconRoot ?? Keccak256.Hash(BitConverter.GetBytes(p.Number + 1)),
            },
            Transactions = transactions, Withdrawals = withdrawals,
        };
        var result = new BlockProcessor(Cancun, ChainId).Execute(draft, StateOf(p), n => Chain.AncestorHash(p, n));
        return new Block
        {
            Header = draft.Header with
            {
                TransactionsRoot = BlockRoots.Transactions(transactions), ReceiptsRoot = result.ReceiptsRoot, LogsBloom = result.LogsBloom,
                GasUsed = result.GasUsed, StateRoot = result.StateRoot,
            },
            Transactions = transactions, Withdrawals = withdrawals,
        };
    }

    /// <summary>The same block with its header changed (the body kept).</summary>
    public static Block WithHeader(Block block, Func<BlockHeader, BlockHeader> change) =>
        new() { Header = change(block.Header), Transactions = block.Transactions, Ommers = block.Ommers, Withdrawals = block.Withdrawals };

    private InMemoryStateSource StateOf(BlockHeader header) =>
        Chain.TryGetState(header.Hash, out var state) ? state : throw new InvalidOperationException($"no state for {header}");
}
