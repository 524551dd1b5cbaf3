namespace Rollup.Conformance.Tests;

/// <summary>A checked-in list of fixture cases that fail today, each group with its reason. A suite test asserts that
/// the failures are exactly the listed ones: a new failure fails it, and so does a listed case that now passes (its
/// line must go), so the list only shrinks.</summary>
internal static class KnownFailures
{
    public static void AssertOnlyListed(string root, ConformanceResults results, string listFile)
    {
        var known = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, listFile))
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
            $"{nowPassing.Count} listed case(s) now pass; delete them from {listFile}:\n" + string.Join("\n", nowPassing.Take(50)));
    }

    private static string Key(string root, CaseResult c) => $"{Path.GetRelativePath(root, c.File)} :: {c.Name}";
}
