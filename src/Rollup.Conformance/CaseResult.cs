namespace Rollup.Conformance;

public enum CaseOutcome { Passed, Failed, Skipped }

/// <summary>The verdict on one fixture case (one test name, or one (fork, index) of a state test).</summary>
/// <param name="Suite">The fixture kind, e.g. "RLPTests".</param>
/// <param name="File">The fixture file the case came from.</param>
/// <param name="Name">The case name inside the file (with fork and indexes where the format has them).</param>
/// <param name="Detail">For failures what differed; for skips the reason.</param>
public sealed record CaseResult(string Suite, string File, string Name, CaseOutcome Outcome, string? Detail = null)
{
    public static CaseResult Pass(string suite, string file, string name) => new(suite, file, name, CaseOutcome.Passed);
    public static CaseResult Fail(string suite, string file, string name, string detail) => new(suite, file, name, CaseOutcome.Failed, detail);
    public static CaseResult Skip(string suite, string file, string name, string reason) => new(suite, file, name, CaseOutcome.Skipped, reason);
}
