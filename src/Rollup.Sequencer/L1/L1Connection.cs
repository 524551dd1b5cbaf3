using Microsoft.Extensions.Logging;
using Rollup.Core.Crypto;
using Rollup.Core.Types;
using Rollup.L1;
using Rollup.L1.Contracts;
using Rollup.L1.Deployment;
using Rollup.L1.Devnet;
using Rollup.L1.Rpc;
using Rollup.L1.Sending;
using Rollup.Sequencer.Batches;

namespace Rollup.Sequencer.L1;

/// <summary>The node's L1: either a local devnet (anvil started here, the rollup contracts deployed with the same code
/// as <c>rollup l1 deploy</c>) or an external node with an existing deployment. Gives the batch submitter; stops
/// anvil on dispose.</summary>
public sealed class L1Connection : IAsyncDisposable
{
    private readonly AnvilProcess? _anvil;

    public EthClient Client { get; }
    public DeploymentFile Deployment { get; }
    public TransactionSender Sequencer { get; }
    public IL1Submitter Submitter { get; }
    public string Url { get; }
    /// <summary>The L1 port anvil listens on; null for an external L1.</summary>
    public int? AnvilPort => _anvil?.Port;

    private L1Connection(AnvilProcess? anvil, string url, EthClient client, DeploymentFile deployment, TransactionSender sequencer, ILogger logger)
    {
        _anvil = anvil;
        Url = url;
        Client = client;
        Deployment = deployment;
        Sequencer = sequencer;
        var rollup = new RollupContract(client, Address.Parse(deployment.Rollup));
        Submitter = new RollupL1Submitter(rollup, sequencer, deployment.DeployedAtBlock, logger);
    }

    /// <summary>Starts anvil on 127.0.0.1 (<paramref name="port"/>, 0 = a free one), funds the operator and
    /// <paramref name="fund"/> with 10,000 ETH each, and deploys the rollup contracts for this L2's genesis with the
    /// operator as owner, sequencer and prover.</summary>
    public static async Task<L1Connection> StartDevAsync(Hash256 genesisStateRoot, ulong l2ChainId, int port, PrivateKey operatorKey,
        IEnumerable<Address> fund, ILoggerFactory loggers, CancellationToken cancel = default, GeneratedVerifier? verifier = null)
    {
        // Ethereum's own limits: the batch circuit's verifier is the interpreting one (under EIP-170's 24 KB) with its
        // constraint program in data contracts, each deployed in its own transaction.
        var anvil = await AnvilProcess.StartAsync(port);
        EthClient? client = null;
        try
        {
            client = new EthClient(anvil.Url);
            var tenThousand = Quantity.Of(Units.Ether(10_000));
            foreach (var account in fund.Append(operatorKey.Address))
                await client.Rpc.CallAsync("anvil_setBalance", [account.ToString(), tenThousand], cancel);
            var sender = await TransactionSender.CreateAsync(client, operatorKey, cancel);
            var deployment = await RollupDeployer.DeployAsync(sender, new DeployOptions { GenesisStateRoot = genesisStateRoot, L2ChainId = l2ChainId, RealVerifier = verifier }, cancel);
            return new L1Connection(anvil, anvil.Url, client, deployment, sender, loggers.CreateLogger("l1"));
        }
        catch
        {
            client?.Dispose();
            await anvil.DisposeAsync();
            throw;
        }
    }

    /// <summary>An external L1 (a testnet, or an anvil run by hand) with a deployment made by <c>rollup l1 deploy</c>:
    /// checks that the deployment is this L2's (chain ids, genesis root), that the contract is there and that the key
    /// holds the sequencer role, so that a wrong flag is a clear error at start-up rather than failed commits later.</summary>
    public static async Task<L1Connection> ConnectAsync(string url, PrivateKey sequencerKey, DeploymentFile deployment, Hash256 genesisStateRoot,
        ulong l2ChainId, ILoggerFactory loggers, CancellationToken cancel = default)
    {
        if (deployment.L2ChainId != l2ChainId)
            throw new L1Exception($"the deployment is for L2 chain {deployment.L2ChainId}, but this node's chain id is {l2ChainId}");
        if (!string.Equals(deployment.GenesisStateRoot, genesisStateRoot.ToString(), StringComparison.OrdinalIgnoreCase))
            throw new L1Exception($"the deployment's genesis state root is {deployment.GenesisStateRoot}, but this node's genesis state root is {genesisStateRoot}");
        var client = new EthClient(url);
        try
        {
            var sender = await TransactionSender.CreateAsync(client, sequencerKey, cancel);
            if (sender.ChainId != deployment.L1ChainId)
                throw new L1Exception($"the L1 node at {url} serves chain {sender.ChainId}, but the deployment is on chain {deployment.L1ChainId}");
            var rollup = new RollupContract(client, Address.Parse(deployment.Rollup));
            if ((await client.GetCodeAsync(rollup.Address, cancel: cancel)).Length == 0)
                throw new L1Exception($"there is no contract at {rollup.Address} on chain {sender.ChainId}");
            if (!await rollup.IsSequencerAsync(sender.Address))
                throw new L1Exception($"the key's account {sender.Address} is not a sequencer of the rollup at {rollup.Address}");
            return new L1Connection(null, url, client, deployment, sender, loggers.CreateLogger("l1"));
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        if (_anvil is not null) await _anvil.DisposeAsync();
    }
}
