using System.CommandLine;
using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Rollup.Core.Types;
using Rollup.L1.Contracts;
using Rollup.L1.Deployment;
using Rollup.L1.Rpc;
using Rollup.L1.Sending;
using Rollup.Proving;
using Rollup.Sequencer.Batches;
using Rollup.Sequencer.Chain;
using Rollup.Sequencer.State;
using Rollup.Sequencer.Storage;

namespace Rollup.Cli.Commands;

/// <summary><c>rollup prove --data-dir DIR --batch N</c>: proves one sealed batch of a stopped node's data directory
/// (RocksDB allows one process at a time; a running node proves with --prove instead), writes the proof file and, with
/// --finalize and the L1 options, sends finalizeBatch. Progress goes to stderr, stage by stage.</summary>
public static class ProveCommand
{
    public static Command Create()
    {
        var dataDir = new Option<string>("--data-dir") { Description = "The node's data directory", Required = true };
        var batchNumber = new Option<ulong>("--batch") { Description = "The batch to prove (numbered from 1)", Required = true };
        var chainId = new Option<ulong>("--chain-id") { Description = "The L2 chain id (default 901, the --dev chain's)", DefaultValueFactory = _ => 901 };
        var output = new Option<string?>("--out") { Description = "Where to write the proof (default batch-N.proof)" };
        var k = new Option<int>("--k") { Description = "Rows of the batch circuit as log2; must match the deployed verifier", DefaultValueFactory = _ => BatchCircuit.DefaultK };
        var ptau = new Option<string?>("--ptau") { Description = "Powers-of-tau file (snarkjs .ptau) for the SRS" };
        var seed = new Option<string?>("--insecure-srs-seed") { Description = $"Public seed of an INSECURE SRS (default \"{SrsSource.DevSeed}\" unless --ptau)" };
        var keyDir = new Option<string?>("--key-dir") { Description = "Where the verifying key file is kept and checked (default DIR/prover)" };
        var finalize = new Option<bool>("--finalize") { Description = "Send finalizeBatch with the proof (needs --l1-rpc, --l1-deployment and --l1-key or $ROLLUP_L1_KEY, a prover-role key)" };
        var l1Rpc = new Option<string?>("--l1-rpc") { Description = "The L1 JSON-RPC URL" };
        var l1Deployment = new Option<string?>("--l1-deployment") { Description = "The deployment file `rollup l1 deploy` wrote" };
        var l1Key = new Option<string?>("--l1-key") { Description = $"The prover's L1 key (or ${L1Command.KeyVariable})" };

        var command = new Command("prove", "Prove a sealed batch of a (stopped) node's data directory and write the proof; optionally finalize it on L1.");
        foreach (var o in new Option[] { dataDir, batchNumber, chainId, output, k, ptau, seed, keyDir, finalize, l1Rpc, l1Deployment, l1Key }) command.Options.Add(o);
        command.SetAction((parse, cancellation) => L1Command.GuardAsync(parse, async (stdout, stderr) =>
        {
            if (parse.GetValue(ptau) is not null && parse.GetValue(seed) is not null) throw new ArgumentException("--ptau and --insecure-srs-seed exclude each other");
            var srs = parse.GetValue(ptau) is { } file ? new SrsSource(file, null) : new SrsSource(null, parse.GetValue(seed) ?? SrsSource.DevSeed);
            string dir = parse.GetValue(dataDir)!;
            var options = new ProverOptions { K = parse.GetValue(k), Srs = srs, KeyDirectory = parse.GetValue(keyDir) ?? Path.Combine(dir, "prover") };
            string chainPath = Path.Combine(dir, "chain");
            if (!Directory.Exists(chainPath)) throw new ArgumentException($"--data-dir {dir}: no chain database there");

            var clock = Stopwatch.StartNew();
            void Stage(string what) => stderr.WriteLine($"[{clock.Elapsed.TotalSeconds,7:F1} s] {what}");
            Database db;
            try { db = Database.Open(chainPath, syncWrites: false); }
            catch (RocksDbSharp.RocksDbException e) when (e.Message.Contains("lock", StringComparison.OrdinalIgnoreCase))
            {
                throw new IOException($"--data-dir {dir} is in use (is its node running? stop it, or let it prove with --prove)");
            }
            using var dbLifetime = db;
            var chain = new ChainStore(db);
            if (!chain.Open()) throw new ArgumentException($"--data-dir {dir}: the chain database is empty");
            var state = new PoseidonStateStore(db);
            state.Open(chain.Head!.Number);
            ulong n = parse.GetValue(batchNumber);
            var batch = new BatchStore(db).Get(n) ?? throw new ArgumentException($"batch {n} is not sealed in {dir}");
            if (srs.IsInsecure) stderr.WriteLine("warning: INSECURE SRS from a public seed: anyone can forge proofs for its verifier. Devnets only; use --ptau.");

            using var loggers = LoggerFactory.Create(b => b.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Warning));
            var prover = new BatchProver(chain, state, parse.GetValue(chainId), options, loggers.CreateLogger("prover")) { Progress = Stage };
            Stage($"generating keys for 2^{options.K} rows ({srs})");
            _ = prover.Key;
            BatchProof proof;
            try { proof = prover.Prove(batch); }
            catch (BatchNotProvableException e) { stderr.WriteLine($"error: {e.Message}"); return 3; }
            string path = parse.GetValue(output) ?? $"batch-{n}.proof";
            await File.WriteAllBytesAsync(path, proof.Proof, cancellation);
            Stage($"wrote {path} ({proof.Proof.Length} bytes): batch {n}, blocks {batch.FirstBlock}..{batch.LastBlock}, state root {batch.StateRoot}");
            if (!parse.GetValue(finalize)) return 0;

            var url = parse.GetValue(l1Rpc) ?? throw new ArgumentException("--finalize needs --l1-rpc");
            var deployment = DeploymentFile.Load(parse.GetValue(l1Deployment) ?? throw new ArgumentException("--finalize needs --l1-deployment"));
            using var client = new EthClient(url);
            var sender = await TransactionSender.CreateAsync(client, L1Command.ReadKey(parse.GetValue(l1Key)), cancellation);
            var rollup = new RollupContract(client, Address.Parse(deployment.Rollup));
            var receipt = await rollup.Contract.SendAsync(sender, "finalizeBatch", [batch.Number, batch.StateRoot, proof.Proof], cancel: cancellation);
            Stage($"finalized batch {n} on L1 in {receipt.TransactionHash} ({receipt.GasUsed:N0} gas)");
            return 0;
        }));
        return command;
    }
}
