using Rollup.Core.Numerics;
using Rollup.Core.Types;
using Rollup.L1.Messages;
using Rollup.L1.Rpc;
using Rollup.L1.Sending;

namespace Rollup.L1.Contracts;

/// <summary>The rollup contract (contracts/Rollup.sol), typed: what the sequencer, the prover, the owner and
/// depositors call, and the events they read. Rejections throw <see cref="ContractRevertedException"/> with the
/// custom error's name.</summary>
public sealed class RollupContract(EthClient client, Address address)
{
    public ContractClient Contract { get; } = new(client, address, ContractArtifacts.Get(ContractNames.Rollup));
    public Address Address => Contract.Address;

    // --- views ---

    public async Task<ulong> LastCommittedBatchAsync() => U64(await Contract.CallSingleAsync<UInt256>("lastCommittedBatch"));
    public async Task<ulong> LastFinalizedBatchAsync() => U64(await Contract.CallSingleAsync<UInt256>("lastFinalizedBatch"));
    public Task<Hash256> BatchHashAsync(ulong index) => Contract.CallSingleAsync<Hash256>("batchHashes", index);
    public Task<Hash256> DataHashAsync(ulong index) => Contract.CallSingleAsync<Hash256>("dataHashes", index);
    /// <summary>The state root after batch <paramref name="index"/>; zero unless it is finalized.</summary>
    public Task<Hash256> StateRootAsync(ulong index) => Contract.CallSingleAsync<Hash256>("stateRoots", index);
    public async Task<ulong> L2ChainIdAsync() => U64(await Contract.CallSingleAsync<UInt256>("l2ChainId"));
    public Task<Address> VerifierAsync() => Contract.CallSingleAsync<Address>("verifier");
    public Task<Address> OwnerAsync() => Contract.CallSingleAsync<Address>("owner");
    public Task<bool> IsSequencerAsync(Address account) => Contract.CallSingleAsync<bool>("isSequencer", account);
    public Task<bool> IsProverAsync(Address account) => Contract.CallSingleAsync<bool>("isProver", account);
    public async Task<ulong> NextQueueIndexAsync() => U64(await Contract.CallSingleAsync<UInt256>("nextQueueIndex"));
    public Task<Hash256> MessageHashAsync(ulong queueIndex) => Contract.CallSingleAsync<Hash256>("messageHashes", queueIndex);

    /// <summary>The public inputs finalizeBatch(index, newStateRoot, …) will hand the verifier.</summary>
    public async Task<UInt256[]> PublicInputsAsync(ulong index, Hash256 newStateRoot) =>
        ((IReadOnlyList<object?>)(await Contract.CallAsync("publicInputs", [index, newStateRoot]))[0]!).Cast<UInt256>().ToArray();

    // --- sequencer ---

    public async Task<BatchCommitted> CommitBatchAsync(TransactionSender sequencer, ulong index, Hash256 parentBatchHash, byte[] batchData)
    {
        var receipt = await Contract.SendAsync(sequencer, "commitBatch", [index, parentBatchHash, batchData]);
        return BatchCommitted.From(Contract.DecodeLogs(receipt).Single(e => e.Name == "BatchCommitted"));
    }

    /// <summary>Reverts batches index..last committed; returns one event per removed batch.</summary>
    public async Task<IReadOnlyList<BatchReverted>> RevertBatchAsync(TransactionSender sequencer, ulong index)
    {
        var receipt = await Contract.SendAsync(sequencer, "revertBatch", [index]);
        return Contract.DecodeLogs(receipt).Where(e => e.Name == "BatchReverted").Select(BatchReverted.From).ToArray();
    }

    // --- prover ---

    public async Task<BatchFinalized> FinalizeBatchAsync(TransactionSender prover, ulong index, Hash256 newStateRoot, byte[] proof)
    {
        var receipt = await Contract.SendAsync(prover, "finalizeBatch", [index, newStateRoot, proof]);
        return BatchFinalized.From(Contract.DecodeLogs(receipt).Single(e => e.Name == "BatchFinalized"));
    }

    // --- L1 -> L2 queue (anyone) ---

    public Task<L1Message> DepositEthAsync(TransactionSender from, Address to, UInt256 value) =>
        QueueAsync(from, "depositETH", [to], value);

    public Task<L1Message> SendMessageAsync(TransactionSender from, Address to, ulong gasLimit, byte[] data, UInt256 value) =>
        QueueAsync(from, "sendMessage", [to, gasLimit, data], value);

    public Task<L1Message> EnforceTransactionAsync(TransactionSender from, Address to, UInt256 value, ulong gasLimit, byte[] data) =>
        QueueAsync(from, "enforceTransaction", [to, value, gasLimit, data], default);

    private async Task<L1Message> QueueAsync(TransactionSender from, string function, object?[] args, UInt256 value)
    {
        var receipt = await Contract.SendAsync(from, function, args, value);
        return L1Message.FromEvent(Contract.DecodeLogs(receipt).Single(e => e.Name == "L1MessageQueued"));
    }

    /// <summary>The queue entries logged in a block range, in queue order: what the sequencer reads.</summary>
    public async Task<IReadOnlyList<L1Message>> GetQueuedMessagesAsync(ulong? fromBlock = null, ulong? toBlock = null) =>
        (await Contract.GetEventsAsync("L1MessageQueued", fromBlock, toBlock)).Select(x => L1Message.FromEvent(x.Event)).OrderBy(m => m.QueueIndex).ToArray();

    public async Task<IReadOnlyList<BatchCommitted>> GetCommittedBatchesAsync(ulong? fromBlock = null, ulong? toBlock = null) =>
        (await Contract.GetEventsAsync("BatchCommitted", fromBlock, toBlock)).Select(x => BatchCommitted.From(x.Event)).ToArray();

    public async Task<IReadOnlyList<BatchFinalized>> GetFinalizedBatchesAsync(ulong? fromBlock = null, ulong? toBlock = null) =>
        (await Contract.GetEventsAsync("BatchFinalized", fromBlock, toBlock)).Select(x => BatchFinalized.From(x.Event)).ToArray();

    // --- owner ---

    public async Task<VerifierUpdated> SetVerifierAsync(TransactionSender owner, Address verifier)
    {
        var receipt = await Contract.SendAsync(owner, "setVerifier", [verifier]);
        return VerifierUpdated.From(Contract.DecodeLogs(receipt).Single(e => e.Name == "VerifierUpdated"));
    }

    public Task<TransactionReceipt> SetSequencerAsync(TransactionSender owner, Address account, bool enabled) =>
        Contract.SendAsync(owner, "setSequencer", [account, enabled]);

    public Task<TransactionReceipt> SetProverAsync(TransactionSender owner, Address account, bool enabled) =>
        Contract.SendAsync(owner, "setProver", [account, enabled]);

    public Task<TransactionReceipt> TransferOwnershipAsync(TransactionSender owner, Address newOwner) =>
        Contract.SendAsync(owner, "transferOwnership", [newOwner]);

    private static ulong U64(UInt256 value) => (ulong)value;
}
