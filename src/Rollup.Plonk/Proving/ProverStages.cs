using System.Diagnostics;

namespace Rollup.Plonk.Proving;

/// <summary>Wall and process CPU time per stage of one proof, for operators and benchmarks that need to know where
/// proving time goes (commitments, transforms, the quotient, openings). Stages with the same name add up. On a shared
/// machine the CPU time is the steadier figure: other jobs stretch the wall time, not the work.
/// <para>With a <see cref="MemoryProbe"/>, each stage also gets the largest figure the probe gave at its marks: the
/// benchmark's probe reads the process's peak resident set and resets it, so a stage's figure is its own peak.</para></summary>
public sealed class ProverStages
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly List<(string Name, TimeSpan Elapsed, TimeSpan Cpu, double MemoryMiB)> _stages = [];
    private TimeSpan _last;
    private TimeSpan _lastCpu = Environment.CpuUsage.TotalTime;

    /// <summary>Called at each mark for the stage that just ended (MiB), or null for none.</summary>
    public Func<double>? MemoryProbe { get; init; }

    public IReadOnlyList<(string Name, TimeSpan Elapsed, TimeSpan Cpu, double MemoryMiB)> Stages => _stages;

    /// <summary>Ends the current stage: the time since the previous mark goes to <paramref name="name"/>.</summary>
    public void Mark(string name)
    {
        var now = _clock.Elapsed;
        var cpu = Environment.CpuUsage.TotalTime;
        double memory = MemoryProbe?.Invoke() ?? double.NaN;
        int i = _stages.FindIndex(s => s.Name == name);
        if (i < 0) _stages.Add((name, now - _last, cpu - _lastCpu, memory));
        else _stages[i] = (name, _stages[i].Elapsed + (now - _last), _stages[i].Cpu + (cpu - _lastCpu), Math.Max(_stages[i].MemoryMiB, memory));
        _last = now;
        _lastCpu = cpu;
    }

    public override string ToString() =>
        string.Join("; ", _stages.Select(s => $"{s.Name} {s.Elapsed.TotalMilliseconds:F0} ms (CPU {s.Cpu.TotalMilliseconds:F0}" +
                                              (double.IsNaN(s.MemoryMiB) ? ")" : $", peak {s.MemoryMiB:F0} MiB)")));
}
