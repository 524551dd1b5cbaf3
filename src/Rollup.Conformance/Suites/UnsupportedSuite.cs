using System.Text.Json;

namespace Rollup.Conformance.Suites;

/// <summary>A fixture kind the code cannot judge yet: each of its cases is reported as skipped, with the reason.</summary>
public sealed class UnsupportedSuite(string name, string reason) : IFixtureSuite
{
    public string Name { get; } = name;
    public string Reason { get; } = reason;

    public IEnumerable<CaseResult> RunFile(string path)
    {
        List<string> names = [];
        try
        {
            using var doc = JsonDocument.Parse(File.ReadAllBytes(path));
            foreach (var test in doc.RootElement.EnumerateObject()) names.Add(test.Name);
        }
        catch (JsonException) { names.Add(Path.GetFileNameWithoutExtension(path)); }
        return names.Select(n => CaseResult.Skip(Name, path, n, Reason));
    }
}
