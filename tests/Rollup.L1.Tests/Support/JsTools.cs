namespace Rollup.L1.Tests.Support;

/// <summary>Paths of the npm-installed tools the tests drive (js/package.json pins them; scripts/js-setup.sh
/// installs them).</summary>
internal static class JsTools
{
    public static string RepoRoot { get; } = FindRepoRoot();

    public static string Anvil => Require(Path.Combine(RepoRoot, "js", "node_modules", "@foundry-rs", "anvil-linux-amd64", "bin", "anvil"));
    public static string Cast => Require(Path.Combine(RepoRoot, "js", "node_modules", "@foundry-rs", "cast-linux-amd64", "bin", "cast"));

    public static string Snarkjs => Require(Path.Combine(RepoRoot, "js", "node_modules", "snarkjs", "build", "cli.cjs"));

    /// <summary>Runs node with these arguments; throws with its stderr when it fails.</summary>
    public static void Node(params string[] args)
    {
        var start = new System.Diagnostics.ProcessStartInfo("node") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args) start.ArgumentList.Add(a);
        using var process = System.Diagnostics.Process.Start(start) ?? throw new InvalidOperationException("node did not start");
        var stdout = process.StandardOutput.ReadToEndAsync();
        string error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        _ = stdout.Result;
        if (process.ExitCode != 0) throw new InvalidOperationException($"node {string.Join(' ', args)} failed ({process.ExitCode}): {error}");
    }

    private static string Require(string path) =>
        File.Exists(path) ? path : throw new FileNotFoundException($"{path} is missing: run scripts/js-setup.sh (npm ci --prefix js)");

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Rollup.sln"))) return dir.FullName;
        throw new DirectoryNotFoundException("repository root (Rollup.sln) not found above " + AppContext.BaseDirectory);
    }
}
