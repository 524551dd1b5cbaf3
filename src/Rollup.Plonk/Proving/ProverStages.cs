using System.Diagnostics;

namespace Rollup.Plonk.Proving;

/// <summary>Wall time per stage of one proof, for operators and benchmarks that need to know where proving time goes
/// (commitments, transforms, the quotient, openings). Stages with the same name add up.</summary>
public sealed class ProverStages
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly List<(string Name, TimeSpan Elapsed)> _stages = [];
    private TimeSpan _last;

    public IReadOnlyList<(string Name, TimeSpan Elapsed)> Stages => _stages;

    /// <summary>Ends the current stage: the time since the previous mark goes to <paramref name="name"/>.</summary>
    public void Mark(string name)
    {
        var now = _clock.Elapsed;
        int i = _stages.FindIndex(s => s.Name == name);
        if (i < 0) _stages.Add((name, now - _last));
        else _stages[i] = (name, _stages[i].Elapsed + (now - _last));
        _last = now;
    }

    public override string ToString() =>
        string.Join("; ", _stages.Select(s => $"{s.Name} {s.Elapsed.TotalMilliseconds:F0} ms"));
}
