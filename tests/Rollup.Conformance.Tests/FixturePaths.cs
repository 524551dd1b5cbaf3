namespace Rollup.Conformance.Tests;

/// <summary>Finds the shared ethereum/tests fixtures (../shared/ethtests from the repository root) by walking
/// up from the test binaries, so the tests run from any checkout or worktree.</summary>
internal static class FixturePaths
{
    public static string EthTests(string kind)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            string candidate = Path.Combine(dir.FullName, "..", "shared", "ethtests", kind);
            if (Directory.Exists(candidate)) return Path.GetFullPath(candidate);
        }
        throw new DirectoryNotFoundException($"ethtests/{kind} not found in a 'shared' folder beside any parent of {AppContext.BaseDirectory}");
    }
}
