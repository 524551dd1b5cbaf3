using System.Collections.Concurrent;
using System.Diagnostics;

namespace Rollup.Conformance;

/// <summary>Finds the fixture files under a folder, runs each with its suite, and gathers the verdicts.</summary>
public sealed class ConformanceRunner
{
    /// <summary>Called now and then with (files done, files total) so long runs can show progress.</summary>
    public Action<int, int>? Progress { get; init; }

    /// <summary>How many files run at once; defaults to the processor count.</summary>
    public int Parallelism { get; init; } = Environment.ProcessorCount;

    /// <summary>Optional substring filter on the fixture path.</summary>
    public string? Filter { get; init; }

    public ConformanceResults Run(string root)
    {
        root = Path.GetFullPath(root);
        if (!Directory.Exists(root) && !File.Exists(root))
            throw new DirectoryNotFoundException($"no such fixture folder or file: {root}");

        var files = (File.Exists(root) ? [root] : Directory.EnumerateFiles(root, "*.json", SearchOption.AllDirectories))
            .Where(f => Filter is null || f.Contains(Filter, StringComparison.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal)
            .ToList();

        var results = new ConcurrentBag<CaseResult>();
        var unknown = new ConcurrentBag<string>();
        int done = 0;
        var clock = Stopwatch.StartNew();
        long lastReport = 0;
        Parallel.ForEach(files, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, Parallelism) }, file =>
        {
            var suite = SuiteRegistry.ForFile(file);
            if (suite is null) unknown.Add(file);
            else
            {
                try
                {
                    foreach (var r in suite.RunFile(file)) results.Add(r);
                }
                catch (Exception e)
                {
                    results.Add(CaseResult.Fail(suite.Name, file, Path.GetFileName(file), $"fixture could not be run: {e.GetType().Name}: {e.Message}"));
                }
            }
            int n = Interlocked.Increment(ref done);
            long now = clock.ElapsedMilliseconds;
            long last = Interlocked.Read(ref lastReport);
            if (Progress is not null && (now - last >= 1000 || n == files.Count) && Interlocked.CompareExchange(ref lastReport, now, last) == last)
                Progress(n, files.Count);
        });

        return new ConformanceResults(root, [.. results.OrderBy(r => r.File, StringComparer.Ordinal).ThenBy(r => r.Name, StringComparer.Ordinal)],
            [.. unknown.Order(StringComparer.Ordinal)], clock.Elapsed);
    }
}

/// <summary>Everything one conformance run found.</summary>
public sealed record ConformanceResults(string Root, IReadOnlyList<CaseResult> Cases, IReadOnlyList<string> UnrecognisedFiles, TimeSpan Elapsed)
{
    public int Passed => Cases.Count(c => c.Outcome == CaseOutcome.Passed);
    public int Failed => Cases.Count(c => c.Outcome == CaseOutcome.Failed);
    public int Skipped => Cases.Count(c => c.Outcome == CaseOutcome.Skipped);
}
