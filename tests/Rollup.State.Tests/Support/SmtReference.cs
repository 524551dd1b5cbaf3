using System.ComponentModel;
using System.Diagnostics;
using System.Text.Json;

namespace Rollup.State.Tests.Support;

/// <summary>
/// Runs js/smt-reference.mjs (the tree format written again from docs/state-tree.md in JavaScript, on
/// circomlibjs's Poseidon) with node. A missing node or circomlibjs is a failure with the reason, never a skip:
/// this is the independent check of our roots.
/// </summary>
internal static class SmtReference
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(3);

    public static string RepoRoot { get; } = FindRepoRoot();

    public static JsonDocument Run(string mode, string stdin)
    {
        string script = Path.Combine(RepoRoot, "js", "smt-reference.mjs");
        string package = Path.Combine(RepoRoot, "js", "node_modules", "circomlibjs", "package.json");
        if (!File.Exists(package))
            throw new InvalidOperationException($"circomlibjs is not installed ({package} is missing): run scripts/js-setup.sh");

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
            process.StandardInput.Write(stdin);
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
