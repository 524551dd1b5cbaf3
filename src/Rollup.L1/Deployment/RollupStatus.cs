using Rollup.Core.Types;
using Rollup.L1.Contracts;

namespace Rollup.L1.Deployment;

/// <summary>A snapshot of a deployed rollup: how far batches are committed and finalized, the latest ones with their
/// roots, the queue length and the verifier in use.</summary>
public sealed record RollupStatus(
    ulong L1ChainId,
    Address Rollup,
    ulong L2ChainId,
    Address Verifier,
    ulong LastCommittedBatch,
    ulong LastFinalizedBatch,
    Hash256 FinalizedStateRoot,
    ulong NextQueueIndex,
    IReadOnlyList<BatchStatus> RecentBatches)
{
    /// <summary>Reads the status, checking first that the node serves the deployment's chain and that the rollup
    /// contract is there, so a wrong URL or file gets a plain message instead of zeros.</summary>
    public static async Task<RollupStatus> ReadAsync(Rpc.EthClient client, DeploymentFile deployment, int recentBatches, CancellationToken cancel = default)
    {
        ulong chainId = await client.GetChainIdAsync(cancel).ConfigureAwait(false);
        if (chainId != deployment.L1ChainId)
            throw new L1Exception($"the deployment file is for chain {deployment.L1ChainId}, but {client.Rpc.DisplayUrl} serves chain {chainId}");
        var address = Address.Parse(deployment.Rollup);
        if ((await client.GetCodeAsync(address, cancel: cancel).ConfigureAwait(false)).Length == 0)
            throw new L1Exception($"there is no contract at {address} on chain {chainId}: was the node restarted since the deployment?");

        var rollup = new RollupContract(client, address);
        ulong committed = await rollup.LastCommittedBatchAsync().ConfigureAwait(false);
        ulong finalized = await rollup.LastFinalizedBatchAsync().ConfigureAwait(false);
        var batches = new List<BatchStatus>();
        ulong first = committed + 1 > (ulong)recentBatches ? committed + 1 - (ulong)recentBatches : 0;
        for (ulong i = first; i <= committed && recentBatches > 0; i++)
        {
            bool isFinalized = i <= finalized;
            batches.Add(new BatchStatus(i, isFinalized,
                await rollup.BatchHashAsync(i).ConfigureAwait(false),
                await rollup.DataHashAsync(i).ConfigureAwait(false),
                isFinalized ? await rollup.StateRootAsync(i).ConfigureAwait(false) : null));
        }
        return new RollupStatus(chainId, address, await rollup.L2ChainIdAsync().ConfigureAwait(false), await rollup.VerifierAsync().ConfigureAwait(false),
            committed, finalized, await rollup.StateRootAsync(finalized).ConfigureAwait(false), await rollup.NextQueueIndexAsync().ConfigureAwait(false),
            batches);
    }
}

/// <summary>One batch: its hashes, and its state root once finalized.</summary>
public sealed record BatchStatus(ulong Index, bool Finalized, Hash256 BatchHash, Hash256 DataHash, Hash256? StateRoot);
