using Rollup.Core.Blocks;
using Rollup.Core.Chain;
using Rollup.Core.Numerics;
using Rollup.Core.Transactions;
using Rollup.Core.Types;
using Rollup.Evm.Execution;
using Rollup.Evm.State;
using Rollup.Sequencer.Chain;
using Rollup.Sequencer.Mempool;

namespace Rollup.Sequencer.Production;

/// <summary>What a block build produced, before its state root is known.</summary>
public sealed record BuiltBlock(
    IReadOnlyList<Transaction> Transactions,
    IReadOnlyList<StoredReceipt> Receipts,
    StateChanges Changes,
    ulong GasUsed,
    IReadOnlyList<Hash256> Rejected,
    int BelowBaseFee);

/// <summary>Fills a block from the pool: takes transactions in fee order (nonce order per sender), runs each on the
/// block's journaled state and keeps those that are valid, until the block's gas runs out. A transaction that fails
/// against the state (its nonce was used, the sender cannot pay) is reported as rejected so the pool drops it; one
/// that does not fit in the gas left waits for the next block.</summary>
public sealed class BlockBuilder(ForkRules rules, ulong chainId)
{
    public BlockEnvironment Environment(BlockHeader header, Func<ulong, Hash256> blockHashes) => new()
    {
        Coinbase = header.Coinbase, Number = header.Number, Timestamp = header.Timestamp, GasLimit = header.GasLimit,
        BaseFee = header.BaseFeePerGas ?? UInt256.Zero, PrevRandao = UInt256.FromBigEndian(header.MixHash.Bytes),
        ExcessBlobGas = header.ExcessBlobGas ?? 0, ChainId = chainId, BlockHashes = blockHashes,
    };

    /// <param name="maxTransactions">At most this many (the producer's cut when a block would overflow the prover's
    /// circuit); the rest wait for the next block.</param>
    public BuiltBlock Build(BlockHeader draft, IStateSource parentState, TxSelection selection, Func<ulong, Hash256> blockHashes,
        int maxTransactions = int.MaxValue)
    {
        var env = Environment(draft, blockHashes);
        var state = new JournaledState(parentState);
        var processor = new TransactionProcessor(rules, env);
        var included = new List<Transaction>();
        var receipts = new List<StoredReceipt>();
        var rejected = new List<Hash256>();
        ulong gasUsed = 0;
        int belowBaseFee = 0;

        while (included.Count < maxTransactions && selection.Peek() is { } candidate)
        {
            ulong gasLeft = draft.GasLimit - gasUsed;
            if (gasLeft < IntrinsicGas.TxBase) break;
            var tx = candidate.Tx;
            if (tx.MaxFeePerGas < env.BaseFee) belowBaseFee++;
            if (tx.GasLimit > gasLeft || tx.MaxFeePerGas < env.BaseFee)
            {
                selection.Pop();
                continue;
            }
            TransactionResult result;
            try
            {
                result = processor.Execute(tx, candidate.Sender, state, gasLeft);
            }
            catch (TxException e)
            {
                // A nonce above the account's means an earlier one is missing: the sender waits. Anything else
                // makes this transaction invalid for good.
                if (e.Error != TxError.NonceTooHigh) rejected.Add(candidate.Hash);
                if (e.Error == TxError.NonceTooLow) selection.Shift(); else selection.Pop();
                continue;
            }
            selection.Shift();
            gasUsed += result.GasUsed;
            included.Add(tx);
            var receipt = new Receipt { Type = tx.Type, Success = result.Success, CumulativeGasUsed = gasUsed, Logs = result.Logs };
            receipts.Add(new StoredReceipt(receipt, candidate.Sender, result.ContractAddress, result.GasUsed));
        }
        return new BuiltBlock(included, receipts, state.GetChanges(), gasUsed, rejected, belowBaseFee);
    }
}
