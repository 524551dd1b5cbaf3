using System.CommandLine;
using System.Text.Json;
using Rollup.L1.Deployment;
using Rollup.L1.Rpc;

namespace Rollup.Cli.Commands;

/// <summary><c>rollup l1 status --rpc URL --deployment FILE</c>: batches committed and finalized, their roots, the
/// queue and the verifier.</summary>
public static class L1StatusCommand
{
    public static Command Create()
    {
        var rpc = L1Command.RpcOption();
        var file = new Option<string>("--deployment") { Description = "The file `rollup l1 deploy` wrote", DefaultValueFactory = _ => "deployment.json" };
        var last = new Option<int>("--last") { Description = "How many of the latest batches to list", DefaultValueFactory = _ => 10 };
        var json = new Option<bool>("--json") { Description = "Print one JSON object instead of text" };

        var command = new Command("status", "Show how far batches are committed and finalized, with their hashes and state roots.");
        foreach (var option in new Option[] { rpc, file, last, json }) command.Options.Add(option);
        command.SetAction((parse, cancel) => L1Command.GuardAsync(parse, async (stdout, _) =>
        {
            var deployment = DeploymentFile.Load(parse.GetValue(file)!);
            using var client = new EthClient(parse.GetValue(rpc)!);
            var status = await RollupStatus.ReadAsync(client, deployment, Math.Max(0, parse.GetValue(last)), cancel);
            if (parse.GetValue(json)) stdout.WriteLine(ToJson(status, deployment));
            else WriteText(stdout, status, deployment);
            return 0;
        }));
        return command;
    }

    private static void WriteText(TextWriter o, RollupStatus s, DeploymentFile d)
    {
        o.WriteLine($"rollup {s.Rollup} on chain {s.L1ChainId}, L2 chain id {s.L2ChainId}");
        o.WriteLine($"verifier {s.Verifier} {VerifierNote(s, d)}");
        o.WriteLine($"last committed batch {s.LastCommittedBatch}");
        o.WriteLine($"last finalized batch {s.LastFinalizedBatch}, state root {s.FinalizedStateRoot}");
        o.WriteLine($"L1->L2 queue: {s.NextQueueIndex} entries");
        if (s.RecentBatches.Count == 0) return;
        o.WriteLine();
        o.WriteLine($"{"batch",6}  {"status",-9}  {"batch hash",-66}  state root");
        foreach (var b in s.RecentBatches)
            o.WriteLine($"{b.Index,6}  {(b.Finalized ? "finalized" : "committed"),-9}  {b.BatchHash,-66}  {(b.StateRoot is { } root ? root.ToString() : "-")}");
    }

    private static string VerifierNote(RollupStatus s, DeploymentFile d) =>
        !string.Equals(s.Verifier.ToString(), d.Verifier.Address, StringComparison.OrdinalIgnoreCase)
            ? $"(replaced since deployment; was {d.Verifier.Address})"
            : d.Verifier.IsRealVerifier == false ? $"({d.Verifier.Contract}: NOT A REAL VERIFIER)" : $"({d.Verifier.Contract})";

    private static string ToJson(RollupStatus s, DeploymentFile d) => JsonSerializer.Serialize(new
    {
        l1ChainId = s.L1ChainId,
        l2ChainId = s.L2ChainId,
        rollup = s.Rollup.ToString(),
        verifier = new
        {
            address = s.Verifier.ToString(),
            sameAsDeployment = string.Equals(s.Verifier.ToString(), d.Verifier.Address, StringComparison.OrdinalIgnoreCase),
            contract = d.Verifier.Contract,
            isRealVerifier = d.Verifier.IsRealVerifier,
        },
        lastCommittedBatch = s.LastCommittedBatch,
        lastFinalizedBatch = s.LastFinalizedBatch,
        finalizedStateRoot = s.FinalizedStateRoot.ToString(),
        nextQueueIndex = s.NextQueueIndex,
        batches = s.RecentBatches.Select(b => new
        {
            index = b.Index,
            status = b.Finalized ? "finalized" : "committed",
            batchHash = b.BatchHash.ToString(),
            dataHash = b.DataHash.ToString(),
            stateRoot = b.StateRoot?.ToString(),
        }),
    }, new JsonSerializerOptions { WriteIndented = true });
}
