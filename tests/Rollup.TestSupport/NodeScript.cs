using System.ComponentModel;
using System.Diagnostics;
using System.Text.Json;

namespace Rollup.TestSupport;

/// <summary>
/// Runs one of the repository's JavaScript references (js/*.mjs) with node and parses the JSON it prints. The
/// references are the tests' independent checks, so a missing node, a missing npm package or a failing script is a
/// test failure with the reason, never a skip.
/// </summary>
public static class NodeScript
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(3);

    /// <summary>The folder holding Rollup.sln (the tests run from below it).</summary>
    public static string RepoRoot { get; } = FindRepoRoot();

    /// <param name="script">Path under the repository root, e.g. <c>js/poseidon.mjs</c>.</param>
    /// <param name="requiredPackage">The npm package the script needs under js/node_modules (checked first, for a clear message).</param>
    public static JsonDocument RunJson(string script, string mode, string? stdin, string requiredPackage)
    {
        string path = Path.Combine(RepoRoot, script);
        string package = Path.Combine(RepoRoot, "js", "node_modules", requiredPackage, "package.json");
        if (!File.Exists(package))
            throw new InvalidOperationException($"{requiredPackage} is not installed ({package} is missing): run scripts/js-setup.sh (npm ci --prefix js)");

        var psi = new ProcessStartInfo("node")
        {
            WorkingDirectory = RepoRoot,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        psi.ArgumentList.Add(path);
        psi.ArgumentList.Add(mode);

        Process process;
        try { process = Process.Start(psi) ?? throw new InvalidOperationException("node did not start"); }
        catch (Win32Exception e) { throw new InvalidOperationException($"cannot run `node` (is Node.js on PATH?): {e.Message}", e); }

        using (process)
        {
            Task<string> stdout = process.StandardOutput.ReadToEndAsync();
            Task<string> stderr = process.StandardError.ReadToEndAsync();
            if (stdin is not null) process.StandardInput.Write(stdin);
            process.StandardInput.Close();
            if (!process.WaitForExit(Timeout))
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"node {script} {mode} ran longer than {Timeout}");
            }
            process.WaitForExit();
            if (process.ExitCode != 0)
                throw new InvalidOperationException($"node {script} {mode} exited with {process.ExitCode}: {stderr.Result}");
            return JsonDocument.Parse(stdout.Result);
        }
    }

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Rollup.sln"))) return dir.FullName;
        throw new InvalidOperationException($"no Rollup.sln above {AppContext.BaseDirectory}");
    }
}
