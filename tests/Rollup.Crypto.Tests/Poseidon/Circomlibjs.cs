using System.ComponentModel;
using System.Diagnostics;
using System.Text.Json;

namespace Rollup.Crypto.Tests.Hashing;

/// <summary>
/// Runs js/poseidon.mjs (circomlibjs, installed into js/node_modules by scripts/js-setup.sh) with node.
/// A missing node, a missing package or a failing script is a test failure with the reason, never a skip:
/// these tests are the independent check that our hashes are circomlib's.
/// </summary>
internal static class Circomlibjs
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(3);

    public static string RepoRoot { get; } = FindRepoRoot();

    public static JsonDocument Run(string mode, string? stdin = null)
    {
        string script = Path.Combine(RepoRoot, "js", "poseidon.mjs");
        string package = Path.Combine(RepoRoot, "js", "node_modules", "circomlibjs", "package.json");
        if (!File.Exists(package))
            throw new InvalidOperationException($"circomlibjs is not installed ({package} is missing): run scripts/js-setup.sh (npm ci --prefix js)");

        var psi = new ProcessStartInfo("node")
        {
            WorkingDirectory = RepoRoot,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        psi.ArgumentList.Add(script);
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
