using Rollup.Core.Blocks;
using Rollup.Core.Chain;
using Rollup.Core.Numerics;
using Rollup.Core.Transactions;
using Rollup.Core.Types;
using Rollup.Evm.Execution;
using Rollup.Evm.State;
using Rollup.Evm.Tracing;

namespace Rollup.Evm.Blocks;

/// <summary>Imports one block onto its parent: validates the header and the body, runs the beacon-roots system call,
/// the transactions and the withdrawals (and, before the merge, the rewards), then checks every commitment the header
/// makes to the result. The parent's state is only read: the result is a new state, so a rejected block changes
/// nothing. All blocks are judged by one fork's rules; a chain that crosses a fork needs a processor per fork.</summary>
public sealed class BlockProcessor
{
    private readonly ForkRules _rules;
    private readonly ulong _chainId;
    private readonly Func<InMemoryStateSource, Hash256>? _stateCommitment;

    /// <param name="stateCommitment">What the header's state root commits to; Ethereum's Merkle-Patricia root when
    /// null. A chain with another commitment (the rollup's Poseidon tree) passes its own.</param>
    public BlockProcessor(ForkRules rules, ulong chainId, Func<InMemoryStateSource, Hash256>? stateCommitment = null)
    {
        _rules = rules;
        _chainId = chainId;
        _stateCommitment = stateCommitment;
    }

    /// <param name="blockHashes">BLOCKHASH: the hash of an ancestor by number (asked only for the 256 before this block).</param>
    /// <exception cref="BlockException">naming the first rule the block breaks.</exception>
    public BlockResult Process(Block block, BlockHeader parent, InMemoryStateSource parentState, Func<ulong, Hash256> blockHashes, ITracer? tracer = null)
    {
        HeaderValidator.Validate(block.Header, parent, _rules);
        ValidateBody(block);
        var result = Execute(block, parentState, blockHashes, tracer);
        ValidateResult(block.Header, result);
        return result;
    }

    /// <summary>Runs the block without judging its header against the parent or its commitments against the result:
    /// a block builder runs a draft this way and fills the roots, gas used and bloom in from the result.</summary>
    /// <exception cref="BlockException">InvalidTransaction when a transaction cannot run.</exception>
    public BlockResult Execute(Block block, InMemoryStateSource parentState, Func<ulong, Hash256>? blockHashes, ITracer? tracer = null)
    {
        var header = block.Header;
        var env = Environment(header, blockHashes);
        var state = new JournaledState(parentState);
        if (_rules.IsCancun) BeaconRoots.Apply(state, _rules, env, header.ParentBeaconBlockRoot ?? Hash256.Zero);
        var (receipts, results) = ExecuteTransactions(block, env, state, parentState, tracer);
        if (block.Withdrawals is { } withdrawals) ApplyWithdrawals(state, withdrawals);
        BlockRewards.Apply(state, _rules, block);

        var postState = parentState.Clone();
        postState.Apply(state.GetChanges());
        return new BlockResult(block, receipts, results, postState);
    }

    public BlockEnvironment Environment(BlockHeader header, Func<ulong, Hash256>? blockHashes) => new()
    {
        Coinbase = header.Coinbase, Number = header.Number, Timestamp = header.Timestamp, GasLimit = header.GasLimit,
        BaseFee = header.BaseFeePerGas ?? UInt256.Zero, Difficulty = header.Difficulty,
        PrevRandao = UInt256.FromBigEndian(header.MixHash.Bytes), ExcessBlobGas = header.ExcessBlobGas ?? 0,
        ChainId = _chainId, BlockHashes = blockHashes,
    };

    /// <summary>The body against the header, before anything runs: ommers, withdrawals and the blob gas the
    /// transactions declare.</summary>
    private void ValidateBody(Block block)
    {
        var header = block.Header;
        if (_rules.IsParis)
        {
            if (block.Ommers.Count > 0) throw new BlockException(BlockError.OmmersAfterMerge, $"{block.Ommers.Count} ommer(s) after the merge");
        }
        else
        {
            var ommersHash = BlockRoots.Ommers(block.Ommers);
            if (header.OmmersHash != ommersHash) throw new BlockException(BlockError.InvalidOmmersHash, $"ommers hash {header.OmmersHash}, the body's is {ommersHash}");
            if (block.Ommers.Count > 2) throw new BlockException(BlockError.InvalidOmmer, $"{block.Ommers.Count} ommers, at most 2");
            foreach (var ommer in block.Ommers)
                if (ommer.Number >= header.Number || ommer.Number + 6 < header.Number)
                    throw new BlockException(BlockError.InvalidOmmer, $"ommer #{ommer.Number} is not 1 to 6 generations before #{header.Number}");
        }

        if (_rules.IsShanghai && block.Withdrawals is null) throw new BlockException(BlockError.ForkFieldMissing, "the body has no withdrawals list, which Shanghai requires");
        if (!_rules.IsShanghai && block.Withdrawals is not null) throw new BlockException(BlockError.ForkFieldUnexpected, "the body has a withdrawals list, which exists only from Shanghai");

        if (block.Withdrawals is { } withdrawals)
        {
            var root = BlockRoots.Withdrawals(withdrawals);
            if (header.WithdrawalsRoot != root) throw new BlockException(BlockError.InvalidWithdrawalsRoot, $"withdrawals root {header.WithdrawalsRoot}, the body's is {root}");
        }
        if (_rules.IsCancun)
        {
            ulong blobGas = 0;
            foreach (var tx in block.Transactions) blobGas += (ulong)tx.BlobVersionedHashes.Count * BlobGas.PerBlob;
            if (header.BlobGasUsed != blobGas)
                throw new BlockException(BlockError.InvalidBlobGasUsed, $"blob gas used {header.BlobGasUsed}, the transactions' is {blobGas}");
        }
    }

    private (List<Receipt>, List<TransactionResult>) ExecuteTransactions(Block block, BlockEnvironment env, JournaledState state,
        InMemoryStateSource parentState, ITracer? tracer)
    {
        var processor = new TransactionProcessor(_rules, env);
        var receipts = new List<Receipt>(block.Transactions.Count);
        var results = new List<TransactionResult>(block.Transactions.Count);
        ulong cumulativeGas = 0;
        for (int i = 0; i < block.Transactions.Count; i++)
        {
            var tx = block.Transactions[i];
            TransactionResult result;
            try
            {
                var sender = TransactionValidator.ValidateSignature(tx, _rules, _chainId);
                result = processor.Execute(tx, sender, state, block.Header.GasLimit - cumulativeGas, tracer);
            }
            catch (TxException e)
            {
                throw new BlockException(e, i);
            }
            cumulativeGas += result.GasUsed;
            results.Add(result);
            receipts.Add(new Receipt
            {
                Type = tx.Type, Success = result.Success, CumulativeGasUsed = cumulativeGas, Logs = result.Logs,
                // Before Byzantium (EIP-658) a receipt commits to the state root after its transaction.
                PostState = _rules.IsByzantium ? null : IntermediateRoot(parentState, state),
            });
        }
        return (receipts, results);
    }

    private static Hash256 IntermediateRoot(InMemoryStateSource parentState, JournaledState state)
    {
        var snapshot = parentState.Clone();
        snapshot.Apply(state.GetChanges());
        return MptStateRoot.Compute(snapshot);
    }

    /// <summary>EIP-4895: after the transactions, each withdrawal credits its Gwei amount × 10^9 wei. A credit is not
    /// a transaction, but a zero credit still touches the account, so an empty one is cleared (EIP-161).</summary>
    private void ApplyWithdrawals(JournaledState state, IReadOnlyList<Withdrawal> withdrawals)
    {
        state.BeginTransaction();
        foreach (var w in withdrawals) state.AddBalance(w.Address, w.AmountWei);
        state.CommitTransaction(_rules);
    }

    /// <summary>The header's claims about the result, in the order geth checks them. The transactions root comes
    /// first, but only now, once every transaction has been found valid: a block carrying an invalid transaction is
    /// reported for that transaction (the fixtures' filler leaves invalid transactions out of the root, so the root
    /// of such a block never matches and would hide the reason).</summary>
    private void ValidateResult(BlockHeader header, BlockResult result)
    {
        var txRoot = BlockRoots.Transactions(result.Block.Transactions);
        if (header.TransactionsRoot != txRoot)
            throw new BlockException(BlockError.InvalidTransactionsRoot, $"transactions root {header.TransactionsRoot}, the body's is {txRoot}");
        if (header.GasUsed != result.GasUsed)
            throw new BlockException(BlockError.InvalidGasUsed, $"gas used {header.GasUsed}, the transactions used {result.GasUsed}");
        if (!header.LogsBloom.Equals(result.LogsBloom))
            throw new BlockException(BlockError.InvalidLogsBloom, $"logs bloom {header.LogsBloom}, the logs' is {result.LogsBloom}");
        if (header.ReceiptsRoot != result.ReceiptsRoot)
            throw new BlockException(BlockError.InvalidReceiptsRoot, $"receipts root {header.ReceiptsRoot}, the receipts' is {result.ReceiptsRoot}");
        var stateRoot = _stateCommitment is { } commit ? commit(result.PostState) : result.StateRoot;
        if (header.StateRoot != stateRoot)
            throw new BlockException(BlockError.InvalidStateRoot, $"state root {header.StateRoot}, the result's is {stateRoot}");
    }
}
