using Rollup.Crypto.Bn254.Fields;
using Rollup.Plonk.Checking;
using Xunit.Abstractions;

namespace Rollup.Plonk.Tests;

/// <summary>The local checker re-checks only what a changed cell can break; on a valid witness it must agree with the
/// full checker on every single-cell change — gates, lookup inputs, lookup tables (advice tables included) and copies.</summary>
public class LocalCheckerTests(ITestOutputHelper output)
{
    [Theory]
    [MemberData(nameof(CheckerTests.Circuits), MemberType = typeof(CheckerTests))]
    public void Agrees_with_the_full_checker_on_every_single_cell_change(string circuit)
    {
        var a = CheckerTests.Build(circuit);
        var challenges = CheckerTests.ChallengesFor(circuit) ?? [.. Enumerable.Range(0, a.System.Challenges.Count).Select(i => Fr.FromUInt64(1000 + (ulong)i))];
        var full = new ConstraintChecker { Challenges = challenges };
        var local = new LocalChecker(a, challenges);
        Assert.Empty(full.Check(a));
        var rng = new Random(7);
        int tried = 0, failing = 0;
        foreach (var cell in a.AssignedWitnessCells.ToList())
        {
            var original = a[cell.Column, cell.Row];
            foreach (var replacement in new[] { original + Fr.One, Fr.Random(rng), Fr.Zero })
            {
                if (replacement == original) continue;
                a[cell.Column, cell.Row] = replacement;
                var expected = full.Check(a).Select(f => (f.Kind, f.Name, f.Row)).ToHashSet();
                var got = local.CheckChanged((cell.Column, cell.Row)).Select(f => (f.Kind, f.Name, f.Row)).ToHashSet();
                Assert.True(expected.SetEquals(got), $"{cell}: full [{string.Join("; ", expected)}] local [{string.Join("; ", got)}]");
                tried++;
                if (expected.Count > 0) failing++;
                a[cell.Column, cell.Row] = original;
            }
        }
        output.WriteLine($"{circuit}: {tried} changes, {failing} failing, local and full agree on all");
        Assert.True(failing > 0);
    }
}
