using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Rollup.Sequencer.Tests.Support;

/// <summary>The `rollup node` program as a separate process, so that a test can kill it for real (SIGKILL).</summary>
public sealed partial class NodeProcess : IDisposable
{
    private readonly Process _process;
    private readonly TaskCompletionSource<Uri> _url = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly System.Text.StringBuilder _output = new();

    private NodeProcess(Process process) => _process = process;

    public string Output { get { lock (_output) return _output.ToString(); } }

    public static async Task<(NodeProcess Process, Uri Url)> Start(params string[] args)
    {
        string dll = new[] { "Release", "Debug" }
            .Select(c => Path.Combine(JsTools.RepoRoot, "src", "Rollup.Cli", "bin", c, "net10.0", "rollup.dll"))
            .FirstOrDefault(File.Exists) ?? throw new FileNotFoundException("build src/Rollup.Cli first (rollup.dll not found)");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(dll);
        start.ArgumentList.Add("node");
        foreach (var a in args) start.ArgumentList.Add(a);
        var node = new NodeProcess(Process.Start(start)!);
        node._process.OutputDataReceived += (_, e) => node.OnLine(e.Data);
        node._process.ErrorDataReceived += (_, e) => node.OnLine(e.Data);
        node._process.BeginOutputReadLine();
        node._process.BeginErrorReadLine();
        try
        {
            var started = await Task.WhenAny(node._url.Task, Task.Delay(60_000));
            if (started != node._url.Task)
                throw new TimeoutException($"the node did not start (exited: {node._process.HasExited}):\n{node.Output}");
            return (node, await node._url.Task);
        }
        catch
        {
            node.Dispose(); // never leave a node process behind
            throw;
        }
    }

    private void OnLine(string? line)
    {
        if (line is null) return;
        lock (_output) _output.AppendLine(line);
        if (UrlLine().Match(line) is { Success: true } m) _url.TrySetResult(new Uri(m.Groups[1].Value));
        if (_process.HasExited) _url.TrySetException(new InvalidOperationException("the node exited:\n" + Output));
    }

    [GeneratedRegex(@"(?:JSON-RPC on|Listening on) (http://\S+/)")]
    private static partial Regex UrlLine();

    /// <summary>SIGTERM, as Ctrl+C or a service manager stops it: the node shuts down in order (and stops what it
    /// started, such as the dev L1). Returns its exit code.</summary>
    public int Terminate(int timeoutMs = 30_000)
    {
        using (var kill = Process.Start("kill", ["-TERM", _process.Id.ToString()])) kill.WaitForExit();
        if (!_process.WaitForExit(timeoutMs)) throw new TimeoutException("the node did not stop on SIGTERM:\n" + Output);
        return _process.ExitCode;
    }

    /// <summary>SIGKILL: no shutdown code runs.</summary>
    public void Kill()
    {
        _process.Kill();
        _process.WaitForExit();
    }

    public void Dispose()
    {
        if (!_process.HasExited) Kill();
        _process.Dispose();
    }
}
