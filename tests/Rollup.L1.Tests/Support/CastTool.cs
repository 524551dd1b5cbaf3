using System.Diagnostics;

namespace Rollup.L1.Tests.Support;

/// <summary>Runs foundry's cast, an independent implementation of the ABI and of JSON-RPC calls, to cross-check ours.</summary>
internal static class CastTool
{
    public static async Task<string> RunAsync(params string[] args)
    {
        var start = new ProcessStartInfo(JsTools.Cast) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args) start.ArgumentList.Add(arg);
        // cast would otherwise look for a foundry.toml and a home config; none is needed.
        start.Environment["FOUNDRY_DISABLE_NIGHTLY_WARNING"] = "1";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
        if (process.ExitCode != 0) throw new InvalidOperationException($"cast {string.Join(' ', args)} failed: {await stderr}");
        return (await stdout).Trim();
    }
}
