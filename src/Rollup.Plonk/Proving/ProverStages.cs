using System.Diagnostics;

namespace Rollup.Plonk.Proving;

/// <summary>Wall and process CPU time per stage of one proof, for operators and benchmarks that need to know where
/// proving time goes (commitments, transforms, the quotient, openings). Stages with the same name add up. On a shared
/// machine the CPU time is the steadier figure: other jobs stretch the wall time, not the work.</summary>
public sealed class ProverStages
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly List<(string Name, TimeSpan Elapsed, TimeSpan Cpu)> _stages = [];
    private TimeSpan _last;
    private TimeSpan _lastCpu = Environment.CpuUsage.TotalTime;

    public IReadOnlyList<(string Name, TimeSpan Elapsed, TimeSpan Cpu)> Stages => _stages;

    /// <summary>Ends the current stage: the time since the previous mark goes to <paramref name="name"/>.</summary>
    public void Mark(string name)
    {
        var now = _clock.Elapsed;
        var cpu = Environment.CpuUsage.TotalTime;
        int i = _stages.FindIndex(s => s.Name == name);
        if (i < 0) _stages.Add((name, now - _last, cpu - _lastCpu));
        else _stages[i] = (name, _stages[i].Elapsed + (now - _last), _stages[i].Cpu + (cpu - _lastCpu));
        _last = now;
        _lastCpu = cpu;
    }

    public override string ToString() =>
        string.Join("; ", _stages.Select(s => $"{s.Name} {s.Elapsed.TotalMilliseconds:F0} ms (CPU {s.Cpu.TotalMilliseconds:F0})"));
}
