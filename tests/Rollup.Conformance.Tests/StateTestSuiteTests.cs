namespace Rollup.Conformance.Tests;

/// <summary>Runs every GeneralStateTests case. Failures must be exactly the ones in known-state-test-failures.txt.</summary>
public class StateTestSuiteTests
{
    [Fact]
    public void GeneralStateTests_fail_only_where_listed()
    {
        var root = FixturePaths.EthTests("GeneralStateTests");
        var results = new ConformanceRunner().Run(root);
        KnownFailures.AssertOnlyListed(root, results, "known-state-test-failures.txt");
        Assert.True(results.Passed > 12_000, $"only {results.Passed} cases passed");
    }
}
