using Rollup.Core.Crypto;
using Rollup.Core.Encoding;
using Rollup.Core.Types;
using Rollup.L1.Abi;
using Rollup.L1.Batches;
using Rollup.L1.Contracts;
using Rollup.L1.Deployment;
using Rollup.L1.Rpc;
using Rollup.L1.Sending;

namespace Rollup.L1.Tests.Support;

/// <summary>A freshly deployed rollup with separate owner, sequencer, prover and user keys, and helpers that build
/// batches and stand-in proofs the way the real sequencer and prover will.</summary>
public sealed class RollupTestbed
{
    public required AnvilNode Node { get; init; }
    public required TransactionSender Owner { get; init; }
    public required TransactionSender Sequencer { get; init; }
    public required TransactionSender Prover { get; init; }
    public required TransactionSender User { get; init; }
    public required RollupContract Rollup { get; init; }
    public required DeploymentFile Deployment { get; init; }
    public required Hash256 GenesisRoot { get; init; }
    public const ulong L2ChainId = 777;

    public static async Task<RollupTestbed> DeployAsync(AnvilNode node)
    {
        var owner = await node.NewAccountAsync();
        var sequencer = await node.NewAccountAsync();
        var prover = await node.NewAccountAsync();
        var genesis = Root(0);
        var deployment = await RollupDeployer.DeployAsync(owner, new DeployOptions
        {
            GenesisStateRoot = genesis, L2ChainId = L2ChainId, Sequencer = sequencer.Address, Prover = prover.Address,
        });
        return new RollupTestbed
        {
            Node = node, Owner = owner, Sequencer = sequencer, Prover = prover, User = await node.NewAccountAsync(),
            Rollup = new RollupContract(node.Client, Address.Parse(deployment.Rollup)), Deployment = deployment, GenesisRoot = genesis,
        };
    }

    /// <summary>A recognisable state root per batch.</summary>
    public static Hash256 Root(ulong batch) => Keccak256.Hash(System.Text.Encoding.ASCII.GetBytes($"state root {batch}"));

    public static byte[] Data(ulong batch, string variant = "") => System.Text.Encoding.ASCII.GetBytes($"transactions of batch {batch}{variant}");

    /// <summary>Commits batches 1..count on top of genesis.</summary>
    public async Task<IReadOnlyList<BatchCommitted>> CommitAsync(int count)
    {
        var events = new List<BatchCommitted>();
        var parent = await Rollup.BatchHashAsync(await Rollup.LastCommittedBatchAsync());
        ulong first = await Rollup.LastCommittedBatchAsync() + 1;
        for (ulong i = first; i < first + (ulong)count; i++)
        {
            var e = await Rollup.CommitBatchAsync(Sequencer, i, parent, Data(i));
            events.Add(e);
            parent = e.BatchHash;
        }
        return events;
    }

    /// <summary>The stand-in proof for finalizing <paramref name="index"/> with <paramref name="newRoot"/>, from the
    /// public inputs computed off chain (not read from the contract), so the contract's encoding is what is tested.</summary>
    public async Task<byte[]> ProofAsync(ulong index, Hash256 newRoot, Hash256? previousRoot = null) =>
        InsecureDigestProof.For(BatchPublicInputs.Encode(previousRoot ?? await Rollup.StateRootAsync(index - 1), newRoot,
            BatchHashing.DataHash(Data(index)), L2ChainId));

    public async Task<BatchFinalized> FinalizeAsync(ulong index) =>
        await Rollup.FinalizeBatchAsync(Prover, index, Root(index), await ProofAsync(index, Root(index)));

    /// <summary>Asserts the call reverts with exactly this custom error and these arguments (so the selector and the
    /// arguments are both checked), and returns the exception.</summary>
    public static async Task<ContractRevertedException> AssertRevertsAsync(Func<Task> action, string error, params object?[] args)
    {
        var e = await Assert.ThrowsAsync<ContractRevertedException>(action);
        Assert.True(error == e.ErrorName, $"expected {error}, got {e.Message}");
        var abi = ContractArtifacts.Get(ContractNames.Rollup).Abi;
        Assert.Equal(Hex.ToHex(abi.Error(error).Encode(args)), Hex.ToHex(e.RevertData));
        Assert.Contains(error, e.Message);
        return e;
    }
}
