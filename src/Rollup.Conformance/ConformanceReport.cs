using System.Text;

namespace Rollup.Conformance;

/// <summary>Renders conformance results: a table per fixture folder, the failures and skips with their reasons,
/// and a last line "N passed, N failed, N skipped".</summary>
public static class ConformanceReport
{
    public static string Render(ConformanceResults results, int maxFailuresListed = 200)
    {
        var sb = new StringBuilder();
        var byFolder = results.Cases
            .GroupBy(c => Relative(results.Root, Path.GetDirectoryName(c.File)!))
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .ToList();

        int width = Math.Max(6, byFolder.Select(g => g.Key.Length).DefaultIfEmpty(0).Max());
        sb.AppendLine($"{"folder".PadRight(width)}  {"passed",7}  {"failed",7}  {"skipped",7}");
        sb.AppendLine(new string('-', width + 29));
        foreach (var g in byFolder)
        {
            int p = g.Count(c => c.Outcome == CaseOutcome.Passed), f = g.Count(c => c.Outcome == CaseOutcome.Failed), s = g.Count(c => c.Outcome == CaseOutcome.Skipped);
            sb.AppendLine($"{g.Key.PadRight(width)}  {p,7}  {f,7}  {s,7}");
        }

        var failures = results.Cases.Where(c => c.Outcome == CaseOutcome.Failed).ToList();
        if (failures.Count > 0)
        {
            sb.AppendLine().AppendLine($"Failures ({failures.Count}):");
            foreach (var f in failures.Take(maxFailuresListed))
                sb.AppendLine($"  {Relative(results.Root, f.File)} :: {f.Name}: {f.Detail}");
            if (failures.Count > maxFailuresListed) sb.AppendLine($"  ... and {failures.Count - maxFailuresListed} more");
        }

        var skipReasons = results.Cases.Where(c => c.Outcome == CaseOutcome.Skipped)
            .GroupBy(c => (c.Suite, c.Detail)).OrderBy(g => g.Key.Suite, StringComparer.Ordinal).ToList();
        if (skipReasons.Count > 0)
        {
            sb.AppendLine().AppendLine("Skipped:");
            foreach (var g in skipReasons) sb.AppendLine($"  {g.Count(),6} {g.Key.Suite}: {g.Key.Detail}");
        }
        if (results.UnrecognisedFiles.Count > 0)
            sb.AppendLine().AppendLine($"Ignored {results.UnrecognisedFiles.Count} JSON file(s) outside any known fixture folder.");

        sb.AppendLine().AppendLine($"({results.Elapsed.TotalSeconds:F1} s)");
        sb.Append(SummaryLine(results));
        return sb.ToString();
    }

    public static string SummaryLine(ConformanceResults r) => $"{r.Passed} passed, {r.Failed} failed, {r.Skipped} skipped";

    private static string Relative(string root, string dir)
    {
        if (File.Exists(root)) root = Path.GetDirectoryName(root)!;
        string rel = Path.GetRelativePath(root, dir);
        return rel == "." ? Path.GetFileName(root) : rel;
    }
}
