namespace Rollup.Conformance.Tests;

/// <summary>Runs every GeneralStateTests case. Failures must be exactly the ones in known-state-test-failures.txt:
/// a new failure fails the test, and so does a listed case that now passes (delete its line), so the list only
/// shrinks.</summary>
public class StateTestSuiteTests
{
    private static readonly string KnownFailuresFile = Path.Combine(AppContext.BaseDirectory, "known-state-test-failures.txt");

    [Fact]
    public void GeneralStateTests_fail_only_where_listed()
    {
        var root = FixturePaths.EthTests("GeneralStateTests");
        var results = new ConformanceRunner().Run(root);
        var known = File.ReadAllLines(KnownFailuresFile)
            .Select(l => l.Trim())
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .ToHashSet(StringComparer.Ordinal);

        var failed = results.Cases.Where(c => c.Outcome == CaseOutcome.Failed)
            .ToDictionary(c => Key(root, c), c => c.Detail, StringComparer.Ordinal);

        var unexpected = failed.Keys.Where(k => !known.Contains(k)).Order().ToList();
        var nowPassing = known.Where(k => !failed.ContainsKey(k)).Order().ToList();
        Assert.True(unexpected.Count == 0,
            $"{unexpected.Count} new failure(s):\n" + string.Join("\n", unexpected.Take(50).Select(k => $"{k}: {failed[k]}")));
        Assert.True(nowPassing.Count == 0,
            $"{nowPassing.Count} listed case(s) now pass; delete them from known-state-test-failures.txt:\n" + string.Join("\n", nowPassing.Take(50)));
        Assert.True(results.Passed > 12_000, $"only {results.Passed} cases passed");
    }

    private static string Key(string root, CaseResult c) => $"{Path.GetRelativePath(root, c.File)} :: {c.Name}";
}
