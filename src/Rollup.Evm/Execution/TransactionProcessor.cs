using Rollup.Core.Chain;
using Rollup.Core.Numerics;
using Rollup.Core.Transactions;
using Rollup.Core.Types;
using Rollup.Evm.Host;
using Rollup.Evm.State;
using Rollup.Evm.Tracing;

namespace Rollup.Evm.Execution;

/// <summary>Runs one transaction against the journaled state: checks it against the state and the block, buys its
/// gas, warms the access list, executes the call or create, refunds and pays the fees. An invalid transaction
/// throws <see cref="TxException"/> and changes nothing.</summary>
public sealed class TransactionProcessor
{
    private readonly ForkRules _rules;
    private readonly BlockEnvironment _block;

    public TransactionProcessor(ForkRules rules, BlockEnvironment block)
    {
        _rules = rules;
        _block = block;
    }

    /// <param name="tx">A transaction whose sender was recovered by <see cref="TransactionValidator.ValidateSignature"/>
    /// (or <see cref="TransactionValidator.Validate"/>); its other rules are checked here.</param>
    /// <param name="sender">The recovered sender.</param>
    /// <param name="blockGasLeft">Gas the block can still take (its limit minus what earlier transactions used).</param>
    public TransactionResult Execute(Transaction tx, Address sender, JournaledState state, ulong blockGasLeft, ITracer? tracer = null)
    {
        state.BeginTransaction();
        // A tracer that records state accesses (the zk tracer) sees the transaction through its own wrapper.
        IWorldState world = tracer is IStateObserver observer ? observer.Observe(state) : state;
        var effectiveGasPrice = _rules.IsLondon ? tx.EffectiveGasPrice(_block.BaseFee) : tx.GasPrice;
        ulong blobGas = (ulong)tx.BlobVersionedHashes.Count * BlobGas.PerBlob;
        CheckAgainstState(tx, sender, world, blockGasLeft, blobGas);

        // Buy the gas (and the blob gas, which is burned at the blob base fee).
        var gasCost = new UInt256(tx.GasLimit) * effectiveGasPrice;
        if (tx.Type == TxType.Blob) gasCost += new UInt256(blobGas) * _block.BlobBaseFee;
        world.SubtractBalance(sender, gasCost);

        var env = new ExecutionEnvironment
        {
            Rules = _rules, Block = _block, State = world, Origin = sender, GasPrice = effectiveGasPrice,
            BlobHashes = tx.BlobVersionedHashes, Tracer = tracer,
        };
        var executor = new EvmExecutor(env);
        WarmAccessList(tx, sender, world, executor);

        long gas = (long)(tx.GasLimit - IntrinsicGas.Calculate(tx, _rules));
        Message root;
        if (tx.To is { } to)
        {
            world.SetNonce(sender, tx.Nonce + 1);
            root = new Message
            {
                Kind = CallKind.Call, Depth = 0, Gas = gas, Sender = sender, Recipient = to, CodeAddress = to,
                Value = tx.Value, TransfersValue = true, Input = tx.Data,
            };
        }
        else
        {
            root = new Message { Kind = CallKind.Create, Depth = 0, Gas = gas, Sender = sender, Value = tx.Value, TransfersValue = true, Input = tx.Data };
        }

        var result = executor.Execute(root);

        // Refund: unused gas plus the refund counter, capped at a fifth (a half before London) of the gas used.
        long gasLeft = result.GasLeft;
        long used = (long)tx.GasLimit - gasLeft;
        long refund = Math.Min(Math.Max(world.Refund, 0), used / (_rules.IsLondon ? 5 : 2));
        gasLeft += refund;
        ulong gasUsed = tx.GasLimit - (ulong)gasLeft;

        world.AddBalance(sender, new UInt256((ulong)gasLeft) * effectiveGasPrice);
        var tip = _rules.IsLondon ? effectiveGasPrice - _block.BaseFee : effectiveGasPrice;
        world.AddBalance(_block.Coinbase, new UInt256(gasUsed) * tip);

        var logs = state.Logs.ToArray();
        state.CommitTransaction(_rules);
        return new TransactionResult(result.Reason, gasUsed, logs, result.Output, tx.To is null && result.Success ? result.CreatedAddress : null, blobGas);
    }

    /// <summary>Every rule that needs the state or the block, with the state-independent rules interleaved where geth's
    /// state transition checks them (nonce, sender, fee caps, blobs, balance, block gas, then intrinsic gas and
    /// initcode size), so that a block's invalid transaction is reported for the same rule as the reference client.
    /// A transaction that passed <see cref="TransactionValidator.Validate"/> meets the state-independent ones already.</summary>
    private void CheckAgainstState(Transaction tx, Address sender, IWorldState state, ulong blockGasLeft, ulong blobGas)
    {
        ulong nonce = state.GetNonce(sender);
        if (tx.Nonce < nonce) throw new TxException(TxError.NonceTooLow, $"nonce {tx.Nonce} is below the account nonce {nonce}", TxField.Nonce);
        if (tx.Nonce > nonce) throw new TxException(TxError.NonceTooHigh, $"nonce {tx.Nonce} is above the account nonce {nonce}", TxField.Nonce);
        TransactionValidator.CheckNonceLimit(tx);

        // EIP-3607: only externally owned accounts send transactions.
        var codeHash = state.GetCodeHash(sender);
        if (codeHash != Hash256.Zero && codeHash != AccountData.EmptyCodeHash)
            throw new TxException(TxError.SenderNotEoa, $"sender {sender} has code");

        if (_rules.IsLondon)
        {
            TransactionValidator.CheckPriorityFee(tx);
            if (tx.MaxFeePerGas < _block.BaseFee)
                throw new TxException(TxError.FeeCapBelowBaseFee, $"max fee per gas {tx.MaxFeePerGas} is below the base fee {_block.BaseFee}", TxField.MaxFeePerGas);
        }

        if (tx.Type == TxType.Blob)
        {
            if (tx.To is null) throw new TxException(TxError.BlobContractCreation, "blob transactions cannot create contracts", TxField.To);
            if (tx.BlobVersionedHashes.Count == 0) throw new TxException(TxError.BlobCountZero, "a blob transaction needs at least one blob", TxField.BlobVersionedHashes);
            if (tx.BlobVersionedHashes.Count > BlobGas.MaxBlobsPerBlock)
                throw new TxException(TxError.BlobCountExceeded, $"{tx.BlobVersionedHashes.Count} blobs, at most {BlobGas.MaxBlobsPerBlock}", TxField.BlobVersionedHashes);
            foreach (var h in tx.BlobVersionedHashes)
                if (h.Bytes[0] != BlobGas.VersionedHashVersionKzg)
                    throw new TxException(TxError.BlobVersionedHashInvalid, $"versioned hash {h} does not start with 0x01", TxField.BlobVersionedHashes);
            if (tx.MaxFeePerBlobGas < _block.BlobBaseFee)
                throw new TxException(TxError.BlobFeeCapBelowBlobBaseFee, $"max fee per blob gas {tx.MaxFeePerBlobGas} is below the blob base fee {_block.BlobBaseFee}", TxField.MaxFeePerBlobGas);
        }

        // The sender must afford the worst case: every unit of gas at the fee cap, plus the value and the blob gas.
        TransactionValidator.CheckGasPriceProduct(tx);
        var required = new UInt256(tx.GasLimit) * tx.MaxFeePerGas;
        bool overflow = UInt256.AddOverflow(required, tx.Value, out required);
        if (tx.Type == TxType.Blob)
            overflow |= UInt256.AddOverflow(required, new UInt256(blobGas) * tx.MaxFeePerBlobGas, out required);
        var balance = state.GetBalance(sender);
        if (overflow || balance < required)
            throw new TxException(TxError.InsufficientFunds, $"sender balance {balance} is below gas × fee cap + value = {required}");

        if (tx.GasLimit > blockGasLeft)
            throw new TxException(TxError.GasLimitAboveBlockGas, $"gas limit {tx.GasLimit} exceeds the {blockGasLeft} gas left in the block");

        TransactionValidator.CheckIntrinsicGas(tx, _rules);
        TransactionValidator.CheckInitCodeSize(tx, _rules);
    }

    /// <summary>EIP-2929/2930/3651: the sender, the recipient, the precompiles, the access list and (from Shanghai) the
    /// coinbase start warm.</summary>
    private void WarmAccessList(Transaction tx, Address sender, IWorldState state, EvmExecutor executor)
    {
        if (!_rules.IsBerlin) return;
        state.WarmAccount(sender);
        if (tx.To is { } to) state.WarmAccount(to);
        foreach (var p in executor.Precompiles.Addresses) state.WarmAccount(p);
        foreach (var entry in tx.AccessList)
        {
            state.WarmAccount(entry.Address);
            foreach (var key in entry.StorageKeys) state.WarmStorage(entry.Address, EvmWord.FromHash(key));
        }
        if (_rules.IsShanghai) state.WarmAccount(_block.Coinbase);
    }
}
