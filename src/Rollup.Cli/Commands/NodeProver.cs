using Microsoft.Extensions.Logging;
using Rollup.L1.Deployment;
using Rollup.Proving;
using Rollup.Sequencer.Batches;
using Rollup.Sequencer.Chain;
using Rollup.Sequencer.Node;
using Rollup.Sequencer.State;

namespace Rollup.Cli.Commands;

/// <summary>`rollup node --prove`: the in-process prover, its options from the node's settings, its verifying key kept
/// in &lt;data-dir&gt;/prover. Off by default: proving takes the cores for a while, and its verifier is a devnet-only
/// contract (over EIP-170, docs/node.md), which a devnet used for wallet work does not want.</summary>
public sealed class NodeProver
{
    private readonly ILoggerFactory _loggers;
    private readonly ulong _chainId;

    public ProverOptions Options { get; }

    private NodeProver(ProverOptions options, ulong chainId, ILoggerFactory loggers)
    {
        Options = options;
        _chainId = chainId;
        _loggers = loggers;
    }

    public static NodeProver? From(Dictionary<string, string> settings, NodeConfig config, ILoggerFactory loggers)
    {
        if (!(settings.TryGetValue("prove", out var on) && on is "true" or "1"))
        {
            if (settings.Keys.Any(k => k.StartsWith("prover-", StringComparison.Ordinal)))
                throw new ArgumentException("the prover-* settings go with --prove");
            return null;
        }
        var options = ProverSettings.From(settings, Path.Combine(config.DataDir, "prover"));
        if (options.Srs.IsInsecure)
            loggers.CreateLogger("prover").LogWarning("the prover uses an INSECURE SRS from a public seed: anyone can forge proofs for its verifier (devnets only; use --prover-ptau)");
        return new NodeProver(options, config.Genesis.ChainId, loggers);
    }

    public IBatchProver Factory(ChainStore chain, IStateStore state) =>
        new BatchProver(chain, state, _chainId, Options, _loggers.CreateLogger("prover"));

    /// <summary>The verifier for this prover's key, for the --dev L1: generates the keys now and
    /// compiles the verifier the key file describes.</summary>
    public GeneratedVerifier Verifier()
    {
        var logger = _loggers.CreateLogger("prover");
        logger.LogInformation("generating the batch circuit's keys (2^{K} rows) for the dev L1's verifier", Options.K);
        ProverKeys.LoadOrCreate(Options.K, Options.Srs, Options.KeyDirectory, Options.StateTransition);
        return GeneratedVerifier.FromKeyFile(ProverKeys.VerifyingKeyPath(Options.KeyDirectory!, Options.K));
    }
}
