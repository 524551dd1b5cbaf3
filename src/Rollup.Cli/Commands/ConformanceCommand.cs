using System.CommandLine;
using Rollup.Conformance;

namespace Rollup.Cli.Commands;

/// <summary><c>rollup conformance &lt;folder&gt;</c>: runs the Ethereum JSON fixtures found under a folder.</summary>
public static class ConformanceCommand
{
    public static Command Create()
    {
        var folder = new Argument<string>("folder") { Description = "A folder (or one file) of ethereum/tests JSON fixtures, e.g. ../shared/ethtests" };
        var filter = new Option<string?>("--filter") { Description = "Only run fixture files whose path contains this text" };
        var jobs = new Option<int>("--jobs", "-j") { Description = "Fixture files run in parallel", DefaultValueFactory = _ => Environment.ProcessorCount };
        var maxFailures = new Option<int>("--max-failures") { Description = "How many failures to list", DefaultValueFactory = _ => 200 };
        var quiet = new Option<bool>("--quiet", "-q") { Description = "No progress on stderr" };

        var command = new Command("conformance", "Run Ethereum conformance fixtures (RLP, transaction, trie, state and blockchain tests). Exits 1 if any case failed.");
        command.Arguments.Add(folder);
        command.Options.Add(filter);
        command.Options.Add(jobs);
        command.Options.Add(maxFailures);
        command.Options.Add(quiet);
        command.SetAction(parse =>
        {
            string path = parse.GetValue(folder)!;
            if (!Directory.Exists(path) && !File.Exists(path))
            {
                Console.Error.WriteLine($"error: no such fixture folder or file: {path}");
                return 2;
            }
            bool showProgress = !parse.GetValue(quiet) && !Console.IsErrorRedirected;
            var runner = new ConformanceRunner
            {
                Filter = parse.GetValue(filter),
                Parallelism = parse.GetValue(jobs),
                Progress = showProgress ? (done, total) => Console.Error.Write($"\r  {done}/{total} fixture files") : null,
            };
            var results = runner.Run(path);
            if (showProgress) Console.Error.WriteLine();
            Console.WriteLine(ConformanceReport.Render(results, parse.GetValue(maxFailures)));
            return results.Failed > 0 ? 1 : 0;
        });
        return command;
    }
}
